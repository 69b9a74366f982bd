using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.Extensions.Logging;

namespace GovDisclosure.Application.Reports;

/// <summary>
/// 发布: a reviewer or admin publishes the approved revision. State, PDF bytes, SHA-256, the interchange
/// snapshot, the published cells, the findings with their 说明 and the audit line are written by one SaveChanges, i.e. one transaction:
/// the public sees all of it or none of it. The PDF is rendered first, so a renderer failure changes nothing.
/// </summary>
public sealed class PublishReport(
    IGovDisclosureDb db, TimeProvider clock, IReportPdfRenderer renderer, IEnumerable<IPublicationListener> listeners, ILogger<PublishReport> logger)
{
    public const string PdfFailedMessage = "生成PDF失败，报告未发布，状态保持“已通过”。请稍后重试；如仍失败请联系管理员。";

    public async Task<UseCaseResult> ExecuteAsync(UserScope scope, int reportId, uint rowVersion, CancellationToken ct = default)
    {
        ReportPublished? published = null;
        // ReviewableBy is the publisher check too: only reviewers and admins (UserScope.CanPublish) reach any report
        // through it, and anyone else gets the same NotFound as for a report outside their subtree.
        var result = await ReportCommands.RunAsync(db, db.Reports.ReviewableBy(scope), reportId, rowVersion, async report =>
        {
            // Checked before rendering so a report in the wrong state costs no PDF and gets the state's message.
            if (report.State != ReportState.Approved)
            {
                throw new DomainException($"报告当前状态为“{report.State.DisplayName()}”，不能发布。");
            }

            var now = clock.GetUtcNow();
            var agencyName = report.Agency!.Name;
            var document = report.ToDocument(agencyName);

            // A corrected revision states what it changed against the revision it replaces (its 更正说明).
            var replaced = report.Revision > 1 ? await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year, ct) : null;
            var correction = replaced is null ? null
                : RevisionChanges.Between(replaced, document, report.Revision, Deadlines.BeijingDate(now), report.CorrectionReason ?? string.Empty);
            byte[] pdf;
            try
            {
                pdf = renderer.Render(document, new PdfRenderOptions(DocumentDate: now, Correction: correction));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "PDF rendering failed for report {ReportId} revision {Revision}", report.Id, report.Revision);
                throw new DomainException(PdfFailedMessage);
            }

            var previous = await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year - 1, ct);
            var publication = report.Publish(scope.Actor, now, agencyName, pdf, InterchangeJson.Write(document), previous);
            db.Publications.Add(publication);
            published = new ReportPublished(report.Id, report.AgencyId, report.Year, report.Revision);
            return await ReportCommands.Done($"已发布第{report.Revision}版。");
        }, ct);

        // Only a committed publication is announced: RunAsync returns Ok after SaveChanges succeeded.
        if (result.IsOk && published is { } committed)
        {
            await AnnounceAsync(committed, ct);
        }

        return result;
    }

    private async Task AnnounceAsync(ReportPublished published, CancellationToken ct)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.PublishedAsync(published, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The publication is committed and public; a stale mirror expires on its own, so the reviewer still hears "published".
                logger.LogError(e, "Publication listener {Listener} failed for report {ReportId} revision {Revision}", listener.GetType().Name, published.ReportId, published.Revision);
            }
        }
    }
}
