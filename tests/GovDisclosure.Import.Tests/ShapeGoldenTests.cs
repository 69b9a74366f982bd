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
            foreach (var shape in new[] { "browser-word.txt", "browser-mixed.txt", "pdf-markdown.md" })
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

    internal static ImportResult Import(string shape) =>
        ReportImporter.Import(File.ReadAllBytes(Path.Combine(Folder(), "Shapes", shape)), shape);

    private static string Folder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
