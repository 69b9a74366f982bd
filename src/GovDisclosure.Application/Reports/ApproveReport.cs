using GovDisclosure.Application.Common;

namespace GovDisclosure.Application.Reports;

/// <summary>
/// 审核通过 at the level the report waits at: a reviewer that level admits, other than the submitter. Only the last
/// level makes the report publishable; an earlier one passes it on.
/// </summary>
public sealed class ApproveReport(IGovDisclosureDb db, TimeProvider clock)
{
    public Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, CancellationToken ct = default) =>
        ReportCommands.RunAsync(db, db.Reports.ReviewableBy(scope), reportId, rowVersion, report =>
        {
            var level = report.PendingLevel;
            return ReportCommands.Done(report.Approve(scope.Actor, clock.GetUtcNow())
                ? "审核通过，可以发布。"
                : $"{level!.Name}通过，报告已转{report.ApprovalStatus[1..]}。");
        }, ct);
}
