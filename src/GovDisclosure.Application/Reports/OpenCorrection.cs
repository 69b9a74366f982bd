using GovDisclosure.Application.Common;

namespace GovDisclosure.Application.Reports;

/// <summary>发起更正: the agency's filler (or a reviewer above it) opens the next revision of a published report.</summary>
public sealed class OpenCorrection(IGovDisclosureDb db, TimeProvider clock)
{
    public Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, string reason, CancellationToken ct = default) =>
        ReportCommands.RunAsync(db, db.Reports.VisibleTo(scope), reportId, rowVersion, report =>
        {
            report.OpenCorrection(scope.Actor, clock.GetUtcNow(), reason);
            return ReportCommands.Done($"已发起第{report.Revision}版更正；已发布的版本在更正发布前继续公开。");
        }, ct);
}
