using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import.Tests;

/// <summary>Title, agency and year come from the title block and the signature, never from the narrative.</summary>
public sealed class MetadataTests
{
    private const string Signature = "\n\n石家庄市新华区人民政府办公室\n2022年1月28日\n";

    /// <summary>Sample 003 with its first title line replaced and, optionally, a signature appended.</summary>
    private static string Sample003(string titleBlock, string ending = "")
    {
        var text = SampleFiles.Text(SampleFiles.Xinhua2021);
        return text.Replace("政府办2021年政府信息公开工作年度报告", titleBlock, StringComparison.Ordinal).TrimEnd() + ending;
    }

    [Fact]
    public void A_title_that_names_no_agency_takes_it_from_the_signature_which_stays_out_of_the_narrative()
    {
        var result = ReportImporter.Import(Sample003("2021年政府信息公开工作年度报告", Signature), ImportFormat.Text);

        Assert.Equal("石家庄市新华区人民政府办公室", result.Report.Agency);
        Assert.Equal("石家庄市新华区人民政府办公室2021年政府信息公开工作年度报告", result.Report.Title);
        Assert.Equal(2021, result.Report.Year);
        Assert.DoesNotContain("2022年1月28日", result.Report.SectionText(SectionKeys.Other), StringComparison.Ordinal);
        Assert.DoesNotContain("石家庄市新华区人民政府办公室", result.Report.SectionText(SectionKeys.Other), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == ImportRuleIds.Agency);
    }

    [Fact]
    public void A_title_without_a_year_takes_the_year_before_the_signature_date()
    {
        var result = ReportImporter.Import(Sample003("政府信息公开工作年度报告", Signature).Replace("2021年1月1日", "同年1月1日", StringComparison.Ordinal), ImportFormat.Text);

        Assert.Equal("石家庄市新华区人民政府办公室", result.Report.Agency);
        Assert.Equal(2021, result.Report.Year);
    }

    [Fact]
    public void The_signature_spells_out_the_short_name_in_the_title()
    {
        var result = ReportImporter.Import(Sample003("政府办2021年政府信息公开工作年度报告", Signature), ImportFormat.Text);

        Assert.Equal("石家庄市新华区人民政府办公室", result.Report.Agency);
        Assert.Equal("政府办2021年政府信息公开工作年度报告", result.Report.Title);
    }

    [Fact]
    public void A_first_paragraph_that_mentions_the_report_is_narrative_not_the_title()
    {
        var intro = "本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况等内容。";
        var result = ReportImporter.Import(Sample003($"政府办2021年政府信息公开工作年度报告\n\n{intro}"), ImportFormat.Text);

        Assert.Equal("政府办2021年政府信息公开工作年度报告", result.Report.Title);
        Assert.Equal("新华区人民政府办公室", result.Report.Agency);

        var untitled = ReportImporter.Import(Sample003(intro), ImportFormat.Text);
        Assert.NotEqual(intro, untitled.Report.Title);
        Assert.DoesNotContain("本报告根据", untitled.Report.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_naming_its_agency_nowhere_gets_a_finding_asking_for_it()
    {
        var result = ReportImporter.Import(Sample003("2021年政府信息公开工作年度报告").Replace("新华区人民政府办公室", "本机关", StringComparison.Ordinal), ImportFormat.Text);

        Assert.Equal(string.Empty, result.Report.Agency);
        var finding = Assert.Single(result.Findings, f => f.RuleId == ImportRuleIds.Agency);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("发布机关", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Word_bookmarks_never_reach_the_narrative()
    {
        var text = Sample003("政府办2021年政府信息公开工作年度报告[bookmark: _GoBack]")
            .Replace("(一) 主动公开情况。", "(一) 主动公开情况。[bookmark: _GoBack]", StringComparison.Ordinal)
            .Replace("六、其他需要报告的事项", "六、其他需要报告的事项\n\n[]{#_GoBack .anchor}", StringComparison.Ordinal);

        var report = ReportImporter.Import(text, ImportFormat.Text).Report;

        Assert.Equal("政府办2021年政府信息公开工作年度报告", report.Title);
        Assert.All(SectionKeys.All, k => Assert.DoesNotContain("bookmark", report.SectionText(k), StringComparison.Ordinal));
        Assert.All(SectionKeys.All, k => Assert.DoesNotContain("_GoBack", report.SectionText(k), StringComparison.Ordinal));
        Assert.Equal(SampleGoldenTests.Import(SampleFiles.Xinhua2021).Report.SectionText(SectionKeys.Overview), report.SectionText(SectionKeys.Overview));
    }

    [Fact]
    public void A_refused_table_four_leaves_its_cells_unknown_and_the_suits_in_the_narrative_unchecked()
    {
        var text = SampleFiles.Text(SampleFiles.Yinzhou2020);
        var start = text.IndexOf("四、政府信息公开行政复议", StringComparison.Ordinal);
        var end = text.IndexOf("五、存在的主要问题", StringComparison.Ordinal);
        var refused = text[..start] + "四、政府信息公开行政复议、行政诉讼情况\n\n（表格为图片，未能提取）\n\n" + text[end..];

        var result = ReportImporter.Import(refused, ImportFormat.Text);
        var findings = Domain.Rules.ReportChecker.Check(result.Report);

        Assert.Contains(result.Findings, f => f.RuleId == ImportRuleIds.Missing && f.IsError);
        Assert.All(result.Report.Definition.Table("s4").Rows[0].Cells, c => Assert.True(result.Report.Cells.IsUnknown(c.Code), c.Code));
        Assert.DoesNotContain(findings, f => f.RuleId == Domain.Rules.RuleIds.Narrative && f.Message.Contains("诉讼", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.RuleId == Domain.Rules.RuleIds.Unchecked && f.Message.StartsWith("无法核对：正文称行政诉讼", StringComparison.Ordinal));
    }
}
