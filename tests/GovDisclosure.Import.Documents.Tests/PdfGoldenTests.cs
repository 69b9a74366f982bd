using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import.Documents.Tests;

/// <summary>
/// Each shared sample exported to PDF by LibreOffice from its .docx (running header, 「— N —」 page numbers,
/// table 三 broken over a page with its header repeated and a row cut by the page break), read back by
/// position through the importer: every cell as in the original, blanks blank.
/// </summary>
public sealed class PdfGoldenTests
{
    public static TheoryData<string> Samples => new(Fixtures.Samples);

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_report_exported_to_pdf_imports_every_cell_of_the_original(string sample)
    {
        var expected = Fixtures.Original(sample);

        using var file = Fixtures.Open(sample + ".pdf");
        var result = Fixtures.ImportHtml(PdfReader.ToHtml(file));

        ReportAssert.SameCells(expected, result.Report);
        Assert.DoesNotContain(result.Findings, f => f.IsError);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_report_exported_to_pdf_keeps_its_title_agency_year_and_narrative(string sample)
    {
        var expected = Fixtures.Original(sample);

        using var file = Fixtures.Open(sample + ".pdf");
        var report = Fixtures.ImportHtml(PdfReader.ToHtml(file)).Report;

        Assert.Equal(expected.Title, report.Title);
        Assert.Equal(expected.Agency, report.Agency);
        Assert.Equal(expected.Year, report.Year);
        ReportAssert.SameSections(expected, report);
        Assert.NotEmpty(report.SectionText(SectionKeys.Overview));
    }

    [Fact]
    public void Page_numbers_and_the_running_header_are_not_read_as_text()
    {
        using var file = Fixtures.Open("000_ffb7cb016be5db93.pdf");
        var html = PdfReader.ToHtml(file);

        Assert.DoesNotContain("—1—", html.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<p>鄞州区人民政府办公室</p>", html, StringComparison.Ordinal);
    }
}


/// <summary>
/// The portal's own published PDF (PDFsharp, `gd render SAMPLE.txt --date 2021-01-15`, re-rendered with
/// `documents --only portal --save-portal` of tests/GovDisclosure.Benchmarks when the renderer changes), one of each
/// template, read back: the cells it shows, exactly. It shows what the public page shows (ReportTotals.Shown):
/// every cell the agency wrote and each total it left blank as computed from its parts; a blank part stays blank.
/// </summary>
public sealed class PortalPdfRoundTripTests
{
    public static TheoryData<string, int> Samples => new()
    {
        // 54 cells written, 17 totals left blank and printed from their parts.
        { "000_ffb7cb016be5db93", 71 },
        // T2021, every cell written.
        { "003_07ea97a0e0dbb2b9", 200 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_pdf_the_portal_rendered_reads_back_to_the_cells_it_shows(string sample, int shownCells)
    {
        var original = Fixtures.Original(sample);
        var shown = ReportTotals.Shown(original);

        using var file = Fixtures.Open(sample + ".portal.pdf");
        var result = Fixtures.ImportHtml(PdfReader.ToHtml(file));

        Assert.Equal(original.Template, result.Report.Template);
        var differences = original.Definition.Cells
            .Select(c => (c.DisplayName, Expected: shown.TryGetValue(c.Code, out var v) ? v : (decimal?)null, Read: result.Report.Cells.Get(c.Code)))
            .Where(c => c.Expected != c.Read)
            .Select(c => $"{c.DisplayName}: 应为 {c.Expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "空白"}，读出 {c.Read?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "空白"}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences));
        Assert.Equal(shownCells, shown.Count);
        Assert.Equal(shownCells, result.Report.Cells.Count);
        Assert.Equal(original.Year, result.Report.Year);
        Assert.DoesNotContain(result.Findings, f => f.IsError);
    }

    [Theory]
    [InlineData("000_ffb7cb016be5db93.portal.pdf", true)]
    [InlineData("003_07ea97a0e0dbb2b9.portal.pdf", true)]
    [InlineData("000_ffb7cb016be5db93.pdf", false)]
    [InlineData("003_07ea97a0e0dbb2b9.borderless-break.pdf", false)]
    public void Only_a_pdf_whose_every_font_carries_its_widths_is_read_without_its_font_programs(string fixture, bool widthsOnly)
    {
        using var file = Fixtures.Open(fixture);
        using var copy = new MemoryStream();
        file.CopyTo(copy);

        Assert.Equal(widthsOnly, PdfFontPrograms.CanPlaceByWidths(copy.ToArray()));
    }
}
