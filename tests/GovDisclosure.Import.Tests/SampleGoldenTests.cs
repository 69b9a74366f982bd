using GovDisclosure.Import;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Tests.Rules;

namespace GovDisclosure.Import.Tests;

/// <summary>
/// The three shared samples, imported from the bytes of their files. The expected values were read off
/// the samples by hand; every cell is listed, and a cell not listed must stay blank.
/// </summary>
public sealed class SampleGoldenTests
{
    [Fact]
    public void Sample_000_Yinzhou_2020_imports_every_written_cell_and_leaves_its_119_blank_cells_blank()
    {
        var result = Import(SampleFiles.Yinzhou2020);
        var report = result.Report;

        Assert.Equal(TemplateVersion.T2019, report.Template);
        Assert.Equal(2020, report.Year);
        Assert.Equal("鄞州区人民政府办公室", report.Agency);
        Assert.Equal("鄞州区人民政府办公室2020年政府信息公开工作年度报告", report.Title);
        AssertCells(new Dictionary<string, decimal>
        {
            ["s2.rules.made"] = 0, ["s2.rules.published"] = 0, ["s2.rules.total"] = 0,
            ["s2.normative.made"] = 21, ["s2.normative.published"] = 21, ["s2.normative.total"] = 101,
            ["s2.licensing.prev"] = 0, ["s2.licensing.change"] = 0, ["s2.licensing.decisions"] = 0,
            ["s2.services.prev"] = 0, ["s2.services.change"] = 0, ["s2.services.decisions"] = 0,
            ["s2.penalty.prev"] = 0, ["s2.penalty.change"] = 0, ["s2.penalty.decisions"] = 0,
            ["s2.coercion.prev"] = 0, ["s2.coercion.change"] = 0, ["s2.coercion.decisions"] = 0,
            ["s2.fees.prev"] = 0, ["s2.fees.change"] = 0,
            ["s2.procurement.count"] = 1, ["s2.procurement.amount"] = 3.27m,
            ["s3.received.natural"] = 47, ["s3.received.commercial"] = 1, ["s3.received.total"] = 48,
            ["s3.carried_in.natural"] = 4, ["s3.carried_in.total"] = 4,
            ["s3.granted.natural"] = 13, ["s3.granted.total"] = 13,
            ["s3.partial.natural"] = 10, ["s3.partial.total"] = 10,
            ["s3.unable.1.natural"] = 5, ["s3.unable.1.total"] = 5,
            ["s3.unable.2.natural"] = 1, ["s3.unable.2.total"] = 1,
            ["s3.unable.3.natural"] = 3, ["s3.unable.3.total"] = 3,
            ["s3.declined.1.natural"] = 2, ["s3.declined.1.total"] = 2,
            ["s3.declined.2.natural"] = 2, ["s3.declined.2.total"] = 2,
            ["s3.other.natural"] = 12, ["s3.other.total"] = 12,
            ["s3.processed.natural"] = 48, ["s3.processed.total"] = 48,
            ["s3.carried_out.natural"] = 3, ["s3.carried_out.commercial"] = 1, ["s3.carried_out.total"] = 4,
            ["s4.review.upheld"] = 3, ["s4.review.other"] = 1, ["s4.review.total"] = 4,
            ["s4.suit_after_review.upheld"] = 9, ["s4.suit_after_review.other"] = 1, ["s4.suit_after_review.total"] = 10,
        }, report);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Sample_000_keeps_the_narrative_of_sections_one_five_and_six_verbatim()
    {
        var report = Import(SampleFiles.Yinzhou2020).Report;

        Assert.Equal(Lines(SampleNarratives.Sample000Overview), report.SectionText(SectionKeys.Overview));
        Assert.Equal(Lines(SampleNarratives.Sample000Problems), report.SectionText(SectionKeys.Problems));
        Assert.Equal(Lines(SampleNarratives.Sample000Other), report.SectionText(SectionKeys.Other));
    }

    [Fact]
    public void Sample_001_Beilun_2020_imports_its_zero_rows_and_leaves_the_blank_result_rows_blank()
    {
        var result = Import(SampleFiles.Beilun2020);
        var report = result.Report;

        Assert.Equal(TemplateVersion.T2019, report.Template);
        Assert.Equal(2020, report.Year);
        Assert.Equal("发展局", report.Agency);
        Assert.Equal("发展局2020年度政府信息公开工作年度报告", report.Title);
        var expected = new Dictionary<string, decimal>
        {
            ["s2.rules.made"] = 0, ["s2.rules.published"] = 0, ["s2.rules.total"] = 0,
            ["s2.normative.made"] = 4, ["s2.normative.published"] = 4, ["s2.normative.total"] = 4,
            ["s2.licensing.prev"] = 0, ["s2.licensing.change"] = 0, ["s2.licensing.decisions"] = 0,
            ["s2.services.prev"] = 11, ["s2.services.change"] = 0, ["s2.services.decisions"] = 11,
            ["s2.penalty.prev"] = 0, ["s2.penalty.change"] = 0, ["s2.penalty.decisions"] = 0,
            ["s2.coercion.prev"] = 0, ["s2.coercion.change"] = 0, ["s2.coercion.decisions"] = 0,
            ["s2.fees.prev"] = 0, ["s2.fees.change"] = 0,
            ["s2.procurement.count"] = 4, ["s2.procurement.amount"] = 56.01m,
        };
        foreach (var row in new[] { "received", "carried_in", "processed", "carried_out" })
        {
            foreach (var (column, _) in ReportTemplates.ApplicantColumns)
            {
                expected[$"s3.{row}.{column}"] = 0;
            }
        }

        foreach (var cell in report.Definition.Table("s4").Rows[0].Cells)
        {
            expected[cell.Code] = 0;
        }

        AssertCells(expected, report);
        Assert.Equal(["s3.withheld.1.natural", "s3.other.total"], new[] { "s3.withheld.1.natural", "s3.other.total" }.Where(report.Cells.IsBlank));
        Assert.Equal(Lines(SampleNarratives.Sample001Overview), report.SectionText(SectionKeys.Overview));
        Assert.Equal(Lines(SampleNarratives.Sample001Other), report.SectionText(SectionKeys.Other));
    }

    [Fact]
    public void Sample_001_procurement_amount_without_a_unit_is_read_as_yuan_and_says_so()
    {
        var findings = Import(SampleFiles.Beilun2020).Findings;

        var finding = Assert.Single(findings);
        Assert.Equal(ImportRuleIds.Unit, finding.RuleId);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(["s2.procurement.amount"], finding.CellCodes);
        Assert.Contains("560100", finding.Message, StringComparison.Ordinal);
        Assert.Contains("56.0100万元", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_003_Xinhua_2021_imports_every_cell_including_the_rows_whose_label_cell_is_split()
    {
        var result = Import(SampleFiles.Xinhua2021);
        var report = result.Report;

        Assert.Equal(TemplateVersion.T2021, report.Template);
        Assert.Equal(2021, report.Year);
        Assert.Equal("新华区人民政府办公室", report.Agency);
        Assert.Equal("政府办2021年政府信息公开工作年度报告", report.Title);

        // Sample 003 writes every cell; these are the ones that are not 0.
        var expected = report.Definition.Cells.ToDictionary(c => c.Code, _ => 0m);
        expected["s2.normative.issued"] = 5;
        expected["s2.normative.repealed"] = 1;
        expected["s2.normative.effective"] = 54;
        expected["s3.received.natural"] = 3;
        expected["s3.received.total"] = 3;
        expected["s3.granted.natural"] = 2;
        expected["s3.granted.total"] = 2;
        expected["s3.unable.1.natural"] = 1;
        expected["s3.unable.1.total"] = 1;
        expected["s3.processed.natural"] = 3;
        expected["s3.processed.total"] = 3;

        // Row （二） has six zeros for seven columns: read by position, its 总计 is the blank (computed as 0).
        expected.Remove("s3.partial.total");
        AssertCells(expected, report);
        Assert.Equal(Lines(SampleNarratives.Sample003Overview), report.SectionText(SectionKeys.Overview));
        Assert.Equal(Lines(SampleNarratives.Sample003Problems), report.SectionText(SectionKeys.Problems));
        Assert.Equal(Lines(SampleNarratives.Sample003Other), report.SectionText(SectionKeys.Other));
    }

    [Fact]
    public void Sample_003_row_one_value_short_is_placed_by_its_total_and_the_user_is_told_which_row()
    {
        var findings = Import(SampleFiles.Xinhua2021).Findings;

        var finding = Assert.Single(findings);
        Assert.Equal(ImportRuleIds.Inferred, finding.RuleId);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("s3.granted.natural", finding.CellCodes[0]);
        Assert.Contains("三（一）予以公开", finding.Message, StringComparison.Ordinal);
        Assert.Contains("只有6个数值（2、0、0、0、0、2）", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rules_find_nothing_wrong_with_sample_000_but_its_blank_cells()
    {
        var findings = ReportChecker.Check(Import(SampleFiles.Yinzhou2020).Report);

        Assert.Equal([RuleIds.BlankAsZero, RuleIds.BlankAsZero], findings.Select(f => f.RuleId));
        Assert.Equal(119, findings[0].CellCodes.Count);
        Assert.Equal(8, findings[1].CellCodes.Count);
    }

    [Fact]
    public void The_rules_find_only_the_blank_result_rows_of_sample_001()
    {
        var findings = ReportChecker.Check(Import(SampleFiles.Beilun2020).Report);

        var finding = Assert.Single(findings);
        Assert.Equal(RuleIds.BlankAsZero, finding.RuleId);
        Assert.Equal(114, finding.CellCodes.Count);
    }

    [Fact]
    public void The_rules_find_in_sample_003_only_the_text_saying_4_requests_where_the_table_says_3()
    {
        var findings = ReportChecker.Check(Import(SampleFiles.Xinhua2021).Report);

        var finding = Assert.Single(findings);
        Assert.Equal(RuleIds.Narrative, finding.RuleId);
        Assert.Equal(["s3.received.total", "s3.processed.total"], finding.CellCodes);
    }

    [Fact]
    public void Each_sample_imports_to_the_numbers_the_rule_tests_were_written_against()
    {
        // Compared as the rules see them (a blank 总计 is its computed sum): sample 003's row （二） leaves its 总计 blank.
        foreach (var (file, expected) in new[]
                 {
                     (SampleFiles.Yinzhou2020, TestReports.Sample000()),
                     (SampleFiles.Beilun2020, TestReports.Sample001()),
                     (SampleFiles.Xinhua2021, TestReports.Sample003()),
                 })
        {
            var report = Import(file).Report;
            Assert.All(report.Definition.Cells, c => Assert.Equal(ReportTotals.Effective(expected, c.Code), ReportTotals.Effective(report, c.Code)));
            Assert.Equal(expected.Cells.Count(c => !report.Definition.Sums.Any(s => s.Total == c.Key)), report.Cells.Count(c => !report.Definition.Sums.Any(s => s.Total == c.Key)));
        }
    }

    [Fact]
    public void Importing_the_interchange_json_written_from_a_sample_gives_the_same_cells()
    {
        var report = Import(SampleFiles.Yinzhou2020).Report;
        var json = InterchangeJson.Write(report);

        var again = ReportImporter.Import(System.Text.Encoding.UTF8.GetBytes(json), "000.json").Report;

        AssertCells(report.Cells.ToDictionary(c => c.Key, c => c.Value), again);
        Assert.Equal(report.Title, again.Title);
    }

    internal static ImportResult Import(string file) => ReportImporter.Import(SampleFiles.Bytes(file), file);

    /// <summary>Every expected cell has its value and every other cell is blank.</summary>
    internal static void AssertCells(IReadOnlyDictionary<string, decimal> expected, ReportDocument report)
    {
        var wrong = report.Definition.Cells
            .Select(c => (c.Code, Expected: expected.TryGetValue(c.Code, out var v) ? v : (decimal?)null, Actual: report.Cells.Get(c.Code)))
            .Where(x => x.Expected != x.Actual)
            .Select(x => $"{x.Code}: expected {x.Expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "blank"}, got {x.Actual?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "blank"}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    /// <summary>The narrative constants are raw string literals; the importer joins a section's non-empty lines with \n.</summary>
    private static string Lines(string text) => text.ReplaceLineEndings("\n");
}
