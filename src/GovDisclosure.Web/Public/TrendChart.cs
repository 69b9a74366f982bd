using System.Globalization;
using GovDisclosure.Domain.Indicators;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Web.Public;

/// <summary>
/// The agency page's trend of key figures, computed on the server and drawn as inline SVG, so it reads
/// without script and prints. Values are the figures as published (a blank total counts as its parts' sum).
/// Years sit at their true distance on the axis; a year without a report breaks the lines and is shaded as a gap,
/// never bridged as if the figures ran straight through it.
/// </summary>
public sealed class TrendChart
{
    public const int Width = 720;
    public const int Height = 300;
    public const int Left = 64;

    /// <summary>Room for half of the last label (「2025年」 at <see cref="FontSize"/> is about 56 units wide).</summary>
    public const int Right = 40;
    public const int Top = 20;
    public const int Bottom = 44;

    /// <summary>In viewBox units: the chart keeps at least 540 px on a phone (site.css), so labels stay about 12 px.</summary>
    public const int FontSize = 16;

    /// <summary>The least distance between two year labels' centres, so 「2021年」 and 「2022年」 never overlap.</summary>
    private const double LabelSpacing = 60;

    /// <summary>
    /// How the n-th series is drawn: colour (≥ 3:1 against white, WCAG 1.4.11) and dash (not colour alone).
    /// What each series sums is the template's <see cref="Domain.Templates.TemplateDefinition.ChartSeries"/>.
    /// </summary>
    private static readonly (string Colour, string Dash)[] Styles =
        [("#1f3a5f", "none"), ("#1e6b3a", "8 4"), ("#8b1a1a", "2 3"), ("#6a3d9a", "10 3 2 3"), ("#7a4a00", "6 2"), ("#00566b", "1 2")];

    private TrendChart(IReadOnlyList<int> years, IReadOnlyList<Series> series, decimal max)
    {
        Years = years;
        AllSeries = series;
        Max = max;
        Gaps = years.Zip(years.Skip(1)).Where(p => p.Second - p.First > 1)
            .Select(p => new Gap(p.First + 1, p.Second - 1, XOf(p.First), XOf(p.Second))).ToList();
        YearLabels = Labels(years.Select(y => (y, XOf(y))).ToList());
    }

    /// <summary>The years with a report, oldest first.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Runs of years without a report, drawn between the neighbouring years' points.</summary>
    public IReadOnlyList<Gap> Gaps { get; }

    /// <summary>The years labelled under the axis: all of them unless they would overlap; the first and last always.</summary>
    public IReadOnlyList<(int Year, double X)> YearLabels { get; }

    public sealed record Gap(int FirstMissing, int LastMissing, double FromX, double ToX)
    {
        public string Label => FirstMissing == LastMissing ? $"{FirstMissing}年无报告" : $"{FirstMissing}–{LastMissing}年无报告";
    }

    public IReadOnlyList<Series> AllSeries { get; }

    public decimal Max { get; }

    /// <param name="Points">Every point, for the markers.</param>
    /// <param name="Segments">One polyline per run of consecutive years.</param>
    public sealed record Series(string Label, string Colour, string Dash, IReadOnlyList<decimal> Values, string Points, IReadOnlyList<string> Segments);

    public static TrendChart From(IReadOnlyList<ReportDocument> reports) =>
        From(AgencyTimeline.Build(reports.Select(r => new TimelineReport(0, string.Empty, r)).ToList(), []), null);

