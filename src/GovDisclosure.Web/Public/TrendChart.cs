using System.Globalization;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Web.Public;

/// <summary>
/// The agency page's trend of key figures, computed on the server and drawn as inline SVG, so it reads
/// without script and prints. Values are the figures as published (a blank total counts as its parts' sum).
/// </summary>
public sealed class TrendChart
{
    public const int Width = 720;
    public const int Height = 300;
    public const int Left = 56;
    public const int Right = 16;
    public const int Top = 16;
    public const int Bottom = 40;

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
    }

    public IReadOnlyList<int> Years { get; }

    public IReadOnlyList<Series> AllSeries { get; }

    public decimal Max { get; }

    public sealed record Series(string Label, string Colour, string Dash, IReadOnlyList<decimal> Values, string Points);

    public static TrendChart From(IReadOnlyList<ReportDocument> reports)
    {
        var ordered = reports.OrderBy(r => r.Year).ToList();
        var years = ordered.Select(r => r.Year).ToList();
        // The newest report's template names the lines; an older report contributes the cells its own template
        // lists under the same name (the templates may code them differently).
        var lines = ordered.Count == 0 ? [] : ordered[^1].Definition.ChartSeries.Take(Styles.Length).Select(s => s.Label).ToList();
        var values = lines.Select(label => ordered.Select(r => r.Definition.ChartSeries.FirstOrDefault(s => s.Label == label) is { } own
            ? own.Cells.Where(r.Definition.HasCell).Sum(c => ReportTotals.Effective(r, c))
            : 0m).ToList()).ToList();
        var max = NiceMax(values.SelectMany(v => v).DefaultIfEmpty(0).Max());
        var series = lines.Select((label, i) => new Series(label, Styles[i].Colour, Styles[i].Dash, values[i],
            string.Join(' ', values[i].Select((v, x) => $"{F(X(x, years.Count))},{F(Y(v, max))}")))).ToList();
        return new TrendChart(years, series, max);
    }

    public static double X(int index, int count) =>
        count <= 1 ? Left + ((Width - Left - Right) / 2.0) : Left + (index * (Width - Left - Right) / (double)(count - 1));

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
