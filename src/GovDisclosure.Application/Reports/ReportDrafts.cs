using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <param name="ReportId">The report being typed into.</param>
/// <param name="BaseRowVersion">The report's row version the editor was opened on.</param>
/// <param name="Fields">Every field on the editor by its name (title, sections, cells, 说明, reasons), as typed.</param>
public sealed record KeepDraftInput(int ReportId, uint BaseRowVersion, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// 暂存: keeps what the user typed on the server, whether or not it balances, so it can be finished on any device.
/// Only the author reads it back (<see cref="ReportQueries.DraftAsync"/>); the report itself is untouched.
/// </summary>
public sealed class KeepDraft(IGovDisclosureDb db, TimeProvider clock)
{
    public async Task<UseCaseResult> ExecuteAsync(UserScope scope, KeepDraftInput input, CancellationToken ct = default)
    {
        var report = await db.Reports.EditableBy(scope).Where(r => r.Id == input.ReportId)
            .Select(r => new { r.Id, r.State, r.Revision }).SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return UseCaseResult.NotFound();
        }

        if (!report.State.IsEditable())
        {
            return UseCaseResult.Refused(report.Id, $"报告当前为“{report.State.DisplayName()}”状态，不能暂存修改。");
        }

        try
        {
            await ReportDraftStore.KeepAsync(db, scope.Actor, report.Id, input.BaseRowVersion, report.Revision, input.Fields, clock.GetUtcNow(), ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult.Refused(report.Id, e.Message);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // Two 暂存 of the same user crossed (two tabs): the other one is kept, which is as recent as this.
            db.ChangeTracker.Clear();
        }

        return UseCaseResult.Ok(report.Id, input.BaseRowVersion, "已暂存。");
    }
}

/// <summary>放弃: the user does not want the kept input back.</summary>
public sealed class DiscardDraft(IGovDisclosureDb db)
{
    public async Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, CancellationToken ct = default)
    {
        if (!await db.Reports.EditableBy(scope).AnyAsync(r => r.Id == reportId, ct))
        {
            return UseCaseResult.NotFound();
        }

        await ReportDraftStore.DiscardAsync(db, scope.UserId, reportId, ct);
        await db.SaveChangesAsync(ct);
        return UseCaseResult.Ok(reportId, 0, "已放弃暂存的内容。");
    }
}

internal static class ReportDraftStore
{
    public static async Task KeepAsync(
        IGovDisclosureDb db, Actor author, int reportId, uint baseRowVersion, int baseRevision, IReadOnlyDictionary<string, string> fields, DateTimeOffset at, CancellationToken ct)
    {
        var draft = await db.ReportDrafts.SingleOrDefaultAsync(d => d.ReportId == reportId && d.UserId == author.UserId, ct);
        if (draft is null)
        {
            db.ReportDrafts.Add(new ReportDraft(reportId, author, baseRowVersion, baseRevision, fields, at));
        }
        else
        {
            draft.Keep(author, baseRowVersion, baseRevision, fields, at);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks the user's draft for removal; the caller's SaveChanges removes it with whatever else it saves.</summary>
    public static async Task DiscardAsync(IGovDisclosureDb db, string userId, int reportId, CancellationToken ct)
    {
        var draft = await db.ReportDrafts.SingleOrDefaultAsync(d => d.ReportId == reportId && d.UserId == userId, ct);
        if (draft is not null)
        {
            db.ReportDrafts.Remove(draft);
        }
    }
}
