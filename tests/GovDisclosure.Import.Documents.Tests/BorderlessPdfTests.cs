namespace GovDisclosure.Import.Documents.Tests;

public sealed class BorderlessPdfTests
{
    public static TheoryData<string> Samples => new("000_ffb7cb016be5db93", "003_07ea97a0e0dbb2b9");

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_pdf_whose_tables_have_no_lines_imports_every_cell_of_the_original(string sample)
    {
        var expected = Fixtures.Original(sample);

        using var file = Fixtures.Open(sample + ".borderless.pdf");
        var html = PdfReader.ToHtml(file);
        File.WriteAllText($"/tmp/s4t10-{sample}.html", html);
        var result = Fixtures.ImportHtml(html);

        ReportAssert.SameCells(expected, result.Report);
        Assert.DoesNotContain(result.Findings, f => f.IsError);
    }
}
