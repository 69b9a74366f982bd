using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Indicators;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovDisclosure.Infrastructure.Public;

/// <summary>Indicators:MinimumDenominator (default 30): below it an indicator reads 「样本不足」 and is not ranked.</summary>
public sealed class IndicatorOptions
{
    public const string Section = "Indicators";

    public int MinimumDenominator { get; set; } = IndicatorCalculator.DefaultMinimumDenominator;
}

/// <summary>A predecessor of an agency (or, on the predecessor's page, its successor) and how they are joined.</summary>
public sealed record PublicAgencyChange(int AgencyId, string AgencyName, AgencyChange Change, DateOnly EffectiveOn);

/// <summary>An agency's history across 机构改革 as its public page shows it.</summary>
/// <param name="Predecessors">Every agency it continues, directly or through an earlier change, newest change first.</param>
/// <param name="Successors">The agencies that continue it.</param>
/// <param name="PredecessorReports">The predecessors' published reports, newest year first.</param>
public sealed record AgencyLineage(
    IReadOnlyList<PublicAgencyChange> Predecessors,
    IReadOnlyList<PublicAgencyChange> Successors,
    IReadOnlyList<PublicReportRow> PredecessorReports,
    IReadOnlyList<TimelineYear> Timeline,
    IReadOnlyList<(TimelineYear Year, IReadOnlyList<IndicatorValue> Values)> Indicators,
    int MinimumDenominator)
{
    /// <summary>How the trend marks the change, e.g. 「2024年合并」; null when the agency has no predecessor.</summary>
    public string? ChangeLabel => Predecessors.Count == 0 ? null : $"{Predecessors[0].EffectiveOn.Year}年{Predecessors[0].Change.DisplayName()}";
}

/// <summary>A region's indicators for a year: each agency's figures, their distributions and rankings.</summary>
public sealed record RegionIndicatorTable(int Year, TemplateDefinition Definition, IReadOnlyList<AgencyIndicators> Agencies, IReadOnlyList<IndicatorDistribution> Distributions, int MinimumDenominator);

/// <summary>
/// The public reads of indicators and agency changes. Like <see cref="PublicQueries"/> it reads publications only
/// (the current revision of each report), and the region figures come from the same <see cref="PublishedCellStore"/>.
/// </summary>
public sealed class PublicIndicatorQueries(GovDisclosureDbContext db, PublishedCellStore cells, PublicQueries queries, IOptions<IndicatorOptions> options)
{
    /// <summary>A chain of renames and merges is short; the bound only guards against a cycle typed into the links.</summary>
    private const int MaxGenerations = 8;

    public int MinimumDenominator => Math.Max(1, options.Value.MinimumDenominator);

    /// <summary>The agency's predecessors, successors, their reports and its indicators by year across the changes.</summary>
    public async Task<AgencyLineage> LineageAsync(int agencyId, CancellationToken ct = default)
    {
        var predecessors = new List<PublicAgencyChange>();
        var seen = new HashSet<int> { agencyId };
        var frontier = new List<int> { agencyId };
        for (var generation = 0; generation < MaxGenerations && frontier.Count > 0; generation++)
        {
            var ids = frontier;
            var links = await db.AgencyLinks.AsNoTracking().Where(l => ids.Contains(l.SuccessorId))
                .OrderByDescending(l => l.EffectiveOn).ThenBy(l => l.Predecessor!.Name)
                .Select(l => new PublicAgencyChange(l.PredecessorId, l.Predecessor!.Name, l.Change, l.EffectiveOn))
                .ToListAsync(ct);
            frontier = [];
            foreach (var link in links.Where(l => seen.Add(l.AgencyId)))
            {
                predecessors.Add(link);
                frontier.Add(link.AgencyId);
            }
        }

        var successors = await db.AgencyLinks.AsNoTracking().Where(l => l.PredecessorId == agencyId)
            .OrderBy(l => l.EffectiveOn).ThenBy(l => l.Successor!.Name)
            .Select(l => new PublicAgencyChange(l.SuccessorId, l.Successor!.Name, l.Change, l.EffectiveOn))
            .ToListAsync(ct);

        var own = await queries.AgencyReportsAsync(agencyId, ct);
        var earlier = new List<(PublicReportRow Row, string Json)>();
        foreach (var predecessor in predecessors)
        {
            earlier.AddRange(await queries.AgencyReportsAsync(predecessor.AgencyId, ct));
        }

        var timeline = AgencyTimeline.Build(
            own.Select(r => new TimelineReport(r.Row.AgencyId, r.Row.AgencyName, Domain.Reports.InterchangeJson.Read(r.Json))).ToList(),
            earlier.Select(r => new TimelineReport(r.Row.AgencyId, r.Row.AgencyName, Domain.Reports.InterchangeJson.Read(r.Json))).ToList());
        return new AgencyLineage(
            predecessors,
            successors,
            earlier.Select(r => r.Row).OrderByDescending(r => r.Year).ThenBy(r => r.AgencyName, StringComparer.Ordinal).ToList(),
            timeline,
            AgencyTimeline.Indicators(timeline, MinimumDenominator),
            MinimumDenominator);
    }

