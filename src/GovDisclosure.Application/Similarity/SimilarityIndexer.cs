using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GovDisclosure.Application.Similarity;

/// <summary>
/// Writes the stored 雷同 index: a published revision once its publication committed (as a publication listener, so
/// never inside the publication's transaction), a submitted report once its submission committed, and every current
/// publication indexed before the index existed (`gd db backfill-similarity`). Indexing failing never undoes what it
/// follows; the backfill repairs a publication it missed.
/// </summary>
public sealed partial class SimilarityIndexer(IGovDisclosureDb db, ISimilarityStore store, SimilarityMatcher matcher, ILogger<SimilarityIndexer> logger) : IPublicationListener
{
    public async Task PublishedAsync(ReportPublished published, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(published);
        await IndexPublicationAsync(published.ReportId, published.Revision, ct);
    }

    /// <summary>Indexes a submitted report's text as a source for reviewers in scope; logs instead of failing the submission.</summary>
    public async Task SubmittedAsync(int reportId, CancellationToken ct)
    {
        try
        {
            var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, ct);
            if (report is null)
            {
                return;
            }

            var sections = new Dictionary<string, string>(report.Sections, StringComparer.Ordinal);
            await store.ReplaceAsync(report.Id, SourceStatus.Submitted, matcher.Fingerprints(report.Id, report.AgencyId, report.Year, SourceStatus.Submitted, sections), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogIndexFailed(logger, e, reportId, "submitted");
        }
    }

    /// <summary>Indexes the current publication of every published report not yet indexed; returns how many it indexed. Safe to run again.</summary>
    public async Task<int> BackfillAsync(CancellationToken ct = default)
    {
        var published = await db.Reports.AsNoTracking().Where(r => r.PublishedRevision != null)
            .OrderBy(r => r.Id).Select(r => new { r.Id, Revision = r.PublishedRevision!.Value }).ToListAsync(ct);
        var indexed = 0;
        foreach (var report in published)
        {
            if (await store.HasPublishedAsync(report.Id, ct))
            {
                continue;
            }

            await IndexPublicationAsync(report.Id, report.Revision, ct);
            indexed++;
        }

        return indexed;
    }

    private async Task IndexPublicationAsync(int reportId, int revision, CancellationToken ct)
    {
        // The snapshot, not the working copy: a correction opened right after publishing must not become the public source.
        var publication = await db.Publications.AsNoTracking().Where(p => p.ReportId == reportId && p.Revision == revision)
            .Select(p => new { p.AgencyId, p.Year, p.InterchangeJson }).SingleOrDefaultAsync(ct);
        if (publication is null)
        {
            return;
        }

        var document = InterchangeJson.Read(publication.InterchangeJson);
        var sections = new Dictionary<string, string>(document.Sections, StringComparer.Ordinal);
        await store.ReplaceAsync(reportId, SourceStatus.Published, matcher.Fingerprints(reportId, publication.AgencyId, publication.Year, SourceStatus.Published, sections), ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Similarity indexing failed for report {ReportId} ({Status}); gd db backfill-similarity repairs publications")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, int reportId, string status);
}
