using GovDisclosure.Application.Common;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GovDisclosure.Application.Reports;

/// <summary>
/// 发布: a reviewer or admin publishes the approved revision. State, PDF bytes, SHA-256, the interchange
/// snapshot, the published cells, the findings with their 说明 and the audit line are written by one SaveChanges, i.e. one transaction:
/// the public sees all of it or none of it. The PDF is rendered first, so a renderer failure changes nothing.
/// </summary>
public sealed partial class PublishReport(
    IGovDisclosureDb db, TimeProvider clock, IReportPdfRenderer renderer, IEnumerable<IPublicationListener> listeners, ILogger<PublishReport> logger)
{
    public static string AlreadyPublishedMessage(int? revision) =>
        $"该报告刚刚已被发布（第{revision}版），本次发布未执行，无需重复发布。请刷新查看。";

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

            // A historical report waiting as 已通过 is published with its original, as gd import --publish does.
            var source = report.Origin == ReportOrigin.ImportedHistory
                ? await db.HistoricalSources.SingleAsync(s => s.ReportId == report.Id, ct)
                : null;
            await PublishApprovedAsync(report, scope.Actor, clock.GetUtcNow(), source, ct);
            published = new ReportPublished(report.Id, report.AgencyId, report.Year, report.Revision);
            return await ReportCommands.Done($"已发布第{report.Revision}版。");
        }, ct);

        if (result.Status == UseCaseStatus.Conflict)
        {
            // Lost a race with another publisher (parallel clicks, two reviewers): if the report is now published,
            // say that rather than the general conflict, so nobody publishes again "to be sure".
            db.ChangeTracker.Clear();
            var now = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
                .Select(r => new { r.State, r.PublishedRevision }).SingleOrDefaultAsync(ct);
            if (now is { State: ReportState.Published })
            {
                return new UseCaseResult(UseCaseStatus.Conflict, AlreadyPublishedMessage(now.PublishedRevision)) { ReportId = reportId, Revision = now.PublishedRevision };
            }
        }

        // Only a committed publication is announced: RunAsync returns Ok after SaveChanges succeeded.
        if (result.IsOk && published is { } committed)
        {
            await AnnounceAsync(committed, ct);
        }

        return result;
    }

    /// <summary>
    /// The one publication code path, for a reviewer's 发布 and for an imported historical report: renders the PDF
    /// from the data (a renderer failure changes nothing), finds last year's published report for the cross-year
    /// rules and adds the <see cref="Publication"/>. The caller saves and then calls <see cref="AnnounceAsync"/>.
    /// </summary>
    /// <param name="source">The original file of a historical report, published beside it; null for a portal report.</param>
    public async Task<Publication> PublishApprovedAsync(AnnualReport report, Actor actor, DateTimeOffset now, HistoricalSource? source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var agencyName = report.Agency!.Name;

        // The reviewer's preview is drawn from the same method (PublicationPdf), so what was approved on screen is what is stored.
        var (document, options) = await PublicationPdf.ForPublicationAsync(db, report, now, ct);
        byte[] pdf;
        try
        {
            pdf = renderer.Render(document, options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRenderFailed(logger, e, report.Id, report.Revision);
            throw new DomainException(PdfFailedMessage);
        }

        var previous = await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year - 1, ct);
        var publication = report.Publish(actor, now, agencyName, pdf, InterchangeJson.Write(document), previous, source);
        db.Publications.Add(publication);
        return publication;
    }

    /// <summary>Tells the listeners (the public cache) about a committed publication.</summary>
    public async Task AnnounceAsync(ReportPublished published, CancellationToken ct)
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
                LogListenerFailed(logger, e, listener.GetType().Name, published.ReportId, published.Revision);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "PDF rendering failed for report {ReportId} revision {Revision}")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception, int reportId, int revision);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publication listener {Listener} failed for report {ReportId} revision {Revision}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string listener, int reportId, int revision);
}
