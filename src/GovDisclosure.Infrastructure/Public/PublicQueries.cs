using System.Runtime.CompilerServices;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Templates = GovDisclosure.Domain.Templates;

namespace GovDisclosure.Infrastructure.Public;

/// <summary>A published report in a list: its newest published revision.</summary>
public sealed record PublicReportRow(
    int ReportId, int AgencyId, string AgencyName, int Year, Templates.TemplateVersion Template, string Title, int Revision, DateTimeOffset PublishedAt, string PdfSha256);

/// <summary>One published revision of a report, for the revision history.</summary>
public sealed record PublicRevision(int Revision, DateTimeOffset PublishedAt, string? CorrectionReason, string PdfSha256);

/// <summary>The original file an imported historical report was read from.</summary>
public sealed record PublicOriginal(string FileName, string ContentType, string Sha256, long Length);

/// <summary>
/// Everything the report page, the API and the downloads show of one report; read from publications only. The
/// findings are the ones stored at publication (null for an old revision not yet backfilled): nothing on the public
/// side runs the rules.
/// </summary>
public sealed record PublicReport(
    int ReportId,
    int PublicationId,
    int AgencyId,
    string AgencyName,
    AgencyKind AgencyKind,
    int Year,
    Templates.TemplateVersion Template,
    string Title,
    int Revision,
    DateTimeOffset PublishedAt,
    string PdfSha256,
    string InterchangeJson,
    IReadOnlyList<PublishedFinding>? Findings,
    IReadOnlyList<PublicRevision> Revisions,
    PublicOriginal? Original = null)
{
    /// <summary>历史报告，据原文导入: the numbers are the source's, shown with every finding; the original file is downloadable.</summary>
    public bool IsImportedHistory => Original is not null;

    public ReportDocument Document() => Domain.Reports.InterchangeJson.Read(InterchangeJson);
}

