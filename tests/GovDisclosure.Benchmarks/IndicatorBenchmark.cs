using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovDisclosure.Domain.Indicators;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Import;

namespace GovDisclosure.Benchmarks;

/// <summary>
/// `indicators`: the region indicators for 2,000 agencies (this year's and last year's report each), in process:
/// (a) as the site computes them, from each agency's figures as the rollup holds them (written values and blank totals worked out),
/// then distributions and rankings; (b) the alternative, from each report's interchange snapshot read again
/// (what a query over publications' JSON would do). Same inputs, same run. Usage: indicators [--agencies N] [--runs N].
/// </summary>
public static class IndicatorBenchmark
{
    public static int Run(string[] args)
    {
        var agencies = Option(args, "--agencies", 2000);
        var runs = Option(args, "--runs", 30);
        var sample = ReportImporter.Import(File.ReadAllBytes(ParseCheckBenchmark.SamplePath("003_07ea97a0e0dbb2b9.txt")), "003.txt").Report;
        var random = new Random(15);
        var (now, before) = (new List<ReportDocument>(agencies), new List<ReportDocument>(agencies));
        for (var i = 0; i < agencies; i++)
        {
            now.Add(Vary(sample, 2023, random));
            before.Add(Vary(sample, 2022, random));
        }

        // The rollup's shape (PublicIndicatorQueries): each agency's shown figures by cell, blank totals worked out.
        var entries = now.Select(Figures).ToList();
        var previousEntries = before.Select(Figures).ToList();
        var snapshots = now.Select(d => InterchangeJson.Write(d)).ToList();
        var previousSnapshots = before.Select(d => InterchangeJson.Write(d)).ToList();

        IReadOnlyList<IndicatorDistribution> FromStore()
        {
            var definition = ReportTemplates.ForYear(2023);
            var previousDefinition = ReportTemplates.ForYear(2022);
            var list = new List<AgencyIndicators>(agencies);
            for (var i = 0; i < agencies; i++)
            {
                list.Add(new AgencyIndicators(i, $"机关{i}", i, IndicatorCalculator.Compute(
                    definition, c => entries[i].GetValueOrDefault(c), previousDefinition, c => previousEntries[i].GetValueOrDefault(c))));
            }

            return RegionIndicators.Summarise(definition, list);
        }

        IReadOnlyList<IndicatorDistribution> FromSnapshots()
        {
            var list = new List<AgencyIndicators>(agencies);
            for (var i = 0; i < agencies; i++)
            {
                list.Add(new AgencyIndicators(i, $"机关{i}", i, IndicatorCalculator.Compute(InterchangeJson.Read(snapshots[i]), InterchangeJson.Read(previousSnapshots[i]))));
            }

            return RegionIndicators.Summarise(ReportTemplates.ForYear(2023), list);
        }

        // Warm both, check they agree, then time them alternately so the machine's load falls on both alike.
        var a = FromStore();
        var b = FromSnapshots();
        if (a.Zip(b).Any(p => p.First.Median != p.Second.Median || p.First.Passing != p.Second.Passing))
        {
            Console.Error.WriteLine("the two paths disagree");
            return 1;
        }

        Thread.Sleep(1000);
        var load = ParseCheckBenchmark.LoadAverage();
        var (store, json) = (new double[runs], new double[runs]);
        for (var r = 0; r < runs; r++)
        {
            var start = Stopwatch.GetTimestamp();
            FromStore();
            store[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            FromSnapshots();
            json[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {agencies} agencies × 2 years, {runs} runs each, alternating");
        output.AppendLine(CultureInfo.InvariantCulture, $"load average at start: {load}; at end: {ParseCheckBenchmark.LoadAverage()}");
        output.AppendLine(CultureInfo.InvariantCulture, $"passing 实质公开率: {a[0].Passing} of {a[0].Agencies}; median {a[0].Median}");
        output.AppendLine();
        output.AppendLine("| path | median | p95 | min |");
        output.AppendLine("|---|---|---|---|");
        output.AppendLine(CultureInfo.InvariantCulture, $"| rollup figures → 6 indicators × {agencies} + distributions and rankings | {Median(store):0.0} ms | {P95(store):0.0} ms | {store.Min():0.0} ms |");
        output.AppendLine(CultureInfo.InvariantCulture, $"| interchange JSON read again → the same | {Median(json):0.0} ms | {P95(json):0.0} ms | {json.Min():0.0} ms |");
        Console.Write(output.ToString());
        return 0;
    }

    /// <summary>The sample with section 三's and 四's 总计 figures drawn at random (0–400 requests; a third with no 复议).</summary>
    private static ReportDocument Vary(ReportDocument sample, int year, Random random)
    {
        var doc = new ReportDocument(sample.Definition.Version, year, sample.Agency, sample.Title);
        foreach (var cell in sample.Definition.Cells)
        {
            if (sample.Cells.Get(cell.Code) is { } value)
            {
                doc.Cells[cell.Code] = value;
            }
        }

        var received = random.Next(0, 400);
        var granted = random.Next(0, received + 1);
        var partial = random.Next(0, received - granted + 1);
        var withheld = received - granted - partial;
        foreach (var cell in sample.Definition.Cells.Where(c => c.Code.StartsWith("s3.", StringComparison.Ordinal) || c.Code.StartsWith("s4.", StringComparison.Ordinal)))
        {
            doc.Cells[cell.Code] = 0;
        }

        doc.Cells["s3.received.total"] = received;
        doc.Cells["s3.granted.total"] = granted;
        doc.Cells["s3.partial.total"] = partial;
        doc.Cells["s3.withheld.4.total"] = withheld;
        doc.Cells["s3.processed.total"] = received;
        var reviews = random.Next(3) == 0 ? 0 : random.Next(0, 60);
        doc.Cells["s4.review.corrected"] = random.Next(0, reviews / 3 + 1);
        doc.Cells["s4.review.total"] = reviews;
        doc.Cells["s4.review.pending"] = reviews / 10;
        return doc;
    }

    private static Dictionary<string, decimal> Figures(ReportDocument doc)
    {
        var figures = doc.Cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var (code, value) in ReportTotals.Derived(doc))
        {
            figures[code] = value;
        }

        return figures;
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

    private static double P95(double[] values) => values.Order().ElementAt(Math.Min(values.Length - 1, (int)Math.Ceiling(values.Length * 0.95) - 1));
}
