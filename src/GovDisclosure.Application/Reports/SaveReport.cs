using GovDisclosure.Application.Common;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <param name="ReportId">The report being edited.</param>
/// <param name="RowVersion">The row version the page loaded; a save on top of someone else's is a conflict.</param>
/// <param name="Content">Everything on the form: cells by code (blank = absent), section texts, title.</param>
/// <param name="Explanations">说明 by finding key (<see cref="Finding.Key"/>), for warnings.</param>
/// <param name="CarryOverReasons">Why a value carried over from last year was changed, by cell code.</param>
/// <param name="DraftFields">The editor's fields as typed: kept as the user's 暂存 when the save is refused or conflicts.</param>
public sealed record SaveReportInput(
    int ReportId,
    uint RowVersion,
    ReportDocument Content,
    IReadOnlyDictionary<string, string>? Explanations = null,
    IReadOnlyDictionary<string, string>? CarryOverReasons = null,
    IReadOnlyDictionary<string, string>? DraftFields = null);

/// <summary>
/// 保存: a filler saves the whole form. Refused, with every finding, when a balance rule breaks; what was typed is
/// then kept as the user's 暂存, so the work survives on the server while the report itself stays balanced.
/// A successful save ends the user's 暂存.
/// </summary>
/// <param name="similarity">The 雷同 check for W_COPY; null in hosts without the stored index (the warning then stays silent).</param>
public sealed class SaveReport(IGovDisclosureDb db, TimeProvider clock, SimilarityCheck? similarity = null)
{
    public async Task<UseCaseResult> ExecuteAsync(UserScope scope, SaveReportInput input, CancellationToken ct = default)
    {
        var result = await Save(scope, input, ct);
        if (input.DraftFields is { } fields && result.Status is UseCaseStatus.Rejected or UseCaseStatus.Conflict)
        {
            var revision = await db.Reports.EditableBy(scope).Where(r => r.Id == input.ReportId).Select(r => (int?)r.Revision).SingleOrDefaultAsync(ct);
            try
            {
                if (revision is { } r)
                {
                    await ReportDraftStore.KeepAsync(db, scope.Actor, input.ReportId, input.RowVersion, r, fields, clock.GetUtcNow(), ct);
                    return result with { DraftKept = true };
                }
            }
            catch (DomainException)
            {
                // Too large to keep: the page still shows everything typed, and says the save was refused.
                db.ChangeTracker.Clear();
            }
        }

        return result;
    }

    private Task<UseCaseResult> Save(UserScope scope, SaveReportInput input, CancellationToken ct) =>
        ReportCommands.RunAsync(db, db.Reports.EditableBy(scope), input.ReportId, input.RowVersion, async report =>
        {
            await ReportDraftStore.DiscardAsync(db, scope.UserId, report.Id, ct);

            var previous = await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year - 1, ct);
            var copies = similarity is null ? null : await similarity.CopiesForRulesAsync(report, input.Content, ct);

            // The domain gets a copy: the caller's document must survive a refusal or a conflict untouched.
            var warnings = report.UpdateContent(
                input.Content.Clone(),
                input.Explanations ?? new Dictionary<string, string>(),
                input.CarryOverReasons ?? new Dictionary<string, string>(),
                scope.Actor,
                clock.GetUtcNow(),
                previous,
                copies);
            return (warnings.Count == 0 ? "已保存。" : $"已保存。还有{warnings.Count}条警告，提交前请逐条填写说明。", warnings);
        }, ct);
}
