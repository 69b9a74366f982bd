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
/// The portal's own published PDF (PDFsharp, `gd render SAMPLE.txt`), one of each template, read back:
/// the cells it was rendered from, exactly.
/// </summary>
public sealed class PortalPdfRoundTripTests
{
    public static TheoryData<string> Samples => new("000_ffb7cb016be5db93", "003_07ea97a0e0dbb2b9");

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_pdf_the_portal_rendered_reads_back_to_the_cells_it_was_rendered_from(string sample)
    {
        var expected = Fixtures.Original(sample);

        using var file = Fixtures.Open(sample + ".portal.pdf");
        var result = Fixtures.ImportHtml(PdfReader.ToHtml(file));

        ReportAssert.SameCells(expected, result.Report);
        Assert.Equal(expected.Year, result.Report.Year);
        Assert.DoesNotContain(result.Findings, f => f.IsError);
    }
}
