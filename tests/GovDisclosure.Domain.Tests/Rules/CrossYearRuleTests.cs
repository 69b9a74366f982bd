using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using static GovDisclosure.Domain.Tests.Rules.TestReports;

namespace GovDisclosure.Domain.Tests.Rules;

public class CrossYearRuleTests
{
    [Fact]
    public void Consecutive_consistent_reports_have_no_findings()
    {
        Assert.Empty(Check(BalancedT2021(2022), BalancedT2021(2021)));
    }

    [Fact]
    public void Carried_in_that_differs_from_last_years_carried_out_is_a_warning_naming_this_years_cell()
    {
        var previous = BalancedT2021(2021);
        Set(previous, "s3.carried_out.natural", 2);

        var finding = Assert.Single(Check(BalancedT2021(2022), previous).Findings(RuleIds.CarriedOverAcrossYears));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(["s3.carried_in.natural"], finding.CellCodes);
        Assert.Equal("自然人列：本年“上年结转”3，但2021年报告“结转下年度继续办理”为2", finding.Message);
    }

    [Fact]
    public void Changing_this_years_carried_in_is_reported_on_that_cell()
    {
        var report = BalancedT2021(2022);
        Set(report, "s3.carried_in.natural", 4);

        var finding = Assert.Single(Check(report, BalancedT2021(2021)).Findings(RuleIds.CarriedOverAcrossYears));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(["s3.carried_in.natural"], finding.CellCodes);
        Assert.Contains("本年“上年结转”4，但2021年报告“结转下年度继续办理”为3", finding.Message);
    }

    [Fact]
    public void Carried_over_requests_are_compared_across_the_change_of_template()
    {
        var previous = BalancedT2019(2020);
        Set(previous, "s3.carried_out.commercial", 0);
        Set(previous, "s3.carried_out.total", 3);
        var report = BalancedT2021(2021);

        Assert.Empty(Check(report, previous).Findings(RuleIds.CarriedOverAcrossYears));

        Set(report, "s3.carried_in.commercial", 1);
        var finding = Assert.Single(Check(report, previous).Findings(RuleIds.CarriedOverAcrossYears));
        Assert.Equal(["s3.carried_in.commercial"], finding.CellCodes);
        Assert.Contains("本年“上年结转”1，但2020年报告“结转下年度继续办理”为0", finding.Message);
    }

    [Fact]
    public void A_break_in_the_total_column_alone_is_reported_on_the_total()
    {
        var previous = BalancedT2021(2021);
        Set(previous, "s3.carried_out.total", 5);

        var finding = Assert.Single(Check(BalancedT2021(2022), previous).Findings(RuleIds.CarriedOverAcrossYears));

        Assert.Equal(["s3.carried_in.total"], finding.CellCodes);
    }

    [Fact]
    public void A_previous_report_that_is_not_last_years_is_not_compared()
    {
        var previous = BalancedT2021(2021);
        Set(previous, "s3.carried_out.natural", 2);
        Set(previous, "s2.normative.effective", 10);

        var findings = Check(BalancedT2021(2023), previous);

        Assert.DoesNotContain(findings, f => f.RuleId.StartsWith("X-", StringComparison.Ordinal));
    }

    [Fact]
    public void Effective_documents_that_do_not_follow_from_last_year_are_a_warning()
    {
        var report = BalancedT2021(2022);
        Set(report, "s2.normative.effective", 55);

        var finding = Assert.Single(Check(report, BalancedT2021(2021)).Findings(RuleIds.EffectiveDocuments));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("s2.normative.effective", finding.CellCodes[0]);
        Assert.Contains("现行有效件数55，但上年现行有效54＋本年制发2－本年废止2＝54", finding.Message);
    }

    [Fact]
    public void Effective_documents_are_not_compared_across_the_change_of_template()
    {
        var previous = BalancedT2019(2020);
        Set(previous, "s3.carried_out.commercial", 0);
        Set(previous, "s3.carried_out.total", 3);

        Assert.Empty(Check(BalancedT2021(2021), previous));
    }

    [Fact]
    public void Repealing_more_than_existed_is_a_warning_and_replaces_the_effective_count_warning()
    {
        var report = BalancedT2021(2022);
        Set(report, "s2.normative.repealed", 60);

        var findings = Check(report, BalancedT2021(2021));
        var finding = Assert.Single(findings.Findings(RuleIds.RepealedBound));

        Assert.Empty(findings.Findings(RuleIds.EffectiveDocuments));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("s2.normative.repealed", finding.CellCodes[0]);
        Assert.Equal("二（一）行政规范性文件：本年废止件数60，超过上年现行有效54＋本年制发2＝56", finding.Message);
    }

    [Fact]
    public void Last_years_item_count_plus_its_change_must_give_this_years_previous_count()
    {
        Assert.Empty(Check(BalancedT2019(2020), PreviousT2019()).Findings(RuleIds.PreviousItemCount));

        var previous = PreviousT2019();
        Set(previous, "s2.penalty.change", -2);
        Set(previous, "s2.penalty.prev", 5);

        var finding = Assert.Single(Check(BalancedT2019(2020), previous).Findings(RuleIds.PreviousItemCount));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(["s2.penalty.prev"], finding.CellCodes);
        Assert.Equal("“二（六）行政处罚 — 上一年项目数量”为0，但2019年报告上一年项目数量5＋本年增/减（-2）＝3", finding.Message);
    }

    [Fact]
    public void Changing_this_years_previous_item_count_is_reported_on_that_cell()
    {
        var report = BalancedT2019(2020);
        Set(report, "s2.fees.prev", 7);

        var finding = Assert.Single(Check(report, PreviousT2019()).Findings(RuleIds.PreviousItemCount));

        Assert.Equal(["s2.fees.prev"], finding.CellCodes);
        Assert.Equal("“二（八）行政事业性收费 — 上一年项目数量”为7，但2019年报告上一年项目数量0＋本年增/减0＝0", finding.Message);
    }

    private static ReportDocument PreviousT2019()
    {
        var previous = BalancedT2019(2019);
        Set(previous, "s3.carried_out.commercial", 0);
        Set(previous, "s3.carried_out.natural", 4);
        Set(previous, "s3.carried_out.total", 4);
        return previous;
    }
}
