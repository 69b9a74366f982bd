using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        var rest = args.ToList();
        if (CliServices.TakeConnection(rest) is not { } connection)
        {
            await stderr.WriteLineAsync($"未指定数据库。{CliServices.ConnectionHelp}");
            return 2;
        }

        if (rest.Count > 0)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        await using var services = CliServices.Build(connection);
        var filled = 0;
        var lastId = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GovDisclosureDbContext>();
            var batch = await Stale(db, lastId).Take(BatchSize).ToListAsync();
            if (batch.Count == 0)
            {
                break;
            }

            var writer = new PublicRecordWriter(db);
            foreach (var publication in batch)
            {
                var source = publication.Origin == ReportOrigin.ImportedHistory
                    ? await db.HistoricalSources.AsNoTracking().SingleOrDefaultAsync(s => s.ReportId == publication.ReportId)
                    : null;
                writer.Published(publication, InterchangeJson.Read(publication.InterchangeJson), source);
            }

            await db.SaveChangesAsync();
            filled += batch.Count;
            lastId = batch[^1].Id;
        }

        await stdout.WriteLineAsync(filled == 0
            ? "所有已发布报告均已有公开页面数据和地区汇总，无需补建。"
            : $"已为{filled}份已发布报告补建公开页面数据和地区汇总。");
        return 0;
    }

    /// <summary>Current publications whose report has no page, or a page of an earlier revision, in id order.</summary>
    internal static IQueryable<Publication> Stale(GovDisclosureDbContext db, int afterId) =>
        db.Publications.AsNoTracking()
            .Where(p => p.Id > afterId && p.Revision == p.Report!.PublishedRevision
                && !db.PublicReportPages.Any(page => page.ReportId == p.ReportId && page.PublicationId == p.Id))
            .OrderBy(p => p.Id);
}