    /// <summary>
    /// The trend of an agency's timeline: a year its predecessors reported sums their figures, and the change from
    /// their years to its own is marked with <paramref name="changeLabel"/> (e.g. 「2024年合并」).
    /// </summary>
    public static TrendChart From(IReadOnlyList<TimelineYear> timeline, string? changeLabel)
    {
        var ordered = timeline.OrderBy(t => t.Year).ToList();
        var years = ordered.Select(r => r.Year).ToList();
        // The newest report's template names the lines; an older report contributes the cells its own template
        // lists under the same name (the templates may code them differently).
        var lines = ordered.Count == 0 ? [] : ordered[^1].Reports[0].Document.Definition.ChartSeries.Take(Styles.Length).Select(s => s.Label).ToList();
        var values = lines.Select(label => ordered.Select(y => y.Reports.Sum(r => r.Document.Definition.ChartSeries.FirstOrDefault(s => s.Label == label) is { } own
            ? own.Cells.Where(r.Document.Definition.HasCell).Sum(c => ReportTotals.Effective(r.Document, c))
            : 0m)).ToList()).ToList();
        var max = NiceMax(values.SelectMany(v => v).DefaultIfEmpty(0).Max());
        var first = years.Count == 0 ? 0 : years[0];
        var last = years.Count == 0 ? 0 : years[^1];
        string Point(int index, decimal value) => $"{F(X(years[index], first, last))},{F(Y(value, max))}";
        var runs = Runs(years);
        var series = lines.Select((label, i) => new Series(label, Styles[i].Colour, Styles[i].Dash, values[i],
            string.Join(' ', values[i].Select((v, x) => Point(x, v))),
            runs.Select(run => string.Join(' ', run.Select(x => Point(x, values[i][x])))).ToList())).ToList();
        var changes = ordered.Zip(ordered.Skip(1))
            .Where(p => p.First.FromPredecessors && !p.Second.FromPredecessors)
            .Select(p => new Change(p.Second.Year, (X(p.First.Year, first, last) + X(p.Second.Year, first, last)) / 2, changeLabel ?? $"{p.Second.Year}年起本机关"))
            .ToList();
        return new TrendChart(years, series, max)
        {
            Changes = changes,
            PredecessorYears = ordered.Where(y => y.FromPredecessors).Select(y => y.Year).ToHashSet(),
        };
    }

    /// <summary>Where the agency's own years begin after its predecessors': a dashed vertical line with a label.</summary>
    public IReadOnlyList<Change> Changes { get; private init; } = [];

    /// <summary>The years whose figures are the predecessors' (the trend table marks them).</summary>
    public IReadOnlySet<int> PredecessorYears { get; private init; } = new HashSet<int>();

    public sealed record Change(int FirstOwnYear, double X, string Label);

    /// <summary>A year's place on the axis: proportional to its distance from the first year; one year sits in the middle.</summary>
    public static double X(int year, int firstYear, int lastYear) =>
        lastYear <= firstYear ? Left + ((Width - Left - Right) / 2.0) : Left + ((year - firstYear) * (Width - Left - Right) / (double)(lastYear - firstYear));

    public double XOf(int year) => X(year, Years.Count == 0 ? year : Years[0], Years.Count == 0 ? year : Years[^1]);

    /// <summary>Indexes of the years grouped into runs of consecutive years.</summary>
    private static List<List<int>> Runs(List<int> years)
    {
        var runs = new List<List<int>>();
        for (var i = 0; i < years.Count; i++)
        {
            if (i == 0 || years[i] - years[i - 1] > 1)
            {
                runs.Add([]);
            }

            runs[^1].Add(i);
        }

        return runs;
    }

    private static List<(int Year, double X)> Labels(List<(int Year, double X)> all)
    {
        var shown = new List<(int Year, double X)>();
        foreach (var label in all)
        {
            if (shown.Count == 0 || label.X - shown[^1].X >= LabelSpacing)
            {
                shown.Add(label);
            }
        }

        // The newest year always has its label; it pushes out a neighbour that would touch it.
        if (all.Count > 0 && shown[^1] != all[^1])
        {
            if (all[^1].X - shown[^1].X < LabelSpacing && shown.Count > 1)
            {
                shown.RemoveAt(shown.Count - 1);
            }

            shown.Add(all[^1]);
        }

        return shown;
    }

    public static double Y(decimal value, decimal max) =>
        Top + ((Height - Top - Bottom) * (1 - (double)(max == 0 ? 0 : value / max)));

    /// <summary>Five gridlines at round values.</summary>
    public IEnumerable<decimal> Ticks => Enumerable.Range(0, 5).Select(i => Max * i / 4);

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static decimal NiceMax(decimal value)
    {
        if (value <= 4)
        {
            return 4;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * magnitude >= value && step * magnitude % 4 == 0)
            {
                return step * magnitude;
            }
        }

        return Math.Ceiling(value / 4) * 4;
    }
}
