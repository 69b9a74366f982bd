using System.Runtime.CompilerServices;
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
/// (the current revision of each report); the region figures come from the rollup that publication maintains.
/// </summary>
public sealed class PublicIndicatorQueries(GovDisclosureDbContext db, PublicQueries queries, IOptions<IndicatorOptions> options)
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
    /// The figures are the rollup's (what each publication shows: written values and blank totals worked out),
    /// read when asked, so every instance answers what the database holds; nothing is loaded at start or kept.
    /// </summary>
    public async Task<RegionIndicatorTable> RegionAsync(int year, string regionPath, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(regionPath);
        var definition = ReportTemplates.ForYear(year);
        var previousDefinition = ReportTemplates.ForYear(year - 1);
        var entries = await db.Publications.AsNoTracking()
            .Where(p => p.Year == year && p.Revision == p.Report!.PublishedRevision)
            .Join(db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(regionPath)), p => p.AgencyId, a => a.Id, (p, a) => new { p.ReportId, p.AgencyId, p.AgencyName })
            .ToListAsync(ct);
        var agencyIds = entries.Select(e => e.AgencyId).ToList();
        var predecessorsOf = (await db.AgencyLinks.AsNoTracking().Where(l => agencyIds.Contains(l.SuccessorId))
                .Select(l => new { l.SuccessorId, l.PredecessorId }).ToListAsync(ct))
            .ToLookup(l => l.SuccessorId, l => l.PredecessorId);

        // The agencies whose own figures are needed: the region's (one range of paths), and for last year theirs and their predecessors'.
        var now = await OwnFiguresAsync(year, definition, """starts_with(a."Path", {3})""", regionPath, ct);
        var previousIds = agencyIds.Concat(predecessorsOf.SelectMany(p => p)).Distinct().ToList();
        var reportedBefore = (await db.Publications.AsNoTracking().Where(p => p.Year == year - 1 && previousIds.Contains(p.AgencyId))
            .Select(p => p.AgencyId).Distinct().ToListAsync(ct)).ToHashSet();
        // Only the agencies that did report last year are read (none at all in a region's first year on the portal).
        var before = reportedBefore.Count == 0
            ? new Dictionary<int, Dictionary<string, decimal>>()
            : await OwnFiguresAsync(year - 1, previousDefinition, """(a."Id" = ANY({3}) OR a."ParentId" = ANY({3}))""", reportedBefore.ToArray(), ct);

        var agencies = new List<AgencyIndicators>(entries.Count);
        foreach (var entry in entries)
        {
            List<int> previous = reportedBefore.Contains(entry.AgencyId)
                ? [entry.AgencyId]
                : predecessorsOf[entry.AgencyId].Where(reportedBefore.Contains).ToList();
            var values = IndicatorCalculator.Compute(
                definition,
                Reader(now, [entry.AgencyId]),
                previous.Count == 0 ? null : previousDefinition,
                previous.Count == 0 ? null : Reader(before, previous),
                MinimumDenominator);
            agencies.Add(new AgencyIndicators(entry.AgencyId, entry.AgencyName, entry.ReportId, values));
        }

        agencies.Sort((a, b) => string.CompareOrdinal(a.AgencyName, b.AgencyName));
        return new RegionIndicatorTable(year, definition, agencies, RegionIndicators.Summarise(definition, agencies), MinimumDenominator);
    }

    /// <summary>
    /// Each agency's own figures for the cells the year's indicators read, from the rollup: an agency's rows hold
    /// itself and everything below it, so its own figure is its rows less its children's (the children must be
    /// among the agencies selected: <paramref name="agencies"/> is the WHERE on <c>agencies a</c>, its argument {3}).
    /// Blank totals are already worked out in the rollup.
    /// The rollup is read agency by agency through its primary key (the LATERAL keeps PostgreSQL from scanning the
    /// whole table, which it otherwise chose for a province of 20,000 agencies: the table holds every region and
    /// every year, so the scan grew with the portal, the probes only with the region). The codes are a filter, not
    /// part of the index condition (<c>|| ''</c>): an agency's cells are adjacent in the key, so one range per agency
    /// touches a few pages, where one descent per code touched eight times as many (EXPLAIN, docs/benchmarks.md).
    /// </summary>
    private async Task<Dictionary<int, Dictionary<string, decimal>>> OwnFiguresAsync(
        int year, TemplateDefinition definition, string agencies, object agenciesArgument, CancellationToken ct)
    {
        var codes = definition.Indicators.SelectMany(i => i.Numerator.Concat(i.Denominator)).SelectMany(t => t.Cells)
            .Where(definition.HasCell).Distinct(StringComparer.Ordinal).ToArray();
        var rows = await db.Database.SqlQuery<OwnRow>(FormattableStringFactory.Create($$"""
            SELECT a."Id" AS "AgencyId", a."ParentId" AS "ParentId", t."Code" AS "Code", t."Total" AS "Total"
              FROM agencies a
              CROSS JOIN LATERAL (SELECT r."Code", sum(r."Total") AS "Total" FROM region_cell_totals r
                                   WHERE r."RegionId" = a."Id" AND r."Year" = {0} AND r."Template" = {1} AND (r."Code" || '') = ANY({2})
                                   GROUP BY r."Code") t
             WHERE {{agencies}}
            """, year, definition.Version.Key, codes, agenciesArgument)).ToListAsync(ct);
        var own = new Dictionary<int, Dictionary<string, decimal>>();
        foreach (var row in rows)
        {
            Figures(row.AgencyId)[row.Code] = Figures(row.AgencyId).GetValueOrDefault(row.Code) + row.Total;
            if (row.ParentId is { } parent)
            {
                Figures(parent)[row.Code] = Figures(parent).GetValueOrDefault(row.Code) - row.Total;
            }
        }

        return own;

        Dictionary<string, decimal> Figures(int id) =>
            own.TryGetValue(id, out var figures) ? figures : own[id] = new Dictionary<string, decimal>(StringComparer.Ordinal);
    }

    private sealed record OwnRow(int AgencyId, int? ParentId, string Code, decimal Total);

    /// <summary>Several agencies' own figures read as one (a merged agency's predecessors); blank is 0.</summary>
    private static Func<string, decimal> Reader(Dictionary<int, Dictionary<string, decimal>> figures, IReadOnlyList<int> agencyIds) =>
        code => agencyIds.Sum(id => figures.TryGetValue(id, out var own) ? own.GetValueOrDefault(code) : 0m);
}
