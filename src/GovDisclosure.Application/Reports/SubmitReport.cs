using GovDisclosure.Application.Common;

namespace GovDisclosure.Application.Reports;

/// <summary>提交审核: the filler submits the current revision; every warning must carry a 说明.</summary>
public sealed class SubmitReport(IGovDisclosureDb db, TimeProvider clock)
{
    public Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, CancellationToken ct = default) =>
        ReportCommands.RunAsync(db, db.Reports.EditableBy(scope), reportId, rowVersion, async report =>
        {
            var previous = await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year - 1, ct);
            report.Submit(scope.Actor, clock.GetUtcNow(), report.Agency!.Name, previous);
            return ("已提交审核。", []);
        }, ct);
}
