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
/// Usage: documents [--runs N] [--warmup N] [--only NAME] [--render-portal | --save-portal] [--phases | --loop]. Prints a Markdown table for docs/benchmarks.md.
/// </summary>
public static class DocumentParseBenchmark
{
    /// <summary>
    /// Rounds over every file before measuring. The runtime recompiles a method at full optimisation only after
    /// 30 calls (tiered compilation), and most of a reader's methods run once per document, so fewer rounds than
    /// that leave the first files measured on unoptimised code: a JIT cost an archive of 1,000 files pays once.
    /// </summary>
    private const int DefaultWarmUp = 40;

    private static readonly string[] Inputs =
    [
        "000_ffb7cb016be5db93.txt", "000_ffb7cb016be5db93.docx", "000_ffb7cb016be5db93.pdf", "000_ffb7cb016be5db93.portal.pdf", "000_ffb7cb016be5db93.borderless-break.pdf",
        "003_07ea97a0e0dbb2b9.txt", "003_07ea97a0e0dbb2b9.docx", "003_07ea97a0e0dbb2b9.pdf", "003_07ea97a0e0dbb2b9.portal.pdf", "003_07ea97a0e0dbb2b9.borderless-break.pdf",
    ];

    public static int Run(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(100);
        var warmUp = args.SkipWhile(a => a != "--warmup").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(DefaultWarmUp);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        var inputs = Inputs.Where(name => only is null || name.Contains(only, StringComparison.Ordinal))
            .Select(name => (Name: name, Bytes: File.ReadAllBytes(FixturePath(name)))).ToList();
        if (args.Contains("--render-portal") || args.Contains("--save-portal"))
        {
            inputs = inputs.Select(i => i.Name.EndsWith(".portal.pdf", StringComparison.Ordinal) ? (i.Name, RenderPortal(i.Name, args.Contains("--save-portal"))) : i).ToList();
        }

        if (args.Contains("--loop"))
        {
            return Loop(inputs, runs);
        }

        if (args.Contains("--phases"))
        {
            return Phases(inputs, runs, warmUp);
        }

        for (var i = 0; i < warmUp; i++)
        {
            foreach (var (name, bytes) in inputs)
            {
                ReportChecker.Check(ReportFile.Read(name, bytes).Report);
            }
        }

        Thread.Sleep(2000);
        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {runs} runs per file after {warmUp} warm-up rounds; load average at start: {ParseCheckBenchmark.LoadAverage()}");
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

    /// <summary>
    /// The portal's PDF of a fixture as this build renders it, from the matching .txt, as the committed fixture was made
    /// (`gd render NNN.txt --date 2021-01-15`), so a renderer change is measured without re-committing the fixtures
    /// first; with --save-portal the committed fixture is overwritten with it.
    /// </summary>
    private static byte[] RenderPortal(string name, bool save)
    {
        var text = name.Replace(".portal.pdf", ".txt", StringComparison.Ordinal);
        var report = ReportFile.Read(text, File.ReadAllBytes(FixturePath(text))).Report;
        var pdf = new GovDisclosure.Infrastructure.Pdf.PdfSharpReportRenderer()
            .Render(report, new GovDisclosure.Application.Common.PdfRenderOptions(new DateTimeOffset(2021, 1, 15, 0, 0, 0, TimeSpan.Zero)));
        if (save)
        {
            File.WriteAllBytes(FixturePath(name), pdf);
        }

        return pdf;
    }

    /// <summary>Reads the inputs over and over for a profiler to attach to (dotnet-trace); no figures.</summary>
    private static int Loop(List<(string Name, byte[] Bytes)> inputs, int runs)
    {
        for (var i = 0; i < runs; i++)
        {
            foreach (var (name, bytes) in inputs)
            {
                ReportChecker.Check(ReportFile.Read(name, bytes).Report);
            }
        }

        return 0;
    }

    /// <summary>
    /// CPU per phase, to see where a document's time goes: the reader (document to HTML), the importer
    /// (HTML to cells) and the checker, each batched over the runs after the same warm-up.
    /// </summary>
    private static int Phases(List<(string Name, byte[] Bytes)> inputs, int runs, int warmUp)
    {
        var documents = inputs.Where(i => !i.Name.EndsWith(".txt", StringComparison.Ordinal)).ToList();
        string ToHtml(string name, byte[] bytes) => name.EndsWith(".docx", StringComparison.Ordinal)
            ? GovDisclosure.Import.Documents.WordReader.ToHtml(new MemoryStream(bytes, writable: false))
            : GovDisclosure.Import.Documents.PdfReader.ToHtml(new MemoryStream(bytes, writable: false));
        var html = documents.Select(d => ToHtml(d.Name, d.Bytes)).ToList();
        var reports = html.Select(h => ReportImporter.Import(h, ImportFormat.Html).Report).ToList();
        for (var w = 0; w < warmUp; w++)
        {
            for (var i = 0; i < documents.Count; i++)
            {
                ReportChecker.Check(ReportImporter.Import(ToHtml(documents[i].Name, documents[i].Bytes), ImportFormat.Html).Report);
            }
        }

        Console.WriteLine("| file | reader CPU | importer CPU | checker CPU | reader allocated |");
        Console.WriteLine("|---|---|---|---|---|");
        for (var i = 0; i < documents.Count; i++)
        {
            var (name, bytes) = documents[i];
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpu.Milliseconds();
            for (var r = 0; r < runs; r++)
            {
                ToHtml(name, bytes);
            }

            var reader = (ThreadCpu.Milliseconds() - cpu) / runs;
            var readerAllocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)runs;
            cpu = ThreadCpu.Milliseconds();
            for (var r = 0; r < runs; r++)
            {
                ReportImporter.Import(html[i], ImportFormat.Html);
            }

            var importer = (ThreadCpu.Milliseconds() - cpu) / runs;
            cpu = ThreadCpu.Milliseconds();
            for (var r = 0; r < runs; r++)
            {
                ReportChecker.Check(reports[i]);
            }

            var checker = (ThreadCpu.Milliseconds() - cpu) / runs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {reader:F2} ms | {importer:F2} ms | {checker:F2} ms | {readerAllocated / 1024.0:F0} KiB |"));
        }

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
