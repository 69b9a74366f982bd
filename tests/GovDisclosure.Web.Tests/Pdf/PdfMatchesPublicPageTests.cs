using GovDisclosure.Domain.Reports;
using GovDisclosure.Import;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Infrastructure.Tests.Pdf;
using GovDisclosure.Web.Pages.Shared.Report;

namespace GovDisclosure.Web.Tests.Pdf;

/// <summary>
/// The PDF is the document of record: every value the public report page shows (its own
/// <see cref="ReportDocumentModel"/>, derived totals included) is in the PDF at its cell — on its row label's
/// line and under its column header — and every cell the page leaves blank is blank in the PDF too.
/// </summary>
public sealed class PdfMatchesPublicPageTests
{
    private static readonly Lazy<PdfSharpReportRenderer> Renderer = new(() => new PdfSharpReportRenderer());

    /// <summary>The samples `gd demo` publishes (src/GovDisclosure.Cli/DemoData) and the PDF tests' interchange fixtures.</summary>
    public static TheoryData<string> Reports => new()
    {
        "demo:000_ffb7cb016be5db93.txt",
        "demo:001_34264c7ee48481bb.txt",
        "demo:003_07ea97a0e0dbb2b9.txt",
        "fixture:sample-000-yinzhou-2020.json",
        "fixture:sample-003-xinhua-2021.json",
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Every_value_the_public_page_shows_is_in_the_pdf_at_its_cell_and_every_blank_stays_blank(string source)
    {
        var report = Load(source);
        var page = new ReportDocumentModel { Document = report };
        var tables = report.Definition.Tables.ToDictionary(t => t, page.TableFor);
        string? Shown(string code) => tables.First(t => t.Key.Rows.Any(r => r.Cells.Any(c => c.Code == code))).Value.Show(code);

        var pdf = Renderer.Value.Render(report);
        var problems = PdfCellLocator.Misplaced(pdf, report, Shown);

        Assert.True(problems.Count == 0, $"{problems.Count} cells differ from the page:\n{string.Join('\n', problems)}");
    }

    private static ReportDocument Load(string source)
    {
        var (kind, name) = (source[..source.IndexOf(':')], source[(source.IndexOf(':') + 1)..]);
        if (kind == "fixture")
        {
            return InterchangeJson.Read(File.ReadAllText(Find("tests", "GovDisclosure.Infrastructure.Tests", "Fixtures", name)));
        }

        // As gd demo publishes it: imported, under the demo agency, the title built from agency and year.
        var report = ReportImporter.Import(File.ReadAllBytes(Find("src", "GovDisclosure.Cli", "DemoData", name)), name).Report.Clone();
        report.Title = string.Empty;
        report.Agency = "示范区人民政府办公室";
        return report;
    }

    private static string Find(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{Path.Combine(parts)} not found above {AppContext.BaseDirectory}.");
    }
}
