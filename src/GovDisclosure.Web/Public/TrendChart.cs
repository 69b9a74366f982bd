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

    /// <summary>The series: label, colour (≥ 3:1 against white, WCAG 1.4.11), dash (not colour alone) and cell codes summed.</summary>
    public static readonly IReadOnlyList<(string Label, string Colour, string Dash, string[] Codes)> Definitions =
    [
        ("新收申请", "#1f3a5f", "none", ["s3.received.total"]),
        ("予以公开", "#1e6b3a", "8 4", ["s3.granted.total"]),
        ("行政复议", "#8b1a1a", "2 3", ["s4.review.total"]),
        ("行政诉讼", "#6a3d9a", "10 3 2 3", ["s4.suit_direct.total", "s4.suit_after_review.total"]),
    ];

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
        var values = Definitions.Select(d => ordered.Select(r => d.Codes.Sum(c => ReportTotals.Effective(r, c))).ToList()).ToList();
        var max = NiceMax(values.SelectMany(v => v).DefaultIfEmpty(0).Max());
        var series = Definitions.Select((d, i) => new Series(d.Label, d.Colour, d.Dash, values[i],
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
