using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using static GovDisclosure.Domain.Tests.Rules.TestReports;

namespace GovDisclosure.Domain.Tests.Rules;

public class BlankCellRuleTests
{
    [Fact]
    public void A_report_with_every_cell_written_has_no_blank_warning()
    {
        Assert.Empty(Check(BalancedT2019()).Findings(RuleIds.BlankAsZero));
    }

    [Fact]
    public void A_blank_cell_is_a_warning_naming_the_cell_and_its_row_and_column()
    {
        var report = BalancedT2019();
        report.Cells.Remove("s3.withheld.3.research");

        var finding = Assert.Single(Check(report).Findings(RuleIds.BlankAsZero));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(["s3.withheld.3.research"], finding.CellCodes);
        Assert.Equal(
            "三、收到和处理政府信息公开申请情况有1个单元格空白，已按0计算（三（三）3 危及“三安全一稳定”：科研机构）。如确为0，请填写0",
            finding.Message);
    }

    [Fact]
    public void While_editing_a_table_nobody_typed_in_is_quiet_until_part_of_it_is_filled_and_a_submission_check_still_flags_it()
    {
        var report = new ReportDocument(GovDisclosure.Domain.Templates.TemplateVersion.T2021, 2024, "甲局", "甲局报告");

        var editing = ReportChecker.Check(new CheckContext(report) { WhileEditing = true });
        Assert.Empty(editing.Findings(RuleIds.BlankAsZero));
        Assert.NotEmpty(ReportChecker.Check(new CheckContext(report)).Findings(RuleIds.BlankAsZero));

        report.Cells["s3.received.natural"] = 2;
        var partly = ReportChecker.Check(new CheckContext(report) { WhileEditing = true }).Findings(RuleIds.BlankAsZero);
        var table3 = Assert.Single(partly);
        Assert.StartsWith("三、收到和处理政府信息公开申请情况", table3.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_totals_are_computed_and_not_flagged()
    {
        var report = BalancedT2021();
        report.Cells.Remove("s3.granted.total");
        report.Cells.Remove("s3.processed.natural");
        report.Cells.Remove("s4.suit_direct.total");

        Assert.Empty(Check(report).Findings(RuleIds.BlankAsZero));
    }

    [Fact]
    public void Sample_000_gets_one_blank_warning_per_table_that_has_blanks()
    {
        var findings = Check(Sample000()).Findings(RuleIds.BlankAsZero);

        Assert.Equal(2, findings.Count);
        Assert.StartsWith("三、收到和处理政府信息公开申请情况有", findings[0].Message);
        Assert.Contains("s3.received.research", findings[0].CellCodes);
        Assert.DoesNotContain("s3.withheld.1.total", findings[0].CellCodes);
        Assert.StartsWith("四、政府信息公开行政复议、行政诉讼情况有8个单元格空白", findings[1].Message);
    }

    [Fact]
    public void A_blank_cell_in_a_section_two_table_names_the_article_item()
    {
        var report = BalancedT2021();
        report.Cells.Remove("s2.fees.amount");

        var finding = Assert.Single(Check(report).Findings(RuleIds.BlankAsZero));

        Assert.Equal(["s2.fees.amount"], finding.CellCodes);
        Assert.StartsWith("二、主动公开政府信息情况 第二十条第（八）项有1个单元格空白", finding.Message);
    }

    [Fact]
    public void Filling_some_blanks_of_a_table_keeps_the_key_its_explanation_is_filed_under()
    {
        var report = BalancedT2019();
        report.Cells.Remove("s3.withheld.3.research");
        report.Cells.Remove("s3.withheld.3.natural");
        var before = Assert.Single(Check(report).Findings(RuleIds.BlankAsZero));

        report.Cells["s3.withheld.3.natural"] = 0;
        var after = Assert.Single(Check(report).Findings(RuleIds.BlankAsZero));

        Assert.Equal(["s3.withheld.3.research"], after.CellCodes);
        Assert.Equal(before.Key, after.Key);
        Assert.NotEqual(
            before.Key,
            Assert.Single(Check(WithBlank(BalancedT2019(), "s4.review.corrected")).Findings(RuleIds.BlankAsZero)).Key);
    }

    private static ReportDocument WithBlank(ReportDocument report, string code)
    {
        report.Cells.Remove(code);
        return report;
    }
}