/// <summary>List and search filters; every one optional.</summary>
public sealed record PublicReportFilter(
    int? Year = null,
    string? Region = null,
    int? AgencyId = null,
    AgencyKind? Kind = null,
    Templates.TemplateVersion? Template = null,
    string? Query = null,
    int Page = 1,
    int PageSize = 20)
{
    public const int MaxPageSize = 100;

    public const int MaxQueryLength = 50;
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An agency for the region tree and the agency page.</summary>
public sealed record PublicAgency(int Id, string Name, string Code, AgencyKind Kind, int? ParentId, string Path)
{
    public int Depth => Path.Count(c => c == '/') - 2;
}

/// <summary>A year with the number of reports published for it.</summary>
public sealed record PublicYear(int Year, int Reports);

/// <summary>One agency's figure in a region summary cell.</summary>
public sealed record Contribution(int ReportId, int AgencyId, string AgencyName, decimal Value);

/// <summary>What the bulk download writes for one report.</summary>
public sealed record PublicExport(int ReportId, string AgencyName, int Year, int Revision, string InterchangeJson, byte[] Pdf);

/// <summary>The stored PDF of a published revision, with what its download is named after.</summary>
public sealed record PublicPdf(byte[] Pdf, string Sha256, int Revision, int CurrentRevision, string Title, string AgencyName, int Year);

/// <summary>The report page's read model and whether its region may show the 雷同 figure (when false, nothing else is asked).</summary>
public sealed record PublicPageView(PublicPage Page, bool MayShowCopyFigure);

/// <summary>A published revision's snapshot, for comparing two revisions.</summary>
public sealed record PublicRevisionSnapshot(int Revision, DateTimeOffset PublishedAt, string? CorrectionReason, string InterchangeJson)
{
    public ReportDocument Document() => Domain.Reports.InterchangeJson.Read(InterchangeJson);
}

/// <summary>One revision of a report in the yearly download's index.</summary>
public sealed record PublicRevisionIndex(int ReportId, int Revision, DateTimeOffset PublishedAt, string? CorrectionReason, string PdfSha256);

/// <summary>
/// The public site's reads. Every query starts from <see cref="Current"/>: publications, and only the newest
/// published revision of each report. Nothing here reads the working report (its cells, 说明, comments, audit
/// or a correction in progress), so a draft cannot leak through any page, API or download built on it.
/// </summary>
public sealed class PublicQueries(GovDisclosureDbContext db, PublicPageReader pages)
{
    /// <summary>The newest published revision of each report. A correction being drafted has a higher
    /// <see cref="AnnualReport.Revision"/> but no publication, so the public keeps seeing the old one.</summary>
    private IQueryable<Publication> Current =>
        db.Publications.AsNoTracking().Where(p => p.Revision == p.Report!.PublishedRevision);

    public async Task<PagedResult<PublicReportRow>> ListAsync(PublicReportFilter filter, CancellationToken ct = default)
    {
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, PublicReportFilter.MaxPageSize);
        var query = from p in Current
                    join a in db.Agencies on p.AgencyId equals a.Id
                    select new { p, a };

        if (filter.Year is { } year)
        {
            query = query.Where(x => x.p.Year == year);
        }

        if (filter.AgencyId is { } agencyId)
        {
            query = query.Where(x => x.p.AgencyId == agencyId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var path = await RegionPathAsync(filter.Region, ct);
            if (path is null)
            {
                return new PagedResult<PublicReportRow>([], 0, page, size);
            }

            query = query.Where(x => x.a.Path.StartsWith(path));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(x => x.a.Kind == kind);
        }

        if (filter.Template is { } template)
        {
            query = query.Where(x => x.p.Template == template);
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            // ILIKE '%…%' is answered by the trigram GIN indexes on publications.SearchText and agencies.Name.
            var text = filter.Query.Trim();
            var pattern = "%" + EscapeLike(text[..Math.Min(text.Length, PublicReportFilter.MaxQueryLength)]) + "%";
            query = query.Where(x => EF.Functions.ILike(x.p.SearchText, pattern) || EF.Functions.ILike(x.a.Name, pattern));
        }

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderByDescending(x => x.p.PublishedAt).ThenByDescending(x => x.p.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(x => new PublicReportRow(x.p.ReportId, x.p.AgencyId, x.p.AgencyName, x.p.Year, x.p.Template, x.p.Title, x.p.Revision, x.p.PublishedAt, x.p.PdfSha256))
            .ToListAsync(ct);
        return new PagedResult<PublicReportRow>(items, total, page, size);
    }

    /// <summary>The report as the public may see it, or null when it has never been published.</summary>
    public async Task<PublicReport?> GetAsync(int reportId, CancellationToken ct = default)
    {
        var current = await (from p in Current.Where(p => p.ReportId == reportId)
                             join a in db.Agencies on p.AgencyId equals a.Id
                             select new { p.Id, p.AgencyId, p.AgencyName, a.Kind, p.Year, p.Template, p.Title, p.Revision, p.PublishedAt, p.PdfSha256, p.InterchangeJson, p.Findings, p.Origin })
            .SingleOrDefaultAsync(ct);
        if (current is null)
        {
            return null;
        }

        var revisions = await db.Publications.AsNoTracking()
            .Where(p => p.ReportId == reportId && p.Revision <= current.Revision)
            .OrderByDescending(p => p.Revision)
            .Select(p => new PublicRevision(p.Revision, p.PublishedAt, p.CorrectionReason, p.PdfSha256))
            .ToListAsync(ct);
        var original = current.Origin == ReportOrigin.ImportedHistory
            ? await db.HistoricalSources.AsNoTracking().Where(s => s.ReportId == reportId)
                .Select(s => new PublicOriginal(s.FileName, s.ContentType, s.Sha256, s.Bytes.Length)).SingleOrDefaultAsync(ct)
            : null;
        return new PublicReport(reportId, current.Id, current.AgencyId, current.AgencyName, current.Kind, current.Year, current.Template, current.Title,
            current.Revision, current.PublishedAt, current.PdfSha256, current.InterchangeJson, current.Findings, revisions, original);
    }

    /// <summary>
    /// The report page's read model, stored at publication: one read by primary key (<see cref="PublicPageReader"/>). A
    /// report published before the public record existed and not yet backfilled (gd db backfill-public-record) gets
    /// the same model built from its snapshot.
    /// </summary>
    public async Task<PublicPageView?> PageAsync(int reportId, CancellationToken ct = default) =>
        await pages.ReadAsync(reportId, ct) ?? await PageFromSnapshotAsync(reportId, ct);

    /// <summary>The page of a report that has no stored page yet, built from its snapshot (no rules are run).</summary>
    public async Task<PublicPageView?> PageFromSnapshotAsync(int reportId, CancellationToken ct = default) =>
        // Rare, so the 雷同 figure's own query decides whether it is shown.
        await GetAsync(reportId, ct) is { } report
            ? new PublicPageView(
                PublicPage.Build(report.Document(), report.ReportId, report.PublicationId, report.AgencyId, report.AgencyName, report.Revision,
                    report.PublishedAt, report.PdfSha256, report.Findings, report.Revisions, report.Original),
                MayShowCopyFigure: true)
            : null;

    /// <summary>The original file of a published historical report; null for a portal report or one not yet public.</summary>
    public async Task<(byte[] Bytes, string FileName, string ContentType, string Sha256)?> OriginalAsync(int reportId, CancellationToken ct = default)
    {
        if (!await Current.AnyAsync(p => p.ReportId == reportId && p.Origin == ReportOrigin.ImportedHistory, ct))
        {
            return null;
        }

        var row = await db.HistoricalSources.AsNoTracking().Where(s => s.ReportId == reportId)
            .Select(s => new { s.Bytes, s.FileName, s.ContentType, s.Sha256 }).SingleOrDefaultAsync(ct);
        return row is null ? null : (row.Bytes, row.FileName, row.ContentType, row.Sha256);
    }

    /// <summary>The stored PDF bytes of a published revision (the newest when <paramref name="revision"/> is null).</summary>
    public async Task<PublicPdf?> PdfAsync(int reportId, int? revision, CancellationToken ct = default)
    {
        // A revision number above the published one is a correction in progress: it has no publication, so this finds nothing.
        var query = revision is { } r
            ? db.Publications.AsNoTracking().Where(p => p.ReportId == reportId && p.Revision == r && p.Revision <= p.Report!.PublishedRevision)
            : Current.Where(p => p.ReportId == reportId);
        return await query
            .Select(p => new PublicPdf(p.Pdf, p.PdfSha256, p.Revision, p.Report!.PublishedRevision ?? p.Revision, p.Title, p.AgencyName, p.Year))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The snapshots of two published revisions of a report (null when either is not published).</summary>
    public async Task<(PublicRevisionSnapshot From, PublicRevisionSnapshot To)?> CompareAsync(int reportId, int from, int to, CancellationToken ct = default)
    {
        var rows = await db.Publications.AsNoTracking()
            .Where(p => p.ReportId == reportId && (p.Revision == from || p.Revision == to) && p.Revision <= p.Report!.PublishedRevision)
            .Select(p => new PublicRevisionSnapshot(p.Revision, p.PublishedAt, p.CorrectionReason, p.InterchangeJson))
            .ToListAsync(ct);
        var older = rows.SingleOrDefault(r => r.Revision == from);
        var newer = rows.SingleOrDefault(r => r.Revision == to);
        return older is null || newer is null ? null : (older, newer);
    }

    /// <summary>Every published revision of the year's current reports, for the yearly download's index.</summary>
    public async Task<IReadOnlyList<PublicRevisionIndex>> RevisionIndexAsync(int year, CancellationToken ct = default) =>
        await db.Publications.AsNoTracking()
            .Where(p => p.Year == year && p.Revision <= p.Report!.PublishedRevision)
            .OrderBy(p => p.ReportId).ThenBy(p => p.Revision)
            .Select(p => new PublicRevisionIndex(p.ReportId, p.Revision, p.PublishedAt, p.CorrectionReason, p.PdfSha256))
            .ToListAsync(ct);

    /// <summary>
    /// The reporting years the on-time board shows: those open for reports and those whose deadlines have passed,
    /// newest first. A year set up in advance and still closed has nothing to judge yet.
    /// </summary>
    public async Task<IReadOnlyList<int>> BoardYearsAsync(DateOnly today, CancellationToken ct = default) =>
        await db.ReportingYears.AsNoTracking()
            .Where(y => y.IsOpen || y.DepartmentDeadline < today)
            .OrderByDescending(y => y.Year).Select(y => y.Year)
            .ToListAsync(ct);

    public async Task<IReadOnlyList<PublicReportRow>> LatestAsync(int count, CancellationToken ct = default) =>
        await Current.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(count)
            .Select(p => new PublicReportRow(p.ReportId, p.AgencyId, p.AgencyName, p.Year, p.Template, p.Title, p.Revision, p.PublishedAt, p.PdfSha256))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<PublicYear>> YearsAsync(CancellationToken ct = default) =>
        await Current.GroupBy(p => p.Year).OrderByDescending(g => g.Key).Select(g => new PublicYear(g.Key, g.Count())).ToListAsync(ct);

    /// <summary>Agencies that have children: the regions a reader can filter and sum by.</summary>
    public async Task<IReadOnlyList<PublicAgency>> RegionsAsync(CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking()
            .Where(a => db.Agencies.Any(c => c.ParentId == a.Id))
            .OrderBy(a => a.Path)
            .Select(a => new PublicAgency(a.Id, a.Name, a.Code, a.Kind, a.ParentId, a.Path))
            .ToListAsync(ct);

    public Task<PublicAgency?> AgencyAsync(int agencyId, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().Where(a => a.Id == agencyId)
            .Select(a => new PublicAgency(a.Id, a.Name, a.Code, a.Kind, a.ParentId, a.Path))
            .SingleOrDefaultAsync(ct);

    public Task<PublicAgency?> RegionAsync(string code, CancellationToken ct = default) =>
        // PostgreSQL text cannot hold NUL, so no agency code has one; asking would fail the query instead of finding nothing.
        code.Contains('\0', StringComparison.Ordinal)
            ? Task.FromResult<PublicAgency?>(null)
            : db.Agencies.AsNoTracking().Where(a => a.Code == code)
                .Select(a => new PublicAgency(a.Id, a.Name, a.Code, a.Kind, a.ParentId, a.Path))
                .SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<PublicAgency>> ChildrenAsync(int agencyId, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.ParentId == agencyId).OrderBy(a => a.Path)
            .Select(a => new PublicAgency(a.Id, a.Name, a.Code, a.Kind, a.ParentId, a.Path))
            .ToListAsync(ct);

    /// <summary>An agency's published reports, oldest year first, with their snapshots (a handful per agency).</summary>
    public async Task<IReadOnlyList<(PublicReportRow Row, string Json)>> AgencyReportsAsync(int agencyId, CancellationToken ct = default)
    {
        var rows = await Current.Where(p => p.AgencyId == agencyId).OrderBy(p => p.Year)
            .Select(p => new { Row = new PublicReportRow(p.ReportId, p.AgencyId, p.AgencyName, p.Year, p.Template, p.Title, p.Revision, p.PublishedAt, p.PdfSha256), p.InterchangeJson })
            .ToListAsync(ct);
        return rows.Select(r => (r.Row, r.InterchangeJson)).ToList();
    }

    /// <summary>
    /// The sums of the cells of the reports published for a year under a region (null for the whole portal), as the
    /// publications wrote them into the rollup: one range of its primary key, no warm-up and nothing held in memory.
    /// A cell no report shows a value in is absent, not 0. The rollup stores a cell's blanks, not its values, so a cell
    /// without a row is 0 in every report, and a cell shows a value in as many reports as the region has, less its blanks.
    /// </summary>
    public async Task<(int Reports, IReadOnlyDictionary<string, decimal> Sums)> SummaryAsync(int year, PublicAgency? region, CancellationToken ct = default)
    {
        var template = Templates.TemplateVersions.ForYear(year);
        var regionId = region?.Id ?? PublicRecordWriter.AllRegions;
        // Each region's figures are spread over PublicRecordWriter.Shards rows, so publishers do not queue on one row.
        var reports = await db.RegionReportCounts.AsNoTracking()
            .Where(c => c.RegionId == regionId && c.Year == year && c.Template == template)
            .SumAsync(c => c.Reports, ct);
        if (reports == 0)
        {
            return (0, new Dictionary<string, decimal>(StringComparer.Ordinal));
        }

        var rows = await db.RegionCellTotals.AsNoTracking()
            .Where(t => t.RegionId == regionId && t.Year == year && t.Template == template)
            .GroupBy(t => t.Code)
            .Select(g => new { Code = g.Key, Total = g.Sum(t => t.Total), Blanks = g.Sum(t => t.Blanks) })
            .ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, ct);
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var cell in Templates.ReportTemplates.Get(template).Cells)
        {
            var (total, blanks) = rows.TryGetValue(cell.Code, out var row) ? (row.Total, row.Blanks) : (0m, 0);
            if (reports - blanks > 0)
            {
                sums[cell.Code] = total;
            }
        }

        return (reports, sums);
    }

    /// <summary>
    /// The agencies whose published reports carry a value for one cell, largest first. The rollup holds each agency's
    /// sum over itself and everything below it, so an agency's own figure is its row less its children's rows, and
    /// its own count of reports showing the cell is its report count less its blanks, each less its children's.
    /// </summary>
    public async Task<IReadOnlyList<Contribution>> ContributionsAsync(int year, string regionPath, string code, CancellationToken ct = default)
    {
        var template = Templates.TemplateVersions.ForYear(year);
        // An agency whose reports all show 0 in the cell has a report count and no cell row, so both are read.
        var counts = await (from c in db.RegionReportCounts.AsNoTracking()
                            join a in db.Agencies.AsNoTracking() on c.RegionId equals a.Id
                            where c.Year == year && c.Template == template && a.Path.StartsWith(regionPath)
                            group c by new { a.Id, a.ParentId } into g
                            select new { g.Key.Id, g.Key.ParentId, Reports = g.Sum(c => c.Reports) } into r
                            where r.Reports != 0
                            select r)
            .ToListAsync(ct);
        var cells = await (from t in db.RegionCellTotals.AsNoTracking()
                           join a in db.Agencies.AsNoTracking() on t.RegionId equals a.Id
                           where t.Year == year && t.Template == template && t.Code == code && a.Path.StartsWith(regionPath)
                           group t by a.Id into g
                           select new { Id = g.Key, Total = g.Sum(t => t.Total), Blanks = g.Sum(t => t.Blanks) })
            .ToDictionaryAsync(c => c.Id, ct);
        var own = counts.ToDictionary(r => r.Id, r => cells.TryGetValue(r.Id, out var c) ? (Total: c.Total, Shown: r.Reports - c.Blanks) : (Total: 0m, Shown: r.Reports));
        foreach (var row in counts)
        {
            if (row.ParentId is { } parent && own.TryGetValue(parent, out var sum))
            {
                var (total, blanks) = cells.TryGetValue(row.Id, out var c) ? (c.Total, c.Blanks) : (0m, 0);
                own[parent] = (sum.Total - total, sum.Shown - (row.Reports - blanks));
            }
        }

        var agencies = own.Where(o => o.Value.Shown > 0).Select(o => o.Key).ToList();
        var reports = await Current.Where(p => p.Year == year && agencies.Contains(p.AgencyId))
            .Select(p => new { p.ReportId, p.AgencyId, p.AgencyName })
            .ToListAsync(ct);
        return reports
            .Select(r => new Contribution(r.ReportId, r.AgencyId, r.AgencyName, own[r.AgencyId].Total))
            .OrderByDescending(c => c.Value).ThenBy(c => c.AgencyName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every current publication, for the sitemap.</summary>
    public async Task<IReadOnlyList<(int ReportId, int AgencyId, DateTimeOffset PublishedAt)>> SitemapAsync(CancellationToken ct = default) =>
        (await Current.OrderBy(p => p.ReportId).Select(p => new { p.ReportId, p.AgencyId, p.PublishedAt }).ToListAsync(ct))
            .Select(p => (p.ReportId, p.AgencyId, p.PublishedAt)).ToList();

    /// <summary>The newest publication instant of a year (or of everything), for ETags and cache validation.</summary>
    public async Task<(int Count, int MaxPublicationId)> VersionAsync(int? year, CancellationToken ct = default)
    {
        var query = db.Publications.AsNoTracking().Where(p => year == null || p.Year == year);
        var count = await query.CountAsync(ct);
        var max = count == 0 ? 0 : await query.MaxAsync(p => p.Id, ct);
        return (count, max);
    }

    /// <summary>The year's publications one at a time (PDF included), so a ZIP of thousands never sits in memory.</summary>
    public IAsyncEnumerable<PublicExport> ExportAsync(int year) =>
        Current.Where(p => p.Year == year).OrderBy(p => p.ReportId)
            .Select(p => new PublicExport(p.ReportId, p.AgencyName, p.Year, p.Revision, p.InterchangeJson, p.Pdf))
            .AsAsyncEnumerable();

    /// <summary>
    /// The on-time board of a region as counts, from the kept first-publication counts (region_first_publications,
    /// migration FirstPublicationCounts) and the region's agencies grouped by what their standing depends on, so that
    /// no publication is read: the same answers as <see cref="BoardCountsFromPublicationsAsync"/>.
    /// <para>
    /// The counts are per region, kind and Beijing day. Agencies under a deadline override below the region stand
    /// apart: for each kind, the region splits into the subtrees of the overrides that set that kind's deadline, and a
    /// subtree's own count is its row less the rows of the override subtrees nested in it (counts are kept for every
    /// region, so each override's region has its own). Agencies that do not report for the year are left off the
    /// board; the few of them that published anyway are read one by one and taken off their subtree's count.
    /// </para>
    /// </summary>
    public async Task<DeadlineCounts> BoardCountsAsync(string regionPath, int year, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(regionPath);
        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        if (reportingYear is null)
        {
            return DeadlineCounts.None;
        }

        var overrides = await db.DeadlineOverrides.AsNoTracking().Where(o => o.Year == year).ToListAsync(ct);
        var inside = overrides.Select(o => o.AgencyPath)
            .Where(p => p.StartsWith(regionPath, StringComparison.Ordinal) && p != regionPath)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string[] wanted = regionPath == "/" ? inside : [.. inside, regionPath];
        var regionIds = await db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Path))
            .Select(a => new { a.Path, a.Id }).ToDictionaryAsync(a => a.Path, a => a.Id, StringComparer.Ordinal, ct);
        if (regionPath == "/")
        {
            regionIds["/"] = PublicRecordWriter.AllRegions;
        }

        // A region or an override path that is no agency's has no counts of its own.
        if (wanted.Any(p => !regionIds.ContainsKey(p)))
        {
            return await BoardCountsFromPublicationsAsync(regionPath, year, today, ct);
        }

        var byOverrides = inside.Length == 0
            ? string.Empty
            : """, array(SELECT o.ord FROM unnest({1}::text[]) WITH ORDINALITY o(path, ord) WHERE starts_with(a."Path", o.path))""";
        var groups = await db.Database.SqlQuery<AgencyGroup>(FormattableStringFactory.Create($$"""
            SELECT a."Kind" AS "Kind", a."ReportsFrom" AS "ReportsFrom", a."ReportsUntil" AS "ReportsUntil", min(a."Path") AS "SamplePath", count(*)::int AS "Agencies"
              FROM agencies a
             WHERE starts_with(a."Path", {0})
             GROUP BY a."Kind", a."ReportsFrom", a."ReportsUntil"{{byOverrides}}
            """, inside.Length == 0 ? [regionPath] : [regionPath, inside])).ToListAsync(ct);
        var ids = regionIds.Values.ToArray();
        var days = await db.Database.SqlQuery<FirstDay>($"""
            SELECT "RegionId" AS "RegionId", "Kind" AS "Kind", "PublishedOn" AS "PublishedOn", sum("Agencies")::int AS "Agencies", NULL::text AS "Path"
              FROM region_first_publications
             WHERE "RegionId" = ANY ({ids}) AND "Year" = {year}
             GROUP BY "RegionId", "Kind", "PublishedOn"
            """).ToListAsync(ct);
        var outside = groups.Any(g => !Agency.ReportsFor(g.ReportsFrom, g.ReportsUntil, year))
            ? await db.Database.SqlQuery<FirstDay>($"""
                SELECT 0 AS "RegionId", a."Kind" AS "Kind", min(((p."PublishedAt" AT TIME ZONE 'UTC') + interval '8 hours')::date) AS "PublishedOn", 1 AS "Agencies", min(a."Path") AS "Path"
                  FROM agencies a JOIN publications p ON p."AgencyId" = a."Id" AND p."Year" = {year}
                 WHERE starts_with(a."Path", {regionPath})
                   AND NOT ((a."ReportsFrom" IS NULL OR a."ReportsFrom" < make_date({year} + 1, 1, 1)) AND (a."ReportsUntil" IS NULL OR a."ReportsUntil" >= make_date({year}, 1, 1)))
                 GROUP BY a."Id", a."Kind"
                """).ToListAsync(ct)
            : [];

        var pathOf = regionIds.ToDictionary(r => r.Value, r => r.Key);
        var board = new BoardTally(reportingYear, overrides, regionPath, inside);
        foreach (var day in days)
        {
            board.AddRegionRow(pathOf[day.RegionId], Enum.Parse<AgencyKind>(day.Kind), day.PublishedOn, day.Agencies);
        }

        foreach (var agency in outside)
        {
            board.RemoveAgency(agency.Path!, Enum.Parse<AgencyKind>(agency.Kind), agency.PublishedOn);
        }

        foreach (var group in groups.Where(g => Agency.ReportsFor(g.ReportsFrom, g.ReportsUntil, year)))
        {
            board.AddAgencies(group.SamplePath, Enum.Parse<AgencyKind>(group.Kind), group.Agencies);
        }

        return board.Counts(today);
    }

    private sealed record AgencyGroup(string Kind, DateOnly? ReportsFrom, DateOnly? ReportsUntil, string SamplePath, int Agencies);

    private sealed record FirstDay(int RegionId, string Kind, DateOnly PublishedOn, int Agencies, string? Path = null);

    /// <summary>
    /// The board's arithmetic for <see cref="BoardCountsAsync"/>: agencies and first publications per (subtree, kind),
    /// where a subtree is the region's or that of an override nested in it that sets the kind's deadline; every agency
    /// of a subtree has the same deadline for its kind, the subtree root's (<see cref="Deadlines.For(ReportingYear, AgencyKind, string, IEnumerable{DeadlineOverride})"/>).
    /// </summary>
    private sealed class BoardTally(ReportingYear year, IReadOnlyList<DeadlineOverride> overrides, string regionPath, IReadOnlyList<string> inside)
    {
        private readonly Dictionary<(string Root, AgencyKind Kind), int> agencies = [];
        private readonly Dictionary<(string Root, AgencyKind Kind), Dictionary<DateOnly, int>> published = [];

        /// <summary>A region's row: its count less that of the subtree it lies in, when it is an override's subtree of its own.</summary>
        public void AddRegionRow(string path, AgencyKind kind, DateOnly day, int count)
        {
            if (path == regionPath)
            {
                Add((regionPath, kind), day, count);
            }
            else if (IsRoot(path, kind))
            {
                Add((path, kind), day, count);
                Add((RootAbove(path, kind), kind), day, -count);
            }
        }

        /// <summary>An agency that published but does not report for the year: not on the board.</summary>
        public void RemoveAgency(string path, AgencyKind kind, DateOnly day) => Add((RootOf(path, kind), kind), day, -1);

        public void AddAgencies(string samplePath, AgencyKind kind, int count)
        {
            var key = (RootOf(samplePath, kind), kind);
            agencies[key] = agencies.GetValueOrDefault(key) + count;
        }

        public DeadlineCounts Counts(DateOnly today)
        {
            var groups = new List<(DeadlineStatus, int)>();
            foreach (var key in agencies.Keys.Union(published.Keys))
            {
                var deadline = Deadlines.For(year, key.Kind, key.Root, overrides);
                var days = published.GetValueOrDefault(key) ?? [];
                groups.AddRange(days.Select(d => (Deadlines.Status(deadline, d.Key, today), d.Value)));
                groups.Add((Deadlines.Status(deadline, null, today), agencies.GetValueOrDefault(key) - days.Values.Sum()));
            }

            return DeadlineCounts.Of(groups);
        }

        private void Add((string, AgencyKind) key, DateOnly day, int count)
        {
            if (!published.TryGetValue(key, out var days))
            {
                published[key] = days = [];
            }

            days[day] = days.GetValueOrDefault(day) + count;
        }

        /// <summary>An override's region is a subtree of its own for a kind when the override sets that kind's deadline.</summary>
        private bool IsRoot(string path, AgencyKind kind) => overrides.Any(o => o.AgencyPath == path && o.DeadlineFor(kind) is not null);

        /// <summary>The deepest subtree root at or above an agency's path.</summary>
        private string RootOf(string path, AgencyKind kind) =>
            inside.Where(p => path.StartsWith(p, StringComparison.Ordinal) && IsRoot(p, kind)).MaxBy(p => p.Length) ?? regionPath;

        private string RootAbove(string path, AgencyKind kind) =>
            inside.Where(p => p != path && path.StartsWith(p, StringComparison.Ordinal) && IsRoot(p, kind)).MaxBy(p => p.Length) ?? regionPath;
    }

    /// <summary>
    /// The on-time board computed from the publications themselves, in one query that reads no agency one by one: PostgreSQL groups the
    /// region's agencies by everything their standing depends on (kind, reporting period, which deadline overrides
    /// cover them, the China-time date of their first publication of the year), and the standing of each group is
    /// worked out by <see cref="Deadlines"/> as for one agency. It reads every first publication of the year in the
    /// whole portal (publications carry no region): <see cref="BoardCountsAsync"/> reads the kept counts instead and
    /// falls back to this when a path it needs is no agency's; the tests hold the two to the same answers.
    /// </summary>
    public async Task<DeadlineCounts> BoardCountsFromPublicationsAsync(string regionPath, int year, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(regionPath);
        var reportingYear = await db.ReportingYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        if (reportingYear is null)
        {
            return DeadlineCounts.None;
        }

        var overrides = await db.DeadlineOverrides.AsNoTracking().Where(o => o.Year == year).ToListAsync(ct);
        var overridePaths = overrides.Select(o => o.AgencyPath).Distinct(StringComparer.Ordinal).ToArray();
        // The first publication counts (a later correction does not make a report late or on time again), on its
        // Beijing calendar day, as Deadlines.BeijingDate does.
        // Each agency's first publication comes from the (year, agency) index alone, which carries the time.
        // Without overrides (the usual case) the grouping leaves out the per-agency array subplan: at 20,000 agencies
        // it was about a sixth of the query's time for a column that is then the same empty array in every group.
        var byOverrides = overridePaths.Length == 0
            ? string.Empty
            : """, array(SELECT o.ord FROM unnest({2}::text[]) WITH ORDINALITY o(path, ord) WHERE starts_with(a."Path", o.path))""";
        var groups = await db.Database.SqlQuery<BoardGroup>(FormattableStringFactory.Create($$"""
            SELECT a."Kind" AS "Kind", a."ReportsFrom" AS "ReportsFrom", a."ReportsUntil" AS "ReportsUntil", min(a."Path") AS "SamplePath",
                   ((f.at AT TIME ZONE 'UTC') + interval '8 hours')::date AS "PublishedOn", count(*)::int AS "Agencies"
              FROM agencies a
              LEFT JOIN (SELECT p."AgencyId", min(p."PublishedAt") AS at FROM publications p WHERE p."Year" = {0} GROUP BY p."AgencyId") f
                     ON f."AgencyId" = a."Id"
             WHERE starts_with(a."Path", {1})
             GROUP BY a."Kind", a."ReportsFrom", a."ReportsUntil", "PublishedOn"{{byOverrides}}
            """, overridePaths.Length == 0 ? [year, regionPath] : [year, regionPath, overridePaths])).ToListAsync(ct);

        // Every agency of a group is covered by the same overrides, so any one path stands for the group.
        return DeadlineCounts.Of(groups.Where(g => Agency.ReportsFor(g.ReportsFrom, g.ReportsUntil, year)).Select(g =>
            (Deadlines.Status(Deadlines.For(reportingYear, Enum.Parse<AgencyKind>(g.Kind), g.SamplePath, overrides), g.PublishedOn, today), g.Agencies)));
    }

    private sealed record BoardGroup(string Kind, DateOnly? ReportsFrom, DateOnly? ReportsUntil, string SamplePath, DateOnly? PublishedOn, int Agencies);

    /// <summary>The path of a region given by its agency code; null when there is none.</summary>
    public Task<string?> RegionPathAsync(string region, CancellationToken ct = default)
    {
        var code = region.Trim();
        return db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => a.Path).SingleOrDefaultAsync(ct);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
