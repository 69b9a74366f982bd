using GovDisclosure.Application.Common;

namespace GovDisclosure.Application.Reports;

/// <summary>
/// 退回: a reviewer sends a submitted (or approved, not yet published) revision back with a reason. The reason is
/// also filed as a review comment in the same save, so the filler reads it beside the cell comments.
/// </summary>
public sealed class ReturnReport(IGovDisclosureDb db, TimeProvider clock)
{
    public Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, string summary, CancellationToken ct = default) =>
        ReportCommands.RunAsync(db, db.Reports.ReviewableBy(scope), reportId, rowVersion, report =>
        {
            db.ReviewComments.Add(report.Return(scope.Actor, clock.GetUtcNow(), summary));
            return ReportCommands.Done("已退回填报人修改。");
        }, ct);
}
