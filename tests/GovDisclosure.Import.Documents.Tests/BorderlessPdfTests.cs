using GovDisclosure.Domain.Templates;
using UglyToad.PdfPig;

namespace GovDisclosure.Import.Documents.Tests;

/// <summary>
/// Reports whose tables are drawn without any ruling line (LibreOffice from the shared samples with every border
/// removed, Fixtures/README.md), one per template: with table 三 broken over a page and its header repeated, and
/// broken over a page without the header. Every cell as in the original, blanks blank.
/// </summary>
public sealed class BorderlessPdfTests
{
    public static TheoryData<string> Files => new(
        "000_ffb7cb016be5db93.borderless.pdf",
        "003_07ea97a0e0dbb2b9.borderless.pdf",
        "000_ffb7cb016be5db93.borderless-break.pdf",
        "003_07ea97a0e0dbb2b9.borderless-break.pdf");

    public static TheoryData<string> Breaks => new("000_ffb7cb016be5db93.borderless-break.pdf", "003_07ea97a0e0dbb2b9.borderless-break.pdf");

    [Theory]
    [MemberData(nameof(Files))]
    public void A_pdf_whose_tables_have_no_lines_imports_every_cell_of_the_original(string file)
    {
        var expected = Fixtures.Original(Sample(file));

        using var stream = Fixtures.Open(file);
        var result = Fixtures.ImportHtml(PdfReader.ToHtml(stream));

        ReportAssert.SameCells(expected, result.Report);
        Assert.DoesNotContain(result.Findings, f => f.IsError);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_pdf_whose_tables_have_no_lines_keeps_its_title_agency_year_and_narrative(string file)
    {
        var expected = Fixtures.Original(Sample(file));

        using var stream = Fixtures.Open(file);
        var report = Fixtures.ImportHtml(PdfReader.ToHtml(stream)).Report;

        Assert.Equal(expected.Title, report.Title);
        Assert.Equal(expected.Agency, report.Agency);
        Assert.Equal(expected.Year, report.Year);
        ReportAssert.SameSections(expected, report);
        Assert.NotEmpty(report.SectionText(SectionKeys.Overview));
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public void Rows_of_table_three_on_a_page_without_its_header_go_under_the_columns_of_the_page_before(string file)
    {
        // The fixture is what it claims: table 三 runs onto a page that does not repeat its header.
        using (var document = PdfDocument.Open(Fixtures.Bytes(file)))
        {
            var continued = document.GetPages().Single(p => Squeeze(p.Text).Contains("（七）总计", StringComparison.Ordinal));
            var before = document.GetPage(continued.Number - 1);
            Assert.Contains("申请人情况", Squeeze(before.Text), StringComparison.Ordinal);
            Assert.DoesNotContain("申请人情况", Squeeze(continued.Text), StringComparison.Ordinal);
            Assert.DoesNotContain("自然人", Squeeze(continued.Text), StringComparison.Ordinal);
        }

        var expected = Fixtures.Original(Sample(file));
        using var stream = Fixtures.Open(file);
        var report = Fixtures.ImportHtml(PdfReader.ToHtml(stream)).Report;

        // 三（七）总计 is on the page without the header: each value under its own column, 总计 included.
        var total = expected.Definition.Cells.Where(c => c.RowName == "三（七）总计").ToList();
        Assert.Equal(7, total.Count);
        Assert.All(total, cell => Assert.Equal(expected.Cells.Get(cell.Code), report.Cells.Get(cell.Code)));
        Assert.NotNull(report.Cells.Get(total[^1].Code));
    }

    private static string Sample(string file) => file[..file.IndexOf('.', StringComparison.Ordinal)];

    private static string Squeeze(string text) => ReportAssert.Squeeze(text);
}
