using System.Globalization;
using System.Diagnostics;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Infrastructure.Pdf;

namespace GovDisclosure.Infrastructure.Tests.Pdf;

/// <summary>Fixtures, one shared renderer, and poppler-utils (installed by scripts/deps.sh pdftools) to read PDFs back.</summary>
internal static class PdfTestSupport
{
    private static readonly Lazy<PdfSharpReportRenderer> SharedRenderer = new(() => new PdfSharpReportRenderer());

    public static PdfSharpReportRenderer Renderer => SharedRenderer.Value;

    public static string FixturePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "GovDisclosure.Infrastructure.Tests", "Fixtures", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Fixture {name} not found above {AppContext.BaseDirectory}.");
    }

    public static ReportDocument LoadFixture(string name) => InterchangeJson.Read(File.ReadAllText(FixturePath(name)));

    /// <summary>pdftotext's text; -raw keeps the drawing order, which is the table's row order.</summary>
    public static string PdfToText(byte[] pdf, bool raw = true, int? page = null)
    {
        var args = new List<string>();
        if (raw)
        {
            args.Add("-raw");
        }

        if (page is { } p)
        {
            args.AddRange(["-f", p.ToString(CultureInfo.InvariantCulture), "-l", p.ToString(CultureInfo.InvariantCulture)]);
        }

        return RunOnPdf("pdftotext", pdf, args, appendOutput: "-");
    }

    /// <summary>The text of each page (pdftotext ends every page with a form feed).</summary>
    public static List<string> Pages(byte[] pdf)
    {
        var pages = PdfToText(pdf).Split('\f').ToList();
        pages.RemoveAt(pages.Count - 1);
        return pages;
    }

    public static string PdfFonts(byte[] pdf) => RunOnPdf("pdffonts", pdf, []);

    public static string PdfInfo(byte[] pdf) => RunOnPdf("pdfinfo", pdf, []);

    public static int PageCount(byte[] pdf)
    {
        var line = PdfInfo(pdf).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    private static string RunOnPdf(string tool, byte[] pdf, List<string> args, string? appendOutput = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"gd-pdf-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            start.ArgumentList.Add(file);
            if (appendOutput is not null)
            {
                start.ArgumentList.Add(appendOutput);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed: {error}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} is missing: run scripts/deps.sh pdftools (Debian package poppler-utils).");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
