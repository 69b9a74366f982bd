using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import.Documents.Tests;

/// <summary>
/// Each shared sample saved as .docx by LibreOffice (merged headers as gridSpan/vMerge), read back through
/// the importer: every cell as in the original, blanks blank, the narrative and the title intact.
/// </summary>
public sealed class WordGoldenTests
{
    public static TheoryData<string> Samples => new(Fixtures.Samples);

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_report_saved_as_docx_imports_every_cell_of_the_original(string sample)
    {
        var expected = Fixtures.Original(sample);

        using var file = Fixtures.Open(sample + ".docx");
        var result = Fixtures.ImportHtml(WordReader.ToHtml(file));

        ReportAssert.SameCells(expected, result.Report);
        Assert.DoesNotContain(result.Findings, f => f.IsError);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_report_saved_as_docx_keeps_its_title_agency_year_and_narrative(string sample)
    {
        var expected = Fixtures.Original(sample);

        using var file = Fixtures.Open(sample + ".docx");
        var report = Fixtures.ImportHtml(WordReader.ToHtml(file)).Report;

        Assert.Equal(expected.Title, report.Title);
        Assert.Equal(expected.Agency, report.Agency);
        Assert.Equal(expected.Year, report.Year);
        ReportAssert.SameSections(expected, report);
        Assert.NotEmpty(report.SectionText(SectionKeys.Overview));
    }
}
