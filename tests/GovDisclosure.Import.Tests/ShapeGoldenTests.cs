using System.Globalization;
using System.Text;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import.Tests;

/// <summary>
/// The three samples in the shapes other tools give (Shapes/, made by Shapes/make_shapes.py): a browser's copy of
/// the page as Word exports it and as a CMS writes it, and Markdown from a PDF converter. Each must import to the
/// cells the importer reads from the original sample, cell by cell, blanks staying blank.
/// </summary>
public sealed class ShapeGoldenTests
{
    public static TheoryData<string, string> Shapes()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in new[] { SampleFiles.Yinzhou2020, SampleFiles.Beilun2020, SampleFiles.Xinhua2021 })
        {
            foreach (var shape in new[] { "browser-word.txt", "browser-mixed.txt", "pdf-markdown.md", "pdf-markdown-joined.md" })
            {
                data.Add(sample, $"{sample[..3]}.{shape}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_sample_in_another_shape_imports_to_the_same_cells_blanks_staying_blank(string sample, string shape)
    {
        var original = SampleGoldenTests.Import(sample).Report;

        var report = Import(shape).Report;

        Assert.Equal(original.Template, report.Template);
        Assert.Equal(original.Year, report.Year);
        SampleGoldenTests.AssertCells(original.Cells.ToDictionary(c => c.Key, c => c.Value), report);
        Assert.Empty(report.Cells.Unknown);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_sample_in_another_shape_has_the_findings_of_the_original(string sample, string shape)
    {
        var original = SampleGoldenTests.Import(sample).Findings;

        var findings = Import(shape).Findings;

        Assert.Equal(original.Select(f => $"{f.RuleId} {string.Join(',', f.CellCodes)}"), findings.Select(f => $"{f.RuleId} {string.Join(',', f.CellCodes)}"));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_sample_in_another_shape_keeps_its_title_and_agency(string sample, string shape)
    {
        var original = SampleGoldenTests.Import(sample).Report;

        var report = Import(shape).Report;

        Assert.Equal(original.Title, report.Title);
        Assert.Equal(original.Agency, report.Agency);
    }

    [Theory]
    [InlineData(SampleFiles.Yinzhou2020, "000.browser-mixed.txt")]
    [InlineData(SampleFiles.Yinzhou2020, "000.browser-word.txt")]
    [InlineData(SampleFiles.Xinhua2021, "003.browser-word.txt")]
    public void A_file_whose_tables_come_in_different_shapes_reads_each_table_in_its_own(string sample, string shape)
    {
        // Table 三 pasted from the browser into the Word extraction: the shape is each line's, not the file's.
        var original = SampleFiles.Text(sample);
        var pasted = File.ReadAllText(Path.Combine(Folder(), "Shapes", shape));
        var mixed = Section(original, 0, 3) + Section(pasted, 3, 4) + Section(original, 4, 7);

        var report = ReportImporter.Import(mixed, ImportFormat.Text).Report;

        SampleGoldenTests.AssertCells(SampleGoldenTests.Import(sample).Report.Cells.ToDictionary(c => c.Key, c => c.Value), report);
    }

    /// <summary>The text from the heading of section <paramref name="from"/> (0: the start) to that of section <paramref name="to"/> (7: the end).</summary>
    private static string Section(string text, int from, int to)
    {
        string[] headings = ["", "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议", "五、", "六、其他需要报告的事项"];
        int At(int section) => section == 0 ? 0 : section == 7 ? text.Length : text.IndexOf("\n" + headings[section], StringComparison.Ordinal) + 1;
        return text[At(from)..At(to)];
    }

    internal static ImportResult Import(string shape) =>
        ReportImporter.Import(File.ReadAllBytes(Path.Combine(Folder(), "Shapes", shape)), shape);

    private static string Folder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
