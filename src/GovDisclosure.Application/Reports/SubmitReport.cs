using GovDisclosure.Application.Approval;
using GovDisclosure.Application.Common;

namespace GovDisclosure.Application.Reports;

/// <summary>
/// 提交审核: the filler submits the current revision; every warning must carry a 说明. The submission copies the
/// approval chain in force for the agency now, and follows it even if the region changes the chain later.
/// </summary>
public sealed class SubmitReport(IGovDisclosureDb db, TimeProvider clock)
{
    public Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, CancellationToken ct = default) =>
        ReportCommands.RunAsync(db, db.Reports.EditableBy(scope), reportId, rowVersion, async report =>
        {
            var previous = await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year - 1, ct);
            var chain = await new ApprovalChains(db, clock).InForceAsync(report.Agency!, ct);
            report.Submit(scope.Actor, clock.GetUtcNow(), report.Agency!.Name, previous, chain);
            return ($"已提交审核，{report.ApprovalStatus}。", []);
        }, ct);
}
