using GovDisclosure.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <summary>A reporting year as the dashboards' filters and the start button need it.</summary>
public sealed record ReportingYearRow(int Year, bool IsOpen);

/// <summary>The dashboards' lookups beside <see cref="ReportQueries"/> and <see cref="DeadlineQueries"/>: filters and names, within the user's scope.</summary>
public sealed class DashboardQueries(IGovDisclosureDb db)
{
    /// <summary>Every reporting year, newest first (years are national, not scoped).</summary>
    public async Task<IReadOnlyList<ReportingYearRow>> YearsAsync(CancellationToken ct = default) =>
        await db.ReportingYears.AsNoTracking().OrderByDescending(y => y.Year).Select(y => new ReportingYearRow(y.Year, y.IsOpen)).ToListAsync(ct);

    /// <summary>The agencies in the user's subtree, in tree order: the reviewer's agency filter.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> AgenciesAsync(UserScope scope, CancellationToken ct = default) =>
        (await db.Agencies.AsNoTracking().Where(a => a.Path.StartsWith(scope.AgencyPath)).OrderBy(a => a.Path).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name)).ToList();

    /// <summary>The user's own agency: its name and path, for the dashboard heading and the sign-in claims.</summary>
    public async Task<(string Name, string Path)?> OwnAgencyAsync(int agencyId, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Name, a.Path }).SingleOrDefaultAsync(ct) is { } a ? (a.Name, a.Path) : null;
}
