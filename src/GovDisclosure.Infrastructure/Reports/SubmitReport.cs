using GovDisclosure.Infrastructure.Data;

namespace GovDisclosure.Infrastructure.Reports;

/// <summary>提交审核: the filler submits the current revision; every warning must carry a 说明.</summary>
public sealed class SubmitReport(GovDisclosureDbContext db, TimeProvider clock)
{
    public Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, CancellationToken ct = default) =>
        ReportCommands.RunAsync(db, db.Reports.EditableBy(scope), reportId, rowVersion, async report =>
        {
            var previous = await ReportCommands.PublishedDocumentAsync(db, report.AgencyId, report.Year - 1, ct);
            report.Submit(scope.Actor, clock.GetUtcNow(), report.Agency!.Name, previous);
            return ("已提交审核。", []);
        }, ct);
}
