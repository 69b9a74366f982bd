using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Pdf;

namespace GovDisclosure.Benchmarks;

/// <summary>
/// `render`: warm PDFsharp render time per report (single thread), peak memory, and the same report
/// printed to PDF by headless Chromium from an HTML page built from the same template grid.
/// Usage: render [--renders N] [--chromium-runs N] [--no-chromium]. Prints a Markdown section for docs/benchmarks.md.
/// </summary>
public static class RenderBenchmark
{
    private const int WarmUp = 100;

    private static readonly string[] Fixtures = ["sample-000-yinzhou-2020.json", "sample-003-xinhua-2021.json"];

    public static int Run(string[] args)
    {
        var renders = IntOption(args, "--renders", 300);
        var chromiumRuns = IntOption(args, "--chromium-runs", 10);
        var withChromium = !args.Contains("--no-chromium");
        var renderer = new PdfSharpReportRenderer();
        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; renders per report: {renders} after {WarmUp} warm-up");
        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"load average at start: {LoadAverage()}");
        output.AppendLine();
        output.AppendLine("| report | pages | PDF bytes | wall median | wall p95 | CPU median | CPU p95 | allocated/render | Chromium wall median (n) | ratio (wall/wall) |");
        output.AppendLine("|---|---|---|---|---|---|---|---|---|---|");

        var reports = Fixtures.Select(f => (Name: f, Report: InterchangeJson.Read(File.ReadAllText(FixturePath(f))))).ToList();

        // Warm every report before timing any, then give the tiered JIT time to install optimised code:
        // on a busy machine its background compiles lag, and the first report measured would pay for them.
        for (var i = 0; i < WarmUp; i++)
        {
            foreach (var (_, report) in reports)
            {
                renderer.Render(report);
            }
        }

