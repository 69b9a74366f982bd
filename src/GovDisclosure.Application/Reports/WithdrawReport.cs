using GovDisclosure.Application.Common;

namespace GovDisclosure.Application.Reports;

/// <summary>撤回: the filler takes a submission back before the reviewer acts.</summary>
public sealed class WithdrawReport(IGovDisclosureDb db, TimeProvider clock)
{
    public Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, CancellationToken ct = default) =>
        ReportCommands.RunAsync(db, db.Reports.EditableBy(scope), reportId, rowVersion, report =>
        {
            report.Withdraw(scope.Actor, clock.GetUtcNow());
            return ReportCommands.Done("已撤回，报告回到草稿状态。");
        }, ct);
}
