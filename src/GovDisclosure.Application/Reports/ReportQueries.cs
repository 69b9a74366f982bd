using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <summary>A line in a report list.</summary>
public sealed record ReportSummary(
    int Id, int AgencyId, string AgencyName, int Year, string Title, ReportState State, int Revision, int? PublishedRevision, DateTimeOffset UpdatedAt, uint RowVersion, DateTimeOffset? SubmittedAt);

/// <summary>Reads for the staff pages. Every one goes through the user's scope; nothing here is tracked.</summary>
/// <param name="catalog">The templates the stored keys name: the host's registration; null (queries built by hand) means the national ones.</param>
public sealed class ReportQueries(IGovDisclosureDb db, TemplateCatalog? catalog = null)
{
    /// <summary>The reports the user may reach for <paramref name="access"/>, newest year first.</summary>
    public async Task<IReadOnlyList<ReportSummary>> ListAsync(
        UserScope scope, int? year = null, ReportState? state = null, int? agencyId = null, ReportAccess access = ReportAccess.View, CancellationToken ct = default)
    {
        var query = db.Reports.AsNoTracking().ReachableBy(scope, access);
        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        if (agencyId is { } a)
        {
            query = query.Where(r => r.AgencyId == a);
        }

        if (state is { } s)
        {
            query = query.Where(r => r.State == s);
        }

        return await query
            .OrderByDescending(r => r.Year).ThenBy(r => r.Agency!.Path)
            .Select(r => new ReportSummary(r.Id, r.AgencyId, r.Agency!.Name, r.Year, r.Title, r.State, r.Revision, r.PublishedRevision, r.UpdatedAt, r.RowVersion, r.SubmittedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// One report with its agency, untracked, for display or for filling a form. Keep <see cref="AnnualReport.RowVersion"/>
    /// in the form (a hidden field) and send it back with the next command.
    /// </summary>
    public Task<AnnualReport?> GetAsync(UserScope scope, int reportId, ReportAccess access = ReportAccess.View, CancellationToken ct = default) =>
        db.Reports.AsNoTracking().ReachableBy(scope, access).Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == reportId, ct);

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
    public async Task<ReportDocument?> PreviousYearAsync(UserScope scope, int reportId, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().VisibleTo(scope).Where(r => r.Id == reportId).Select(r => new { r.AgencyId, r.Year }).SingleOrDefaultAsync(ct);
        return report is null ? null : await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year - 1, ct, catalog);
    }

    /// <summary>
    /// The signed-in user's own 暂存 on a report they may fill in; null when none. Nobody else's draft is ever
    /// returned, so a reviewer or a colleague never sees half-typed input.
    /// </summary>
    public Task<ReportDraft?> DraftAsync(UserScope scope, int reportId, CancellationToken ct = default) =>
        db.ReportDrafts.AsNoTracking()
            .Where(d => d.ReportId == reportId && d.UserId == scope.UserId && db.Reports.EditableBy(scope).Any(r => r.Id == reportId))
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// For a revision the reviewer returned: what the filler changed since (cells old → new, sections), and each earlier
    /// comment with whether its cell or section changed. Null when the revision was never returned.
    /// </summary>
    public async Task<ChangesSinceReturn?> ChangesSinceReturnAsync(UserScope scope, AnnualReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ChangesSinceReturn.Of(report, await AuditTrailAsync(scope, report.Id, ct), await CommentsAsync(scope, report.Id, ct));
    }

    /// <summary>A report's review comments on one revision, for display beside its cells and sections.</summary>
    public async Task<IReadOnlyList<ReportNote>> NotesAsync(UserScope scope, int reportId, int revision, CancellationToken ct = default) =>
        (await CommentsAsync(scope, reportId, ct)).Where(c => c.Revision == revision)
            .Select(c => new ReportNote(c.Id, c.CellCode, c.SectionKey, c.Text, c.AuthorName, c.CreatedAt))
            .ToList();
}

/// <summary>A review comment as the editor and the review page show it.</summary>
public sealed record ReportNote(int Id, string? CellCode, string? SectionKey, string Text, string AuthorName, DateTimeOffset At);