        Thread.Sleep(2000);
        foreach (var (fixture, report) in reports)
        {
            byte[] pdf = [];
            GC.Collect();
            var times = new double[renders];
            var cpu = new double[renders];
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < renders; i++)
            {
                var cpuStart = ThreadCpu.Milliseconds();
                var start = Stopwatch.GetTimestamp();
                pdf = renderer.Render(report);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                cpu[i] = ThreadCpu.Milliseconds() - cpuStart;
            }

            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / renders;
            Array.Sort(times);
            Array.Sort(cpu);
            var median = Percentile(times, 0.5);
            var chromium = withChromium ? Chromium(report, chromiumRuns) : null;
            var pages = CountPages(pdf);
            var ours = string.Create(CultureInfo.InvariantCulture,
                $"| {fixture} | {pages} | {pdf.Length:N0} | {median:F2} ms | {Percentile(times, 0.95):F2} ms | {Percentile(cpu, 0.5):F2} ms | {Percentile(cpu, 0.95):F2} ms | {allocated / 1024.0 / 1024.0:F1} MiB | ");
            var theirs = chromium is { } c
                ? string.Create(CultureInfo.InvariantCulture, $"{c.Median:F0} ms ({c.Runs}, {c.Pages} pages) | {c.Median / median:F0}× |")
                : "– | – |";
            output.AppendLine(ours + theirs);
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"load average at end: {LoadAverage()}");
        output.AppendLine(CultureInfo.InvariantCulture, $"peak working set of the benchmark process: {self.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB; GC heap after the runs: {GC.GetTotalMemory(false) / 1024.0 / 1024.0:F0} MiB");
        Console.Write(output.ToString());
        return 0;
    }

    private static (double Median, int Runs, int Pages)? Chromium(ReportDocument report, int runs)
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Console.Error.WriteLine("chromium not installed (scripts/deps.sh chromium): skipping the comparison");
            return null;
        }

        var work = Directory.CreateTempSubdirectory("gd-bench-chromium-");
        try
        {
            var html = Path.Combine(work.FullName, "report.html");
            File.WriteAllText(html, HtmlPage(report));
            var pdf = Path.Combine(work.FullName, "out.pdf");
            var times = new List<double>();
            for (var i = 0; i < runs + 1; i++)
            {
                var profile = Directory.CreateTempSubdirectory("gd-bench-profile-");
                var start = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
                foreach (var a in new[]
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", $"--user-data-dir={profile.FullName}", "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri,
                })
                {
                    start.ArgumentList.Add(a);
                }

                var t0 = Stopwatch.GetTimestamp();
                using (var process = Process.Start(start)!)
                {
                    process.StandardOutput.ReadToEnd();
                    process.StandardError.ReadToEnd();
                    process.WaitForExit();
                }

                var elapsed = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                profile.Delete(recursive: true);
                if (i > 0)
                {
                    times.Add(elapsed); // the first run warms the disk cache
                }
            }

            times.Sort();
            return (Percentile([.. times], 0.5), runs, CountPages(File.ReadAllBytes(pdf)));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The same report as a printable HTML page, tables from the same template grid.</summary>
    public static string HtmlPage(ReportDocument report)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(report.Title)).Append("</title><style>");
        b.Append("@page{size:A4;margin:37mm 26mm 35mm 28mm}body{font-family:'AR PL UMing CN',serif;font-size:16pt;line-height:28.9pt}");
        b.Append("h1{text-align:center;font-size:22pt;line-height:33pt}h2{font-family:'WenQuanYi Zen Hei',sans-serif;font-size:16pt;font-weight:normal;text-indent:2em;margin:0}");
        b.Append("p{text-indent:2em;margin:0}table{width:100%;border-collapse:collapse;font-size:9pt;line-height:1.35;margin:6pt 0;page-break-inside:auto}");
        b.Append("thead{display:table-header-group}td,th{border:0.6pt solid #000;padding:2pt;text-align:center;font-weight:normal}td.l{text-align:left}");
        b.Append("</style></head><body><h1>").Append(WebUtility.HtmlEncode(report.Title)).Append("</h1>");
        foreach (var section in report.Definition.Sections)
        {
            b.Append("<h2>").Append(WebUtility.HtmlEncode(section.Heading)).Append("</h2>");
            foreach (var p in report.SectionText(section.Key).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                b.Append("<p>").Append(WebUtility.HtmlEncode(p)).Append("</p>");
            }

            foreach (var table in section.Tables)
            {
                b.Append("<table><thead>");
                AppendRows(b, report, table.HeaderRows, "th");
                b.Append("</thead><tbody>");
                AppendRows(b, report, table.BodyRows, "td");
                b.Append("</tbody></table>");
            }
        }

        return b.Append("</body></html>").ToString();
    }

    private static void AppendRows(StringBuilder b, ReportDocument report, IReadOnlyList<GridRow> rows, string tag)
    {
        foreach (var row in rows)
        {
            b.Append("<tr>");
            foreach (var cell in row.Cells)
            {
                var text = cell.IsData
                    ? report.Cells.Get(cell.CellCode!) is { } v ? InterchangeJson.FormatValue(report.Definition.Cell(cell.CellCode!).Kind, v) : string.Empty
                    : cell.Text ?? string.Empty;
                b.Append('<').Append(tag);
                if (tag == "td" && !cell.IsData && cell.RowSpan == 1)
                {
                    b.Append(" class=\"l\"");
                }

                if (cell.ColSpan > 1)
                {
                    b.Append(CultureInfo.InvariantCulture, $" colspan=\"{cell.ColSpan}\"");
                }

                if (cell.RowSpan > 1)
                {
                    b.Append(CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"");
                }

                b.Append('>').Append(WebUtility.HtmlEncode(text)).Append("</").Append(tag).Append('>');
            }

            b.Append("</tr>");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]");

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) ? n : fallback;
    }

    private static string FixturePath(string name)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "GovDisclosure.Infrastructure.Tests", "Fixtures", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Fixture {name} not found; run from the repository.");
    }
}
