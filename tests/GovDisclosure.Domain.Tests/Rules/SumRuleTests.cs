using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using static GovDisclosure.Domain.Tests.Rules.TestReports;

namespace GovDisclosure.Domain.Tests.Rules;

public class SumRuleTests
{
    [Fact]
    public void A_written_total_that_disagrees_with_its_parts_names_both()
    {
        var report = BalancedT2019();
        Set(report, "s3.granted.natural", 14);

        var finding = Assert.Single(Check(report).Findings(RuleIds.RowTotal));

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("s3.granted.total", finding.CellCodes[0]);
        Assert.Contains("s3.granted.natural", finding.CellCodes);
        Assert.Equal("“三（一）予以公开 — 总计”填报为13，但各分项之和为14（自然人14，其余为0或空白）", finding.Message);
    }

    [Fact]
    public void A_changed_result_row_breaks_the_processed_total_of_its_column()
    {
        var report = BalancedT2019();
        Set(report, "s3.other.natural", 13);

        var finding = Assert.Single(Check(report).Findings(RuleIds.ProcessedTotal));

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("s3.processed.natural", finding.CellCodes[0]);
        Assert.Contains("s3.other.natural", finding.CellCodes);
        Assert.Contains("填报为48", finding.Message);
        Assert.Contains("各分项之和为49", finding.Message);
        Assert.Contains("三（六）其他处理13", finding.Message);
    }

    [Fact]
    public void In_T2021_the_processed_total_adds_the_three_other_rows()
    {
        var report = BalancedT2021();
        Set(report, "s3.other.1.natural", 1);

        var finding = Assert.Single(Check(report).Findings(RuleIds.ProcessedTotal));

        Assert.Equal("s3.processed.natural", finding.CellCodes[0]);
        Assert.Contains("s3.other.1.natural", finding.CellCodes);
        Assert.Contains("s3.other.3.natural", finding.CellCodes);
        Assert.Contains("填报为10，但各分项之和为11", finding.Message);
    }

    [Fact]
    public void An_appeal_group_total_that_disagrees_with_its_four_parts_lists_all_four()
    {
        var report = BalancedT2021();
        Set(report, "s4.review.pending", 1);

        var finding = Assert.Single(Check(report).Findings(RuleIds.AppealTotal));

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(["s4.review.total", "s4.review.upheld", "s4.review.corrected", "s4.review.other", "s4.review.pending"], finding.CellCodes);
        Assert.Equal("“四 行政复议 — 总计”填报为4，但结果维持3＋结果纠正0＋其他结果1＋尚未审结1＝5", finding.Message);
    }

    [Fact]
    public void A_blank_total_is_computed_not_an_error()
    {
        var report = BalancedT2019();
        foreach (var code in report.Definition.Sums.Select(s => s.Total))
        {
            report.Cells.Remove(code);
        }

        var findings = Check(report);

        Assert.False(ReportChecker.HasErrors(findings), string.Join("\n", findings));
        Assert.Empty(findings.Findings(RuleIds.BlankAsZero));
    }

    public static TheoryData<TemplateVersion, int> EverySum()
    {
        var data = new TheoryData<TemplateVersion, int>();
        foreach (var template in ReportTemplates.All)
        {
            for (var i = 0; i < template.Sums.Count; i++)
            {
                data.Add(template.Version, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySum))]
    public void Every_sum_of_the_template_is_checked_and_names_its_total_and_the_changed_part(TemplateVersion version, int index)
    {
        var report = version == TemplateVersion.T2019 ? BalancedT2019() : BalancedT2021();
        var rule = report.Definition.Sums[index];
        var part = rule.Parts[^1];
        Set(report, part, report.Cells[part] + 7);

        var finding = Check(report).Single(f => f.RuleId == rule.RuleId && f.CellCodes[0] == rule.Total);

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains(part, finding.CellCodes);
        Assert.Contains($"填报为{ReportTotals.Effective(report, rule.Total)}", finding.Message);
    }
}
