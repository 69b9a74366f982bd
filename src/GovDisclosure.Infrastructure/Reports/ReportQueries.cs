using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Infrastructure.Reports;

/// <summary>A line in a report list.</summary>
public sealed record ReportSummary(
    int Id, int AgencyId, string AgencyName, int Year, string Title, ReportState State, int Revision, int? PublishedRevision, DateTimeOffset UpdatedAt, uint RowVersion);

/// <summary>Reads for the staff pages. Every one goes through the user's scope; nothing here is tracked.</summary>
public sealed class ReportQueries(GovDisclosureDbContext db)
{
    /// <summary>The reports the user may see, newest year first.</summary>
    public async Task<IReadOnlyList<ReportSummary>> ListAsync(UserScope scope, int? year = null, ReportState? state = null, CancellationToken ct = default)
    {
        var query = db.Reports.AsNoTracking().VisibleTo(scope);
        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        if (state is { } s)
        {
            query = query.Where(r => r.State == s);
        }

        return await query
            .OrderByDescending(r => r.Year).ThenBy(r => r.Agency!.Path)
            .Select(r => new ReportSummary(r.Id, r.AgencyId, r.Agency!.Name, r.Year, r.Title, r.State, r.Revision, r.PublishedRevision, r.UpdatedAt, r.RowVersion))
            .ToListAsync(ct);
    }

    /// <summary>Submitted revisions waiting for this reviewer (their subtree).</summary>
    public async Task<IReadOnlyList<ReportSummary>> ReviewQueueAsync(UserScope scope, CancellationToken ct = default) =>
        await db.Reports.AsNoTracking().ReviewableBy(scope)
            .Where(r => r.State == ReportState.Submitted || r.State == ReportState.Approved)
            .OrderBy(r => r.SubmittedAt)
            .Select(r => new ReportSummary(r.Id, r.AgencyId, r.Agency!.Name, r.Year, r.Title, r.State, r.Revision, r.PublishedRevision, r.UpdatedAt, r.RowVersion))
            .ToListAsync(ct);

    /// <summary>
    /// One report with its agency, untracked, for display or for filling a form. Keep <see cref="AnnualReport.RowVersion"/>
    /// in the form (a hidden field) and send it back with the next command.
    /// </summary>
    public Task<AnnualReport?> GetAsync(UserScope scope, int reportId, CancellationToken ct = default) =>
        db.Reports.AsNoTracking().VisibleTo(scope).Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == reportId, ct);

    /// <summary>The report's history, oldest first. Empty when the report is not in scope.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(UserScope scope, int reportId, CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking()
            .Where(a => a.ReportId == reportId && db.Reports.VisibleTo(scope).Any(r => r.Id == reportId))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .ToListAsync(ct);

    /// <summary>Reviewers' comments, oldest first. Fillers see the comments on their own agency's reports.</summary>
    public async Task<IReadOnlyList<ReviewComment>> CommentsAsync(UserScope scope, int reportId, CancellationToken ct = default) =>
        await db.ReviewComments.AsNoTracking()
            .Where(c => c.ReportId == reportId && db.Reports.VisibleTo(scope).Any(r => r.Id == reportId))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);

    /// <summary>Last year's published document of the same agency (carry-over source, cross-year rules); null when none.</summary>
    public async Task<Domain.Reports.ReportDocument?> PreviousYearAsync(UserScope scope, int reportId, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().VisibleTo(scope).Where(r => r.Id == reportId).Select(r => new { r.AgencyId, r.Year }).SingleOrDefaultAsync(ct);
        return report is null ? null : await ReportCommands.PublishedDocumentAsync(db, report.AgencyId, report.Year - 1, ct);
    }
}
