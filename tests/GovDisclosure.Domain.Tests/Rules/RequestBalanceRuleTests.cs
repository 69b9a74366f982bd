using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using static GovDisclosure.Domain.Tests.Rules.TestReports;

namespace GovDisclosure.Domain.Tests.Rules;

public class RequestBalanceRuleTests
{
    [Fact]
    public void Balanced_reports_of_both_templates_have_no_findings_at_all()
    {
        Assert.Empty(Check(BalancedT2019()));
        Assert.Empty(Check(BalancedT2021()));
    }

    [Fact]
    public void Sample_000_as_published_has_no_errors()
    {
        var findings = Check(Sample000());

        Assert.False(ReportChecker.HasErrors(findings), string.Join("\n", findings));
    }

    [Fact]
    public void A_column_that_does_not_balance_names_its_four_cells_and_both_sums()
    {
        var report = BalancedT2019();
        Set(report, "s3.carried_out.natural", 4);

        var finding = Assert.Single(Check(report).Findings(RuleIds.ColumnBalance));

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(["s3.received.natural", "s3.carried_in.natural", "s3.processed.natural", "s3.carried_out.natural"], finding.CellCodes);
        Assert.Equal("自然人列：本年新收47＋上年结转4＝51，但办理结果总计48＋结转下年度4＝52", finding.Message);
    }

    [Fact]
    public void The_total_column_is_balanced_with_totals_computed_where_blank()
    {
        var report = BalancedT2021();
        foreach (var row in new[] { "received", "carried_in", "processed", "carried_out" })
        {
            report.Cells.Remove($"s3.{row}.total");
        }

        Assert.Empty(Check(report).Findings(RuleIds.ColumnBalance));
    }

    [Fact]
    public void A_written_column_total_that_breaks_the_balance_is_reported_for_the_total_column()
    {
        var report = BalancedT2021();
        Set(report, "s3.carried_in.total", 5);

        var finding = Assert.Single(Check(report).Findings(RuleIds.ColumnBalance));

        Assert.Contains("s3.carried_in.total", finding.CellCodes);
        Assert.Equal("总计列：本年新收12＋上年结转5＝17，但办理结果总计12＋结转下年度3＝15", finding.Message);
    }

    [Fact]
    public void Carrying_out_more_than_came_in_is_reported_once_as_R3A_not_again_as_R3E()
    {
        var report = BalancedT2019();
        Set(report, "s3.carried_out.natural", 60);

        var findings = Check(report);

        Assert.Single(findings.Findings(RuleIds.ColumnBalance));
        Assert.Empty(findings.Findings(RuleIds.CarriedOutBound));
    }

    [Fact]
    public void A_column_that_balances_only_through_a_negative_processed_total_breaks_R3E()
    {
        var report = BalancedT2019();
        Set(report, "s3.processed.natural", -2);
        Set(report, "s3.carried_out.natural", 53);

        var findings = Check(report);
        var finding = Assert.Single(findings.Findings(RuleIds.CarriedOutBound));

        Assert.DoesNotContain(findings.Findings(RuleIds.ColumnBalance), f => f.CellCodes.Contains("s3.carried_out.natural"));
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("s3.carried_out.natural", finding.CellCodes[0]);
        Assert.Equal("自然人列：结转下年度53大于本年新收47＋上年结转4＝51", finding.Message);
    }

    [Fact]
    public void Errors_and_warnings_are_told_apart_by_the_helpers()
    {
        var report = BalancedT2019();
        Set(report, "s3.carried_out.natural", 4);
        report.Cells.Remove("s2.rules.made");

        var findings = Check(report);

        Assert.True(ReportChecker.HasErrors(findings));
        Assert.All(ReportChecker.Errors(findings), f => Assert.True(f.IsError));
        Assert.Equal(RuleIds.BlankAsZero, Assert.Single(ReportChecker.Warnings(findings)).RuleId);
        Assert.False(ReportChecker.HasErrors(ReportChecker.Warnings(findings)));
    }

    [Fact]
    public void Findings_are_listed_errors_first_then_in_template_cell_order()
    {
        var report = BalancedT2019();
        Set(report, "s4.review.total", 5);
        Set(report, "s3.granted.commercial", 1);
        report.Cells.Remove("s2.rules.made");

        var findings = Check(report);

        Assert.Equal(
            [RuleIds.RowTotal, RuleIds.ProcessedTotal, RuleIds.AppealTotal, RuleIds.BlankAsZero, RuleIds.Narrative],
            findings.Select(f => f.RuleId));
        Assert.Equal("s3.granted.total", findings[0].CellCodes[0]);
        Assert.Equal("s3.processed.commercial", findings[1].CellCodes[0]);
        Assert.Equal(findings.Select(f => f.ToString()), Check(report).Select(f => f.ToString()));
    }
}
