using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Domain.Indicators;

/// <summary>A published report in an agency's timeline, with the agency that published it.</summary>
public sealed record TimelineReport(int AgencyId, string AgencyName, ReportDocument Document);

/// <summary>
/// One year of an agency's history: its own report, or, for a year before a merge, split or rename, its
/// predecessors' reports read together (<see cref="FromPredecessors"/>).
/// </summary>
public sealed record TimelineYear(int Year, IReadOnlyList<TimelineReport> Reports, bool FromPredecessors)
{
    /// <summary>Who published the year's figures, e.g. 「甲局、乙局」 (in the order the agencies were registered).</summary>
    public string Agencies => string.Join("、", Reports.OrderBy(r => r.AgencyId).Select(r => r.AgencyName).Distinct());

    public Func<string, decimal> Cells => IndicatorCalculator.Combined(Reports.Select(r => r.Document).ToList());
}

/// <summary>
/// An agency's years across 机构改革: its own published reports and, for the years it has none, those of its
/// predecessors, so a successor's trend and indicators continue across the change instead of starting from nothing.
/// A year the agency reported itself is always its own figure: a predecessor's report of that year is not added.
/// </summary>
public static class AgencyTimeline
{
    public static IReadOnlyList<TimelineYear> Build(IReadOnlyList<TimelineReport> own, IReadOnlyList<TimelineReport> predecessors)
    {
        var years = own.GroupBy(r => r.Document.Year).ToDictionary(g => g.Key, g => new TimelineYear(g.Key, g.ToList(), FromPredecessors: false));
        foreach (var group in predecessors.GroupBy(r => r.Document.Year).Where(g => !years.ContainsKey(g.Key)))
        {
            years[group.Key] = new TimelineYear(group.Key, group.ToList(), FromPredecessors: true);
        }

        return years.Values.OrderBy(y => y.Year).ToList();
    }

    /// <summary>The indicators of each year, the change in requests read against the year before in the same timeline.</summary>
    public static IReadOnlyList<(TimelineYear Year, IReadOnlyList<IndicatorValue> Values)> Indicators(
        IReadOnlyList<TimelineYear> timeline, int minimumDenominator = IndicatorCalculator.DefaultMinimumDenominator)
    {
        var byYear = timeline.ToDictionary(y => y.Year);
        return timeline.Select(y =>
        {
            var previous = byYear.GetValueOrDefault(y.Year - 1);
            IReadOnlyList<IndicatorValue> values = IndicatorCalculator.Compute(
                y.Reports[0].Document.Definition, y.Cells, previous?.Reports[0].Document.Definition, previous?.Cells, minimumDenominator);
            return (y, values);
        }).ToList();
    }
}
