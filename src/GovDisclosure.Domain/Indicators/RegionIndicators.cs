using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Indicators;

/// <summary>One agency's indicators for a year, as the region's distribution and ranking take them.</summary>
public sealed record AgencyIndicators(int AgencyId, string AgencyName, int? ReportId, IReadOnlyList<IndicatorValue> Values);

/// <summary>An agency's place in the ranking of one indicator; equal figures share a rank (1, 2, 2, 4).</summary>
public sealed record RankedAgency(int Rank, int AgencyId, string AgencyName, int? ReportId, IndicatorValue Value);

/// <summary>A bar of the histogram: the agencies whose figure lies in [From, To) (the last bar includes its upper end).</summary>
public sealed record HistogramBin(string Label, decimal? From, decimal? To, int Count);

/// <summary>
/// How one indicator spreads over a region's agencies: the quartiles, not only the mean (a mean over agencies of very
/// different sizes says little), a histogram, and the ranking. Only agencies whose figure passes the minimum count;
/// the others are reported as 样本不足, never ranked last.
/// </summary>
public sealed record IndicatorDistribution(
    IndicatorDefinition Definition,
    int Agencies,
    int Passing,
    int Insufficient,
    decimal? Min,
    decimal? FirstQuartile,
    decimal? Median,
    decimal? ThirdQuartile,
    decimal? Max,
    decimal? Mean,
    IReadOnlyList<HistogramBin> Histogram,
    IReadOnlyList<RankedAgency> Ranking);

public static class RegionIndicators
{
    /// <summary>The distribution and ranking of every indicator the template defines, over the given agencies.</summary>
    public static IReadOnlyList<IndicatorDistribution> Summarise(TemplateDefinition definition, IReadOnlyCollection<AgencyIndicators> agencies) =>
        definition.Indicators.Select(indicator => Summarise(indicator, agencies)).ToList();

    public static IndicatorDistribution Summarise(IndicatorDefinition indicator, IReadOnlyCollection<AgencyIndicators> agencies)
    {
        var entries = agencies
            .Select(a => (Agency: a, Value: a.Values.FirstOrDefault(v => v.Definition.Key == indicator.Key)))
            .Where(x => x.Value is not null)
            .ToList();
        var passing = entries.Where(x => x.Value!.Passes)
            .OrderByDescending(x => x.Value!.Ratio).ThenBy(x => x.Agency.AgencyName, StringComparer.Ordinal).ToList();
        var sorted = passing.Select(x => x.Value!.Ratio!.Value).OrderBy(v => v).ToArray();

        var ranking = new List<RankedAgency>(passing.Count);
        for (var i = 0; i < passing.Count; i++)
        {
            var rank = i > 0 && passing[i].Value!.Ratio == passing[i - 1].Value!.Ratio ? ranking[i - 1].Rank : i + 1;
            ranking.Add(new RankedAgency(rank, passing[i].Agency.AgencyId, passing[i].Agency.AgencyName, passing[i].Agency.ReportId, passing[i].Value!));
        }

        return new IndicatorDistribution(
            indicator,
            entries.Count,
            sorted.Length,
            entries.Count(x => x.Value!.Status == IndicatorStatus.InsufficientSample),
            sorted.Length == 0 ? null : sorted[0],
            Quantile(sorted, 0.25m),
            Quantile(sorted, 0.5m),
            Quantile(sorted, 0.75m),
            sorted.Length == 0 ? null : sorted[^1],
            sorted.Length == 0 ? null : Math.Round(sorted.Average(), 6),
            Histogram(indicator.Shape, sorted),
            ranking);
    }

    /// <summary>Linear interpolation between order statistics (the usual "type 7"), on a sorted array.</summary>
    public static decimal? Quantile(decimal[] sorted, decimal p)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return Math.Round(sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower)), 6);
    }

    /// <summary>Shares in ten bars of 10%; changes in six bars centred on no change, open at both ends.</summary>
    private static List<HistogramBin> Histogram(IndicatorShape shape, decimal[] sorted)
    {
        decimal?[] edges = shape == IndicatorShape.Share
            ? [0m, 0.1m, 0.2m, 0.3m, 0.4m, 0.5m, 0.6m, 0.7m, 0.8m, 0.9m, 1m]
            : [null, -0.5m, -0.2m, 0m, 0.2m, 0.5m, null];
        var bins = new List<HistogramBin>(edges.Length - 1);
        for (var i = 0; i < edges.Length - 1; i++)
        {
            var (from, to) = (edges[i], edges[i + 1]);
            var last = i == edges.Length - 2;
            var count = sorted.Count(v => (from is not { } f || v >= f) && (to is not { } t || v < t || (last && v == t)));
            bins.Add(new HistogramBin(Label(from, to, shape), from, to, count));
        }

        return bins;
    }

    private static string Label(decimal? from, decimal? to, IndicatorShape shape)
    {
        var signed = shape == IndicatorShape.YearOnYear;
        return (from, to) switch
        {
            (null, { } t) => $"低于{IndicatorValue.Percent(t, signed)}",
            ({ } f, null) => $"{IndicatorValue.Percent(f, signed)}及以上",
            ({ } f, { } t) => $"{IndicatorValue.Percent(f, signed)}～{IndicatorValue.Percent(t, signed)}",
            _ => "全部",
        };
    }
}
