using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using static GovDisclosure.Domain.Tests.Rules.TestReports;

namespace GovDisclosure.Domain.Tests.Rules;

/// <summary>Cells an importer refused are unknown, not 0: the rules that need them say they could not check.</summary>
public class UnknownCellRuleTests
{
    [Fact]
    public void A_refused_table_four_is_not_read_as_zero_suits_against_the_narrative()
    {
        var report = BalancedT2021();
        report.Sections[SectionKeys.Overview] = "2021年，本机关共收到政府信息公开申请12件，上年结转3件。全年被申请行政复议4件，提起行政诉讼9件。";
        foreach (var cell in report.Definition.Table("s4").Rows[0].Cells)
        {
            report.Cells.MarkUnknown(cell.Code);
        }

        var findings = Check(report);

        Assert.Empty(findings.Findings(RuleIds.Narrative));
        Assert.Empty(findings.Findings(RuleIds.AppealTotal));
        Assert.Empty(findings.Findings(RuleIds.BlankAsZero));
        var notChecked = findings.Findings(RuleIds.Unchecked);
        var suits = Assert.Single(notChecked, f => f.Message.Contains("行政诉讼9件", StringComparison.Ordinal));
        Assert.True(suits.Message.StartsWith("无法核对：正文称行政诉讼9件，缺少", StringComparison.Ordinal), suits.Message);
        Assert.Contains("缺少“四 行政诉讼 未经复议直接起诉”总计；“四 行政诉讼 复议后起诉”总计的数值（导入时未能读取，不按0计）", suits.Message);
        Assert.Equal(["s4.suit_direct.total", "s4.suit_after_review.total"], suits.CellCodes);
        Assert.DoesNotContain("s3.received.total", suits.CellCodes);
        Assert.All(notChecked, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }

    [Fact]
    public void A_refused_row_of_table_three_leaves_its_columns_unbalanced_unchecked_and_names_the_row()
    {
        var report = BalancedT2021();
        foreach (var column in new[] { "natural", "commercial", "research", "nonprofit", "legal", "orgother", "total" })
        {
            report.Cells.MarkUnknown($"s3.processed.{column}");
        }

        var findings = Check(report);

        Assert.Empty(findings.Findings(RuleIds.ColumnBalance));
        Assert.Empty(findings.Findings(RuleIds.CarriedOutBound));
        var balance = Assert.Single(findings.Findings(RuleIds.Unchecked), f => f.Key == $"{RuleIds.Unchecked}@{RuleIds.ColumnBalance}");
        Assert.Contains("“三（七）总计”自然人、商业企业", balance.Message);
        Assert.Equal(7, balance.CellCodes.Count);
    }

    [Fact]
    public void Known_cells_are_still_checked_beside_unknown_ones()
    {
        var report = BalancedT2021();
        report.Cells.MarkUnknown("s4.review.upheld");
        Set(report, "s3.received.natural", 11);

        var findings = Check(report);

        Assert.Contains(findings, f => f.RuleId == RuleIds.ColumnBalance && f.Message.StartsWith("自然人列", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == RuleIds.Unchecked && f.CellCodes.SequenceEqual(["s4.review.upheld"]));
    }

    [Fact]
    public void A_report_without_unknown_cells_has_no_unchecked_finding()
    {
        Assert.Empty(Check(BalancedT2021()).Findings(RuleIds.Unchecked));
        Assert.Empty(Check(Sample000()).Findings(RuleIds.Unchecked));
    }

    [Fact]
    public void Writing_a_value_makes_an_unknown_cell_known_and_a_copy_keeps_what_is_unknown()
    {
        var report = BalancedT2021();
        report.Cells.MarkUnknown("s4.review.upheld");
        report.Cells.MarkUnknown("s4.review.other");
        report.Cells["s4.review.upheld"] = 2;

        var copy = report.Clone();

        Assert.False(report.Cells.IsUnknown("s4.review.upheld"));
        Assert.Equal(["s4.review.other"], copy.Cells.Unknown);
        Assert.True(copy.Cells.IsBlank("s4.review.other"));
    }
}
