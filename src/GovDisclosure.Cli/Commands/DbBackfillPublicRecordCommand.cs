using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Public;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd db backfill-public-record [--connection CS]: gives every report published before the public record existed
/// its page's read model and its share of the region rollup, exactly as publishing writes them (decisions/0010).
/// A report whose page already shows its current publication is never touched, so a second run changes nothing.
/// </summary>
public static class DbBackfillPublicRecordCommand
{
    public const string Usage = "用法：gd db backfill-public-record [--connection 连接字符串]（为此前发布的报告补建公开页面数据和地区汇总）";

    /// <summary>Each batch is one transaction; a PDF is loaded with each publication, so batches stay small.</summary>
    private const int BatchSize = 100;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        await using var services = await PublicationBackfill.ServicesAsync(args, Usage, stderr);
        if (services is null)
        {
            return 2;
        }

        var filled = await PublicationBackfill.InBatchesAsync(services, BatchSize, Stale, async (db, publication) =>
        {
            var source = publication.Origin == ReportOrigin.ImportedHistory
                ? await db.HistoricalSources.AsNoTracking().SingleOrDefaultAsync(s => s.ReportId == publication.ReportId)
                : null;
            new PublicRecordWriter(db).Published(publication, InterchangeJson.Read(publication.InterchangeJson), source);
            return true;
        });
        await stdout.WriteLineAsync(filled == 0
            ? "所有已发布报告均已有公开页面数据和地区汇总，无需补建。"
            : $"已为{filled}份已发布报告补建公开页面数据和地区汇总。");
        return 0;
    }

    /// <summary>Current publications whose report has no page, or a page of an earlier revision.</summary>
    internal static IQueryable<Publication> Stale(GovDisclosureDbContext db, int afterId) =>
        db.Publications.AsNoTracking()
            .Where(p => p.Id > afterId && p.Revision == p.Report!.PublishedRevision
                && !db.PublicReportPages.Any(page => page.ReportId == p.ReportId && page.PublicationId == p.Id));
}
