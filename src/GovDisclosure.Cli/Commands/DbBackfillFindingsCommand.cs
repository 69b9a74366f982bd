using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Public;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Cli.Commands;

/// <summary>
/// gd db backfill-findings [--connection CS]: gives every publication stored before findings were published with
/// it (its Findings column is null) the warnings it showed, with its published 说明. Publications that have findings
/// are never touched, so running it twice changes nothing the second time.
/// </summary>
public static class DbBackfillFindingsCommand
{
    public const string Usage = "用法：gd db backfill-findings [--connection 连接字符串]（为尚无校验结果的已发布版本补录发布时的校验结果）";

    /// <summary>Publications are read and saved in batches so a database of thousands never sits in memory.</summary>
    private const int BatchSize = 200;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        await using var services = await PublicationBackfill.ServicesAsync(args, Usage, stderr);
        if (services is null)
        {
            return 2;
        }

        var filled = await PublicationBackfill.InBatchesAsync(services, BatchSize, (db, afterId) => db.Publications.Where(p => p.Findings == null && p.Id > afterId), FillAsync);
        await stdout.WriteLineAsync(filled == 0
            ? "所有已发布版本均已有校验结果，无需补录。"
            : $"已为{filled}个已发布版本补录发布时的校验结果。");
        return 0;
    }

    private static async Task<bool> FillAsync(GovDisclosureDbContext db, Publication publication)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == publication.AgencyId).Select(a => new { a.Kind, a.Level }).SingleAsync();

        // Last year's report as the public could read it when this revision was published: what the rules saw then.
        var previousJson = await db.Publications.AsNoTracking()
            .Where(p => p.AgencyId == publication.AgencyId && p.Year == publication.Year - 1 && p.PublishedAt <= publication.PublishedAt)
            .OrderByDescending(p => p.Revision)
            .Select(p => p.InterchangeJson)
            .FirstOrDefaultAsync();
        var previous = previousJson is null ? null : InterchangeJson.Read(previousJson);
        if (!publication.BackfillFindings(previous, new Domain.Agencies.AgencyProfile(agency.Kind, agency.Level)))
        {
            return false;
        }

        // A current revision's page shows its findings: written again with them (its rollup share is unchanged).
        if (await db.Reports.AnyAsync(r => r.Id == publication.ReportId && r.PublishedRevision == publication.Revision))
        {
            var source = publication.Origin == ReportOrigin.ImportedHistory
                ? await db.HistoricalSources.AsNoTracking().SingleOrDefaultAsync(s => s.ReportId == publication.ReportId)
                : null;
            new PublicRecordWriter(db).Published(publication, InterchangeJson.Read(publication.InterchangeJson), source);
        }

        return true;
    }
}
