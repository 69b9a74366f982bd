using GovDisclosure.Application.Common;

namespace GovDisclosure.Application.Reports;

/// <summary>审核意见: a reviewer comments on the whole report, a section or a cell. Comments do not change the report, so no row version.</summary>
public sealed class AddComment(IGovDisclosureDb db, TimeProvider clock)
{
    public Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, string text, string? sectionKey = null, string? cellCode = null, CancellationToken ct = default) =>
        ReportCommands.RunAsync(db, db.Reports.ReviewableBy(scope), reportId, null, report =>
        {
            db.ReviewComments.Add(report.Comment(scope.Actor, clock.GetUtcNow(), text, sectionKey, cellCode));
            return ReportCommands.Done("已添加审核意见。");
        }, ct);
}
