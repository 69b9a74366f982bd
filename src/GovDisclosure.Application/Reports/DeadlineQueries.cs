using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <summary>One agency's standing for a reporting year.</summary>
public sealed record AgencyDeadline(int AgencyId, string AgencyName, AgencyKind Kind, string AgencyPath, DateOnly Deadline, DateOnly? FirstPublishedOn, DeadlineStatus Status);

/// <summary>How many agencies of a region stand where for a reporting year (the summary's board, without the list).</summary>
public sealed record DeadlineCounts(int OnTime, int Late, int Missing, int Open)
{
    public int Agencies => OnTime + Late + Missing + Open;

    public int this[DeadlineStatus status] => status switch
    {
        DeadlineStatus.OnTime => OnTime,
        DeadlineStatus.Late => Late,
        DeadlineStatus.Missing => Missing,
        _ => Open,
    };

    public static readonly DeadlineCounts None = new(0, 0, 0, 0);

    /// <summary>The counts of a list, for the pages that load the agencies anyway.</summary>
    public static DeadlineCounts Of(IEnumerable<AgencyDeadline> board) => Of(board.Select(b => (b.Status, 1)));

    /// <summary>Adds up standings given with how many agencies hold each (a whole group of agencies at once).</summary>
    public static DeadlineCounts Of(IEnumerable<(DeadlineStatus Status, int Agencies)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var sums = new int[Enum.GetValues<DeadlineStatus>().Length];
        foreach (var (status, agencies) in groups)
        {
            sums[(int)status] += agencies;
        }

        return new DeadlineCounts(sums[(int)DeadlineStatus.OnTime], sums[(int)DeadlineStatus.Late], sums[(int)DeadlineStatus.Missing], sums[(int)DeadlineStatus.Open]);
    }
}

/// <summary>按时、逾期、未发布: each agency's first publication against its deadline (条例 第四十九条 or a regional override).</summary>
public sealed class DeadlineQueries(IGovDisclosureDb db)
{
    /// <summary>Agencies under a region path (e.g. "/330212/"; "/" for all) for a year. Public data: no user scope needed.</summary>
    public async Task<IReadOnlyList<AgencyDeadline>> ForRegionAsync(string regionPath, int year, DateOnly today, CancellationToken ct = default)
    {
        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        if (reportingYear is null)
        {
            return [];
        }

        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(regionPath)).OrderBy(a => a.Path).ToListAsync(ct);
        var overrides = await db.DeadlineOverrides.AsNoTracking().Where(o => o.Year == year).ToListAsync(ct);

        // The first publication counts (a later correction does not make a report late or on time again).
        var firsts = await db.Publications.AsNoTracking()
            .Where(p => p.Year == year)
            .GroupBy(p => p.AgencyId)
            .Select(g => new { AgencyId = g.Key, At = g.Min(p => p.PublishedAt) })
            .ToDictionaryAsync(x => x.AgencyId, x => x.At, ct);

        // An agency is judged only for the years it existed in: one founded after a deadline is not late for that year.
        return agencies.Where(a => a.ReportsFor(year)).Select(a =>
        {
            var deadline = Deadlines.For(reportingYear, a, overrides);
            DateOnly? published = firsts.TryGetValue(a.Id, out var at) ? Deadlines.BeijingDate(at) : null;
            return new AgencyDeadline(a.Id, a.Name, a.Kind, a.Path, deadline, published, Deadlines.Status(deadline, published, today));
        }).ToList();
    }

    /// <summary>The same, limited to what the user may see: a filler their own agency, a reviewer or admin their subtree.</summary>
    public async Task<IReadOnlyList<AgencyDeadline>> ForUserAsync(UserScope scope, int year, DateOnly today, CancellationToken ct = default)
    {
        var rows = await ForRegionAsync(scope.AgencyPath, year, today, ct);
        return scope.CoversSubtree ? rows : rows.Where(r => r.AgencyId == scope.AgencyId).ToList();
    }
}
