using GovDisclosure.Application.Common;

namespace GovDisclosure.Application.Reports;

/// <summary>审核通过: a reviewer other than the submitter approves the submitted revision.</summary>
public sealed class ApproveReport(IGovDisclosureDb db, TimeProvider clock)
{
    public Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, CancellationToken ct = default) =>
        ReportCommands.RunAsync(db, db.Reports.ReviewableBy(scope), reportId, rowVersion, report =>
        {
            report.Approve(scope.Actor, clock.GetUtcNow());
            return ReportCommands.Done("审核通过，可以发布。");
        }, ct);
}
