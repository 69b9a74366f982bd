using GovDisclosure.Application.Common;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <param name="ReportId">The report being edited.</param>
/// <param name="RowVersion">The row version the page loaded; a save on top of someone else's is a conflict.</param>
/// <param name="Content">Everything on the form: cells by code (blank = absent), section texts, title.</param>
/// <param name="Explanations">说明 by finding key (<see cref="Finding.Key"/>), for warnings.</param>
/// <param name="CarryOverReasons">Why a value carried over from last year was changed, by cell code.</param>
/// <param name="DraftFields">The editor's fields as typed: kept as the user's 暂存 when the save is refused or conflicts.</param>
/// <param name="Start">
/// The content the editor was opened on (title, sections, cells, 说明). When someone else saved in between, the save
/// merges field by field against it (<see cref="ContentMerge"/>); without it a stale version is a plain conflict.
/// </param>
public sealed record SaveReportInput(
    int ReportId,
    uint RowVersion,
    ReportDocument Content,
    IReadOnlyDictionary<string, string>? Explanations = null,
    IReadOnlyDictionary<string, string>? CarryOverReasons = null,
    IReadOnlyDictionary<string, string>? DraftFields = null,
    ReportContent? Start = null);

/// <summary>
/// 保存: a filler saves the whole form. Refused, with every finding, when a balance rule breaks; what was typed is
/// then kept as the user's 暂存, so the work survives on the server while the report itself stays balanced.
/// A successful save ends the user's 暂存. Saved on top of someone else's save, it merges: their fields are taken,
/// this user's kept, and a field both changed is not saved but answered as a conflict for the user to choose.
/// </summary>
/// <param name="similarity">The 雷同 check for W_COPY; null in hosts without the stored index (the warning then stays silent).</param>
/// <param name="catalog">The templates the stored keys name: the host's registration; null (a use case built by hand) means the national ones.</param>
public sealed class SaveReport(IGovDisclosureDb db, TimeProvider clock, SimilarityCheck? similarity = null, TemplateCatalog? catalog = null)
{
    private readonly TemplateCatalog catalog = catalog ?? TemplateCatalog.Default;

    public const string MergeConflictMessage = "未保存：在您编辑期间，他人也修改了下列内容。请逐项选择保留哪个版本后再保存；其余修改已合并到本页。";

    public async Task<UseCaseResult> ExecuteAsync(UserScope scope, SaveReportInput input, CancellationToken ct = default)
    {
        var result = await Save(scope, input, ct);
        if (result.Status == UseCaseStatus.Conflict && input.Start is not null)
        {
            // The 暂存 kept below stays on the version the user started from, with that version inside it: restored, it merges again.
            result = await Merge(scope, input, ct);
        }

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

    /// <summary>Someone saved since the editor opened: merge against what they saved, then save again on their version.</summary>
    private async Task<UseCaseResult> Merge(UserScope scope, SaveReportInput input, CancellationToken ct)
    {
        var current = await ReportCommands.LoadAsync(db.Reports.EditableBy(scope).AsNoTracking(), input.ReportId, ct);
        if (current is null)
        {
            return UseCaseResult.NotFound();
        }

        var theirs = new ReportContent(current.ToDocument(current.Agency!.Name, catalog), current.Explanations);
        var mine = new ReportContent(input.Content, input.Explanations ?? new Dictionary<string, string>());
        var merge = ContentMerge.Of(input.Start!, theirs, mine);
        if (merge.HasConflicts)
        {
            return UseCaseResult.Conflict(current.Id) with { Message = MergeConflictMessage, Merge = merge, RowVersion = current.RowVersion };
        }

        var merged = input with
        {
            RowVersion = current.RowVersion,
            Content = merge.Result.Document,
            Explanations = merge.Result.Explanations,
        };
        var saved = await Save(scope, merged, ct);
        if (!saved.IsOk)
        {
            return saved with { Merge = merge, RowVersion = saved.RowVersion ?? current.RowVersion };
        }

        var definition = catalog.Get(current.Template);
        var takenNote = merge.TakenFromTheirs.Count == 0
            ? string.Empty
            : $"已合并他人在您编辑期间保存的{merge.TakenFromTheirs.Count}项修改（{string.Join("、", merge.TakenFromTheirs.Take(5).Select(f => f.Field.DisplayName(definition)))}{(merge.TakenFromTheirs.Count > 5 ? "等" : string.Empty)}）。";
        return saved with { Message = saved.Message + takenNote, Merge = merge };
    }

    private Task<UseCaseResult> Save(UserScope scope, SaveReportInput input, CancellationToken ct) =>
        ReportCommands.RunAsync(db, db.Reports.EditableBy(scope), input.ReportId, input.RowVersion, async report =>
        {
            await ReportDraftStore.DiscardAsync(db, scope.UserId, report.Id, ct);

            var previous = await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year - 1, ct, catalog);
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
            // Counted as the editor shows them (untouched tables are not yet blanks), so the message and the page agree.
            var shown = report.Check(report.ToDocument(report.Agency!.Name, catalog), previous, whileEditing: true, copies: copies).Count(f => !f.IsError);
            return (shown == 0 ? "已保存。" : $"已保存。还有{shown}条警告，提交前请逐条填写说明。", warnings);
        }, ct);
}
