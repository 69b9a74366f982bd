using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Import;

namespace GovDisclosure.Benchmarks;

/// <summary>
/// `documents`: CPU time per report of ReportFile.Read (the .docx or PDF reader, then the importer) plus
/// ReportChecker.Check, single thread, for the committed .docx and PDF fixtures, with the same reports as plain text
/// (the shape the ≤ 20 ms target is set beside) in the same run. CPU is the thread's own (getrusage), taken over
/// each batch since its ticks are coarse; wall time is printed too, as the machine is shared and it carries the load.
/// Usage: documents [--runs N]. Prints a Markdown table for docs/benchmarks.md.
/// </summary>
public static class DocumentParseBenchmark
{
    private const int WarmUp = 10;

    private static readonly string[] Inputs =
    [
        "000_ffb7cb016be5db93.txt", "000_ffb7cb016be5db93.docx", "000_ffb7cb016be5db93.pdf", "000_ffb7cb016be5db93.portal.pdf", "000_ffb7cb016be5db93.borderless-break.pdf",
        "003_07ea97a0e0dbb2b9.txt", "003_07ea97a0e0dbb2b9.docx", "003_07ea97a0e0dbb2b9.pdf", "003_07ea97a0e0dbb2b9.portal.pdf", "003_07ea97a0e0dbb2b9.borderless-break.pdf",
    ];

    public static int Run(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(100);
        var inputs = Inputs.Select(name => (Name: name, Bytes: File.ReadAllBytes(FixturePath(name)))).ToList();
        for (var i = 0; i < WarmUp; i++)
        {
            foreach (var (name, bytes) in inputs)
            {
                ReportChecker.Check(ReportFile.Read(name, bytes).Report);
            }
        }

        Thread.Sleep(2000);
        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {runs} runs per file after {WarmUp} warm-up; load average at start: {ParseCheckBenchmark.LoadAverage()}");
        output.AppendLine();
        output.AppendLine("| file | bytes | cells | parse + check CPU / report (thread) | wall median | wall p95 | allocated / report | load average after |");
        output.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (name, bytes) in inputs)
        {
            GC.Collect();
            var wall = new double[runs];
            var cells = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpuStart = ThreadCpu.Milliseconds();
            for (var i = 0; i < runs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var report = ReportFile.Read(name, bytes).Report;
                ReportChecker.Check(report);
                wall[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                cells = report.Cells.Count;
            }

            var cpu = (ThreadCpu.Milliseconds() - cpuStart) / runs;
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)runs;
            Array.Sort(wall);
            output.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {bytes.Length:N0} | {cells} | {cpu:F2} ms | {wall[runs / 2]:F2} ms | {wall[Math.Min(runs - 1, (int)(runs * 0.95))]:F2} ms | {allocated / 1024.0:F0} KiB | {ParseCheckBenchmark.LoadAverage()} |"));
        }

        Console.Write(output.ToString());
        return 0;
    }

    /// <summary>The committed fixtures of the document readers' tests.</summary>
    internal static string FixturePath(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "GovDisclosure.Import.Documents.Tests", "Fixtures", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"fixture {name} not found under tests/GovDisclosure.Import.Documents.Tests/Fixtures");
    }
}
