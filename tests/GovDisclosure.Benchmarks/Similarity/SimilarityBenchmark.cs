using System.Globalization;
using System.Text;
using GovDisclosure.Import;
using GovDisclosure.Domain.Similarity;

namespace GovDisclosure.Benchmarks.Similarity;

/// <summary>
/// `similarity`: the 雷同 index over a generated corpus of varied narratives (NarrativeCorpus, seeded by the
/// three shared samples as `gd demo` ships them), with planted copies; precision and recall on the planted
/// copies, the time of one report's check (all its sections) against the whole index, build time and memory.
/// Usage: similarity [--reports N] [--planted N] [--checks N] [--bands B] [--rows R]. Prints a Markdown section.
/// </summary>
public static class SimilarityBenchmark
{
    private static readonly string[] Samples = ["000_ffb7cb016be5db93.txt", "001_34264c7ee48481bb.txt", "003_07ea97a0e0dbb2b9.txt"];

    public static int Run(string[] args)
    {
        var loadAtStart = ParseCheckBenchmark.LoadAverage();
        var reports = Option(args, "--reports", 10_000);
        var planted = Option(args, "--planted", 300);
        var checks = Option(args, "--checks", 1_000);
        var defaults = new SimilarityOptions();
        var options = defaults with { Bands = Option(args, "--bands", defaults.Bands), RowsPerBand = Option(args, "--rows", defaults.RowsPerBand) };

        var seeds = Samples.Select(s => ReportImporter.Import(File.ReadAllBytes(ParseCheckBenchmark.SamplePath(s)), s).Report.Sections).ToList();
        var corpus = NarrativeCorpus.Build(seeds, reports, planted);
        var result = SimilarityEvaluation.Run(corpus, options, checks, ThreadCpu.Milliseconds);

        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"corpus: {reports:N0} reports generated from the 3 samples, {planted} planted copies; each check is one whole report (all its sections) against the index");
        output.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average at start {loadAtStart}");
        output.AppendLine(CultureInfo.InvariantCulture, $"options: {options.Bands} bands × {options.RowsPerBand} rows, common share {options.CommonShare:P0}, named from {options.MinContainment:P0} containment, ≤ {options.MaxCandidatesPerSection} candidates per section");
        output.AppendLine();
        output.AppendLine("| reports | sections indexed | build | index memory | checks | check wall median | check wall p95 | check wall max | check CPU mean (thread) | planted | recall | named | precision |");
        output.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        output.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {result.Reports:N0} | {result.Sections:N0} | {result.BuildMilliseconds / 1000:F1} s | {result.IndexBytes / 1048576.0:F0} MiB | {result.Checked:N0} | {result.Percentile(0.5):F2} ms | {result.Percentile(0.95):F2} ms | {result.Percentile(1):F2} ms | {result.CpuMillisecondsPerCheck:F2} ms | {result.Planted} | {result.Recall:F3} | {result.Named:N0} | {result.Precision:F3} |"));
        output.AppendLine();
        output.AppendLine(CultureInfo.InvariantCulture, $"missed ({result.Misses.Count}): {string.Join("; ", result.Misses.Take(10))}");
        output.AppendLine(CultureInfo.InvariantCulture, $"false positives (first {result.FalsePositives.Count}):\n{string.Join("\n", result.FalsePositives.Take(10))}");
        output.AppendLine(CultureInfo.InvariantCulture, $"load average at end: {ParseCheckBenchmark.LoadAverage()}");
        Console.Write(output.ToString());
        return 0;
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);
}
