using System.Diagnostics;
using GovDisclosure.Domain.Similarity;

namespace GovDisclosure.Benchmarks.Similarity;

/// <summary>
/// Indexes a corpus, checks reports against it and scores the named sources against the planted copies.
/// A named source is a true positive when it is the planted pair in either direction (checking the source
/// finds its copy too); anything else named is a false positive. Shared by the benchmark and its test run.
/// </summary>
public sealed class SimilarityEvaluation
{
    public required int Reports { get; init; }

    public required int Sections { get; init; }

    public required double BuildMilliseconds { get; init; }

    public required long IndexBytes { get; init; }

    public required int Checked { get; init; }

    public required int Planted { get; init; }

    public required int PlantedFound { get; init; }

    public required int Named { get; init; }

    public required int NamedTrue { get; init; }

    public required double[] CheckMilliseconds { get; init; }

    /// <summary>The checking thread's CPU time per check, over the whole batch (NaN without a CPU clock).</summary>
    public required double CpuMillisecondsPerCheck { get; init; }

    public required List<string> Misses { get; init; }

    public required List<string> FalsePositives { get; init; }

    public double Recall => Planted == 0 ? 1 : (double)PlantedFound / Planted;

    public double Precision => Named == 0 ? 1 : (double)NamedTrue / Named;

    /// <param name="extraChecks">Reports checked beyond the copies and their sources, for false positives among unrelated reports.</param>
    /// <param name="cpuClock">The calling thread's CPU time in milliseconds, where the platform has one.</param>
    public static SimilarityEvaluation Run(NarrativeCorpus corpus, SimilarityOptions options, int extraChecks, Func<double>? cpuClock = null)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var start = Stopwatch.GetTimestamp();
        var index = new SimilarityIndex(options);
        foreach (var report in corpus.Reports)
        {
            index.Add(report.ReportId, report.AgencyId, report.Year, SourceStatus.Published, report.Sections);
        }

        var build = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        var pairs = new HashSet<(int, int)>();
        foreach (var p in corpus.Planted)
        {
            pairs.Add((p.CopyReportId, p.SourceReportId));
            pairs.Add((p.SourceReportId, p.CopyReportId));
        }

        var toCheck = corpus.Planted.Select(p => p.CopyReportId)
            .Concat(corpus.Planted.Select(p => p.SourceReportId))
            .Concat(corpus.Reports.Select(r => r.ReportId).Where(id => id % 7 == 3).Take(extraChecks))
            .Distinct()
            .ToList();
        var byId = corpus.Reports.ToDictionary(r => r.ReportId);
        var found = new HashSet<(int, string, int)>();
        var named = 0;
        var namedTrue = 0;
        var times = new List<double>();

        // Tiered JIT: the first checks run unoptimised code; they are not what a reviewer waits for.
        foreach (var id in toCheck.Take(30))
        {
            index.Check(id, byId[id].AgencyId, byId[id].Sections, _ => true);
        }

        var falsePositives = new List<string>();
        var cpuStart = cpuClock?.Invoke() ?? double.NaN;
        foreach (var id in toCheck)
        {
            var report = byId[id];
            var t = Stopwatch.GetTimestamp();
            var result = index.Check(id, report.AgencyId, report.Sections, _ => true);
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            foreach (var section in result)
            {
                foreach (var match in section.Matches)
                {
                    named++;
                    if (pairs.Contains((id, match.Source.ReportId)))
                    {
                        namedTrue++;
                        found.Add((id, section.SectionKey, match.Source.ReportId));
                    }
                    else if (falsePositives.Count < 20)
                    {
                        falsePositives.Add($"{id}/{section.SectionKey} → {match.Source.ReportId}/{match.Source.SectionKey} {match.Percent}%: 「{string.Join("」「", match.Passages.Select(x => x.Text))}」");
                    }
                }
            }
        }

        var cpuPerCheck = ((cpuClock?.Invoke() ?? double.NaN) - cpuStart) / toCheck.Count;
        var misses = corpus.Planted.Where(p => !found.Contains((p.CopyReportId, p.SectionKey, p.SourceReportId)))
            .Select(p => $"{p.CopyReportId}/{p.SectionKey} ← {p.SourceReportId} ({p.CopiedShare:P0} copied, {Raw(index, byId[p.CopyReportId].Sections[p.SectionKey], byId[p.SourceReportId].Sections[p.SectionKey])})")
            .ToList();
        var sorted = times.ToArray();
        Array.Sort(sorted);
        GC.KeepAlive(index);
        return new SimilarityEvaluation
        {
            Reports = corpus.Reports.Count,
            Sections = corpus.Reports.Sum(r => r.Sections.Count),
            BuildMilliseconds = build,
            IndexBytes = bytes,
            Checked = toCheck.Count,
            Planted = corpus.Planted.Count,
            PlantedFound = corpus.Planted.Count - misses.Count,
            Named = named,
            NamedTrue = namedTrue,
            CheckMilliseconds = sorted,
            CpuMillisecondsPerCheck = cpuPerCheck,
            Misses = misses,
            FalsePositives = falsePositives,
        };
    }

    /// <summary>Why a planted copy was missed: its containment before frequency filtering, its Jaccard and its colliding bands.</summary>
    private static string Raw(SimilarityIndex index, string a, string b)
    {
        var fa = index.Fingerprint(new SimilaritySource(0, 0, 0, "x", SourceStatus.Published), a)!;
        var fb = index.Fingerprint(new SimilaritySource(0, 0, 0, "x", SourceStatus.Published), b)!;
        var shared = fa.Shingles.Intersect(fb.Shingles).Count();
        var lsh = fa.BandHashes.Intersect(fb.BandHashes).Count();
        var hit = index.Check(-1, null, new Dictionary<string, string> { ["x"] = a }, s => s.ReportId != 0)[0];
        return $"raw containment {(double)shared / fa.Shingles.Length:P0} of {fa.Shingles.Length}, J {(double)shared / (fa.Shingles.Length + fb.Shingles.Length - shared):F2}, bands {lsh}, counted {hit.Shingles}";
    }

    public double Percentile(double p) =>
        CheckMilliseconds.Length == 0 ? 0 : CheckMilliseconds[Math.Clamp((int)Math.Ceiling(p * CheckMilliseconds.Length) - 1, 0, CheckMilliseconds.Length - 1)];
}
