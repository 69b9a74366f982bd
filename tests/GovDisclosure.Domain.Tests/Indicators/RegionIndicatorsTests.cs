using GovDisclosure.Domain.Indicators;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Tests.Indicators;

public sealed class RegionIndicatorsTests
{
    private static readonly IndicatorDefinition Substantive = ReportTemplates.T2021.Indicators.Single(i => i.Key == IndicatorKeys.SubstantiveDisclosure);

    private static AgencyIndicators Agency(int id, decimal granted, decimal processed) =>
        new(id, $"机关{id:00}", id * 10, [new IndicatorValue(Substantive, granted, processed,
            processed >= IndicatorCalculator.DefaultMinimumDenominator ? IndicatorStatus.Computed : IndicatorStatus.InsufficientSample)]);

    [Fact]
    public void The_ranking_leaves_out_agencies_whose_sample_is_too_small_however_high_their_rate()
    {
        AgencyIndicators[] agencies = [Agency(1, 30, 60), Agency(2, 5, 5), Agency(3, 45, 50), Agency(4, 10, 29)];

        var distribution = RegionIndicators.Summarise(Substantive, agencies);

        // 机关02 answered all 5 of its requests in full (100%) and 机关04 29 requests: neither is ranked.
        Assert.Equal(["机关03", "机关01"], distribution.Ranking.Select(r => r.AgencyName));
        Assert.Equal([1, 2], distribution.Ranking.Select(r => r.Rank));
        Assert.Equal(4, distribution.Agencies);
        Assert.Equal(2, distribution.Passing);
        Assert.Equal(2, distribution.Insufficient);
        Assert.Equal(0.9m, distribution.Max);
        Assert.Equal(0.5m, distribution.Min);
    }

    [Fact]
    public void The_distribution_gives_quartiles_and_a_histogram_not_only_the_mean()
    {
        // Rates 10%, 20%, …, 90% over nine agencies of 100 requests each, plus one tiny agency at 100%.
        var agencies = Enumerable.Range(1, 9).Select(i => Agency(i, i * 10, 100)).Append(Agency(10, 3, 3)).ToList();

        var distribution = RegionIndicators.Summarise(Substantive, agencies);

        Assert.Equal(0.3m, distribution.FirstQuartile);
        Assert.Equal(0.5m, distribution.Median);
        Assert.Equal(0.7m, distribution.ThirdQuartile);
        Assert.Equal(0.5m, distribution.Mean);
        Assert.Equal(10, distribution.Histogram.Count);
        Assert.Equal("0.0%～10.0%", distribution.Histogram[0].Label);
        Assert.Equal(0, distribution.Histogram[0].Count);
        Assert.Equal(1, distribution.Histogram[5].Count);
        Assert.Equal(9, distribution.Histogram.Sum(b => b.Count));
    }

    [Fact]
    public void Agencies_with_the_same_rate_share_a_rank()
    {
        AgencyIndicators[] agencies = [Agency(1, 40, 80), Agency(2, 60, 80), Agency(3, 20, 40), Agency(4, 10, 40)];

        var ranking = RegionIndicators.Summarise(Substantive, agencies).Ranking;

        Assert.Equal([1, 2, 2, 4], ranking.Select(r => r.Rank));
    }

    [Fact]
    public void A_region_without_any_sufficient_sample_has_no_quartiles_and_no_ranking()
    {
        var distribution = RegionIndicators.Summarise(Substantive, [Agency(1, 1, 2)]);

        Assert.Null(distribution.Median);
        Assert.Empty(distribution.Ranking);
        Assert.Equal(1, distribution.Insufficient);
    }
}
