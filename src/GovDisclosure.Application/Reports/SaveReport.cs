using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Application.Reports;

/// <param name="ReportId">The report being edited.</param>
/// <param name="RowVersion">The row version the page loaded; a save on top of someone else's is a conflict.</param>
/// <param name="Content">Everything on the form: cells by code (blank = absent), section texts, title.</param>
/// <param name="Explanations">说明 by finding key (<see cref="Finding.Key"/>), for warnings.</param>
/// <param name="CarryOverReasons">Why a value carried over from last year was changed, by cell code.</param>
public sealed record SaveReportInput(
    int ReportId,
    uint RowVersion,
    ReportDocument Content,
    IReadOnlyDictionary<string, string>? Explanations = null,
    IReadOnlyDictionary<string, string>? CarryOverReasons = null);

/// <summary>保存: a filler saves the whole form. Refused, with every finding, when a balance rule breaks.</summary>
public sealed class SaveReport(IGovDisclosureDb db, TimeProvider clock)
{
    public Task<UseCaseResult> ExecuteAsync(UserScope scope, SaveReportInput input, CancellationToken ct = default) =>
        ReportCommands.RunAsync(db, db.Reports.EditableBy(scope), input.ReportId, input.RowVersion, async report =>
        {
            var previous = await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year - 1, ct);

            // The domain gets a copy: the caller's document must survive a refusal or a conflict untouched.
            var warnings = report.UpdateContent(
                input.Content.Clone(),
                input.Explanations ?? new Dictionary<string, string>(),
                input.CarryOverReasons ?? new Dictionary<string, string>(),
                scope.Actor,
                clock.GetUtcNow(),
                previous);
            return (warnings.Count == 0 ? "已保存。" : $"已保存。还有{warnings.Count}条警告，提交前请逐条填写说明。", warnings);
        }, ct);
}
