using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using static GovDisclosure.Domain.Tests.Rules.TestReports;

namespace GovDisclosure.Domain.Tests.Rules;

public class NarrativeRuleTests
{
    public static TheoryData<string> Samples() => ["000", "001", "003"];

    private static ReportDocument Sample(string name) => name switch
    {
        "000" => Sample000(),
        "001" => Sample001(),
        _ => Sample003(),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_sample_names_another_year_as_its_period(string sample)
    {
        Assert.Empty(Check(Sample(sample)).Findings(RuleIds.Period));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_sample_has_errors(string sample)
    {
        var findings = Check(Sample(sample));

        Assert.False(ReportChecker.HasErrors(findings), string.Join("\n", findings));
    }

    [Theory]
    [InlineData("本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。")]
    [InlineData("现将本机关2019年度政府信息公开工作情况报告如下。")]
    [InlineData("本年度（2019年），本机关认真贯彻落实《条例》。")]
    public void An_overview_that_states_another_year_as_its_period_is_a_warning(string sentence)
    {
        var report = BalancedT2019(2020);
        report.Sections[SectionKeys.Overview] = sentence + report.Sections[SectionKeys.Overview];

        var finding = Assert.Single(Check(report).Findings(RuleIds.Period));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Empty(finding.CellCodes);
        Assert.Contains("2019年作为报告期", finding.Message);
        Assert.Contains("2020年度报告", finding.Message);
    }

    [Fact]
    public void A_title_naming_another_year_is_a_warning()
    {
        var report = BalancedT2019(2020);
        report.Title = "宁波市发展和改革委员会2019年度政府信息公开工作年度报告";

        Assert.Single(Check(report).Findings(RuleIds.Period));
    }

    [Fact]
    public void Next_years_plans_and_cited_documents_are_not_a_period()
    {
        var report = BalancedT2019(2020);
        report.Sections[SectionKeys.Overview] =
            "2020年1月1日至12月31日，本机关按照《2019年度政府信息公开工作年度报告》所列问题逐项整改。2021年，我区将继续深化政务公开。" +
            "2019年度政府信息公开工作考核结果为优秀。" + report.Sections[SectionKeys.Overview];

        Assert.Empty(Check(report).Findings(RuleIds.Period));
    }

    [Fact]
    public void Sample_003_stating_four_requests_against_three_in_table_three_is_a_warning()
    {
        var finding = Assert.Single(Check(Sample003()).Findings(RuleIds.Narrative));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("s3.received.total", finding.CellCodes);
        Assert.Equal("正文称收到或受理政府信息公开申请4件，但表三本年新收申请总计为3（上年结转0，办理结果总计3）", finding.Message);
    }

    [Fact]
    public void Sample_000_matches_with_one_of_its_stated_figures()
    {
        Assert.Empty(Check(Sample000()).Findings(RuleIds.Narrative));
    }

    [Fact]
    public void Sample_001_saying_there_were_no_requests_matches_an_empty_table()
    {
        Assert.Empty(Check(Sample001()).Findings(RuleIds.Narrative));
    }

    [Fact]
    public void Saying_there_were_no_requests_against_a_table_with_some_is_a_warning()
    {
        var report = Sample001();
        Set(report, "s3.received.total", 2);

        var finding = Assert.Single(Check(report).Findings(RuleIds.Narrative));

        Assert.Contains("s3.received.total", finding.CellCodes);
        Assert.Contains("申请0件", finding.Message);
        Assert.Contains("总计为2", finding.Message);
    }

    [Fact]
    public void A_received_total_that_differs_from_the_stated_figure_is_a_warning_naming_it()
    {
        var report = BalancedT2019(2020);
        Set(report, "s3.received.total", 49);

        var finding = Assert.Single(Check(report).Findings(RuleIds.Narrative));

        Assert.Contains("s3.received.total", finding.CellCodes);
        Assert.Contains("申请48件", finding.Message);
        Assert.Contains("总计为49", finding.Message);
    }

    [Fact]
    public void A_review_total_that_differs_from_the_stated_figure_is_a_warning_naming_it()
    {
        var report = BalancedT2021();
        Set(report, "s4.review.total", 5);

        var finding = Assert.Single(Check(report).Findings(RuleIds.Narrative));

        Assert.Equal(["s4.review.total"], finding.CellCodes);
        Assert.Equal("正文称行政复议4件，但表四行政复议总计为5", finding.Message);
    }

    [Fact]
    public void A_suit_total_that_differs_from_the_stated_figure_is_a_warning_naming_it()
    {
        var report = BalancedT2021();
        Set(report, "s4.suit_after_review.total", 4);

        var finding = Assert.Single(Check(report).Findings(RuleIds.Narrative));

        Assert.Contains("s4.suit_after_review.total", finding.CellCodes);
        Assert.Equal("正文称行政诉讼3件，但表四行政诉讼总计为4（未经复议直接起诉0，复议后起诉4）", finding.Message);
    }

    [Fact]
    public void Other_things_received_are_not_read_as_requests()
    {
        var report = BalancedT2021();
        report.Sections[SectionKeys.Overview] = "依申请公开工作有序开展，全年收到人大建议12件、政协提案5件。";

        Assert.Empty(Check(report).Findings(RuleIds.Narrative));
    }

    [Fact]
    public void A_T2021_report_that_states_its_information_processing_fees_passes()
    {
        Assert.Empty(Check(BalancedT2021()).Findings(RuleIds.NoFeeStatement));
        Assert.Empty(Check(Sample003()).Findings(RuleIds.NoFeeStatement));
    }

    [Fact]
    public void A_T2021_report_silent_on_information_processing_fees_is_a_warning()
    {
        var report = BalancedT2021();
        report.Sections[SectionKeys.Other] = "无。";

        var finding = Assert.Single(Check(report).Findings(RuleIds.NoFeeStatement));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Empty(finding.CellCodes);
        Assert.Contains("信息处理费", finding.Message);
    }

    [Fact]
    public void A_T2019_report_is_not_asked_about_information_processing_fees()
    {
        var report = BalancedT2019();
        report.Sections[SectionKeys.Other] = "无。";

        Assert.Empty(Check(report).Findings(RuleIds.NoFeeStatement));
    }
}
