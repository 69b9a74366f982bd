using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovDisclosure.Import;
using GovDisclosure.Domain.Rules;

namespace GovDisclosure.Benchmarks;

/// <summary>
/// `parse-check`: in-process time of ReportImporter.Import (bytes → report) plus ReportChecker.Check per
/// report, single thread, for the three shared samples as `gd check` reads them (src/GovDisclosure.Cli/DemoData)
/// and for sample 000 as an HTML page with merged cells (the HTML the render benchmark prints).
/// Usage: parse-check [--runs N]. Prints a Markdown section for docs/benchmarks.md.
/// </summary>
public static class ParseCheckBenchmark
{
    private const int WarmUp = 300;

    private static readonly string[] Samples = ["000_ffb7cb016be5db93.txt", "001_34264c7ee48481bb.txt", "003_07ea97a0e0dbb2b9.txt"];

    public static int Run(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(2000);
        var inputs = Samples.Select(s => (Name: s, FileName: s, Bytes: File.ReadAllBytes(SamplePath(s)))).ToList();
        var sample000 = ReportImporter.Import(inputs[0].Bytes, inputs[0].FileName).Report;
        inputs.Add(("000 as HTML (rowspan/colspan)", "000.html", Encoding.UTF8.GetBytes(RenderBenchmark.HtmlPage(sample000))));

        // Warm every input before timing any, then let the tiered JIT install optimised code.
        for (var i = 0; i < WarmUp; i++)
        {
            foreach (var (_, fileName, bytes) in inputs)
            {
                ReportChecker.Check(ReportImporter.Import(bytes, fileName).Report);
            }
        }

        Thread.Sleep(2000);
        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {runs} runs per report after {WarmUp} warm-up");
        output.AppendLine(CultureInfo.InvariantCulture, $"load average at start: {LoadAverage()}");
        output.AppendLine();
        output.AppendLine("| report | bytes | cells | findings | parse wall median | parse+check wall median | parse+check wall p95 | parse+check CPU mean (thread) | allocated / report |");
        output.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, fileName, bytes) in inputs)
        {
            GC.Collect();
            var parse = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                ReportImporter.Import(bytes, fileName);
                parse[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            GC.Collect();
            var wall = new double[runs];
            var cells = 0;
            var findings = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

            // getrusage counts in scheduler ticks (4 ms here), far coarser than one report: CPU is taken over the batch.
            var cpuStart = ThreadCpu.Milliseconds();
            for (var i = 0; i < runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var result = ReportImporter.Import(bytes, fileName);
                var checks = ReportChecker.Check(result.Report);
                wall[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                cells = result.Report.Cells.Count;
                findings = result.Findings.Count + checks.Count;
            }

            var cpuMean = (ThreadCpu.Milliseconds() - cpuStart) / runs;
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)runs;
            Array.Sort(parse);
            Array.Sort(wall);
            output.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {bytes.Length:N0} | {cells} | {findings} | {Percentile(parse, 0.5):F3} ms | {Percentile(wall, 0.5):F3} ms | {Percentile(wall, 0.95):F3} ms | {cpuMean:F3} ms | {allocated / 1024.0:F0} KiB |"));
        }

        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"load average at end: {LoadAverage()}");
        Console.Write(output.ToString());
        return 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The samples as gd demo ships them, found from the repository root above the working directory or the binary.</summary>
    internal static string SamplePath(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "GovDisclosure.Cli", "DemoData", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"sample {name} not found under src/GovDisclosure.Cli/DemoData");
    }
}