    /// <summary>
    /// Every agency of the region with a report published for the year, its indicators, and each indicator's
    /// distribution and ranking. Last year's figure for the change in requests is the agency's own report, or
    /// for an agency formed since, its predecessors' reports added together.
    /// </summary>
    public async Task<RegionIndicatorTable> RegionAsync(int year, string regionPath, CancellationToken ct = default)
    {
        var definition = ReportTemplates.ForYear(year);
        var previousDefinition = ReportTemplates.ForYear(year - 1);
        var now = await cells.CurrentAsync(db, year, ct);
        var before = await cells.CurrentAsync(db, year - 1, ct);
        HashSet<int>? members = regionPath == "/"
            ? null
            : (await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(regionPath)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var entries = now.Where(e => members is null || members.Contains(e.AgencyId)).ToList();
        var agencyIds = entries.Select(e => e.AgencyId).ToList();
        var predecessorsOf = (await db.AgencyLinks.AsNoTracking().Where(l => agencyIds.Contains(l.SuccessorId))
                .Select(l => new { l.SuccessorId, l.PredecessorId }).ToListAsync(ct))
            .ToLookup(l => l.SuccessorId, l => l.PredecessorId);
        var previousByAgency = before.GroupBy(e => e.AgencyId).ToDictionary(g => g.Key, g => g.ToList());
        var index = PublishedCellStore.Index(year);
        var previousIndex = PublishedCellStore.Index(year - 1);

        var agencies = new List<AgencyIndicators>(entries.Count);
        foreach (var entry in entries)
        {
            var previous = previousByAgency.GetValueOrDefault(entry.AgencyId)
                ?? predecessorsOf[entry.AgencyId].SelectMany(p => previousByAgency.GetValueOrDefault(p) ?? []).ToList();
            var values = IndicatorCalculator.Compute(
                definition,
                Reader(index, [entry]),
                previous.Count == 0 ? null : previousDefinition,
                previous.Count == 0 ? null : Reader(previousIndex, previous),
                MinimumDenominator);
            agencies.Add(new AgencyIndicators(entry.AgencyId, entry.AgencyName, entry.ReportId, values));
        }

        agencies.Sort((a, b) => string.CompareOrdinal(a.AgencyName, b.AgencyName));
        return new RegionIndicatorTable(year, definition, agencies, RegionIndicators.Summarise(definition, agencies), MinimumDenominator);
    }

    /// <summary>Cells of stored entries: blank is 0; the store has already worked out blank totals. Public for the benchmark.</summary>
    public static Func<string, decimal> Reader(IReadOnlyDictionary<string, int> index, IReadOnlyList<PublishedCellStore.Entry> entries) =>
        code => index.TryGetValue(code, out var i) ? entries.Sum(e => e.Values[i] ?? 0m) : 0m;
}
