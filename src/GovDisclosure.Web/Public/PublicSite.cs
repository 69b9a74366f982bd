using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure;
using GovDisclosure.Infrastructure.Cluster;
using GovDisclosure.Infrastructure.Public;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Net.Http.Headers;

namespace GovDisclosure.Web.Public;

/// <summary>
/// The public site outside the Razor pages: the open-data API (docs/api.md), the downloads (PDF as stored,
/// interchange JSON, CSV, the yearly ZIP), sitemap.xml and robots.txt. Everything is anonymous and reads
/// <see cref="PublicQueries"/> only, i.e. published revisions.
/// </summary>
public static class PublicSite
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Chinese stays readable in the API instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutputCache(o =>
        {
            // Room for every report page of a large year (about 70 KB each, 10,000 reports); beyond it the least used are rebuilt.
            o.SizeLimit = configuration.GetValue("PublicSite:OutputCacheMegabytes", 1024L) * 1024 * 1024;
            PublicCache.AddPolicies(o);
        });

        // Chinese text written as UTF-8 rather than &#x…; references: report pages are mostly Chinese, and the
        // references make them about twice as large and slower to write. <, >, &, quotes are still encoded.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddPublicOpenApi();
        services.AddOptions<IndicatorOptions>().Bind(configuration.GetSection(IndicatorOptions.Section))
            .Validate(o => o.MinimumDenominator >= 1, "Indicators:MinimumDenominator 应为正整数。").ValidateOnStart();
        services.AddSingleton<IPublicSiteCache, PublicSiteCache>();
        services.AddScoped<IPublicationListener, EvictPublicPagesOnPublication>();
        services.AddScoped<IPublicationChangeHandler, EvictPublicPagesOnNotification>();
        services.AddPublicationNotifications(configuration);
        if (configuration.GetValue("PublicSite:WarmUp", true))
        {
            services.AddHostedService<PublicWarmUp>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapPublicSite(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AllowAnonymous();
        api.MapGet("/reports", ListReports).CacheOutput(PublicCache.ListPolicy)
            .WithSummary("已发布的报告列表").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/reports/{id:int}", GetReport).CacheOutput(PublicCache.ReportPolicy)
            .WithSummary("一份报告：元数据、校验结果、版本记录和交换格式文档").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/summary", GetSummary).CacheOutput(PublicCache.ListPolicy)
            .WithSummary("地区汇总和按时发布情况（计数）").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/ontime", GetOnTime).CacheOutput(PublicCache.ListPolicy)
            .WithSummary("各机关按时发布情况").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPublicIndicators();
        app.MapPublicOpenApi();

        // Anything else under /api is answered in the API's own format, never with the HTML 404 page.
        app.MapFallback("/api/{**path}", (string? path, HttpContext http) =>
            !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                ? Problem("开放数据接口只接受 GET 请求。", StatusCodes.Status405MethodNotAllowed)
                : Problem(
                    path?.StartsWith("reports/", StringComparison.OrdinalIgnoreCase) == true ? "报告不存在或尚未发布。" : "接口不存在，可用的接口见 /openapi/v1.json。",
                    StatusCodes.Status404NotFound)).AllowAnonymous().ExcludeFromDescription();

        var downloads = app.MapGroup(string.Empty).AllowAnonymous();
        downloads.MapGet("/Reports/{id:int}/pdf", (int id, PublicQueries q, HttpContext http, CancellationToken ct) => Pdf(id, null, q, http, ct));
        downloads.MapGet("/Reports/{id:int}/revisions/{revision:int}/pdf", (int id, int revision, PublicQueries q, HttpContext http, CancellationToken ct) => Pdf(id, revision, q, http, ct));
        downloads.MapGet("/Reports/{id:int}/original", Original);
        downloads.MapGet("/Reports/{id:int}/json", ReportJson).CacheOutput(PublicCache.ReportPolicy);
        downloads.MapGet("/Reports/{id:int}/csv", ReportCsvFile).CacheOutput(PublicCache.ReportPolicy);
        downloads.MapGet("/downloads/{year:int}.zip", YearZip);
        downloads.MapGet("/sitemap.xml", Sitemap).CacheOutput(PublicCache.ListPolicy);
        downloads.MapGet("/robots.txt", Robots);
        return app;
    }

    public static string ReportUrl(int reportId) => $"/Reports/{reportId}";

    /// <summary>
    /// The site's public origin for absolute links (sitemap, robots.txt, canonical): PublicSite:BaseUrl from
    /// configuration, so a forged Host header can never put someone else's address into them. Without the
    /// setting (development, tests) the request's own host, which AllowedHosts has already vetted.
    /// </summary>
    public static string Origin(HttpContext http) =>
        http.RequestServices.GetRequiredService<IConfiguration>()["PublicSite:BaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}";

    public static string PdfUrl(int reportId, int revision) => $"/Reports/{reportId}/revisions/{revision}/pdf";

    public static string CompareUrl(int reportId, int from, int to) => $"/Reports/{reportId}/compare?from={from}&to={to}";

    /// <summary>A rule's entry on the public /rules page; the anchor is the rule id, which the page shows beside the name.</summary>
    public static string RuleUrl(string ruleId) => $"/rules#{RuleAnchor(ruleId)}";

    public static string RuleAnchor(string ruleId) => "rule-" + ruleId;

    // ---- API ---------------------------------------------------------------------------------------------

    // Integers arrive as text so that 「year=abc」 is refused here in Chinese naming the parameter, not by the binder
    // as an empty 400 (docs/api.md, the OpenAPI document declares them integers).
    private static async Task<IResult> ListReports(
        HttpContext http, PublicQueries queries, string? year, string? agency, string? region, string? kind, string? template, string? q, string? page, string? pageSize, CancellationToken ct)
    {
        var (yearValue, pageValue, pageSizeValue, agencyValue) = (ListParameters.WholeNumber(year), ListParameters.WholeNumber(page), ListParameters.WholeNumber(pageSize), ListParameters.WholeNumber(agency));
        if (agencyValue is < 1)
        {
            return Problem("agency（机关编号）应为正整数。");
        }

        AgencyKind? agencyKind = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!Enum.TryParse<AgencyKind>(kind, ignoreCase: true, out var k))
            {
                return Problem("kind 应为 PeopleGovernment、Department、TownshipStreet 或 Other。");
            }

            agencyKind = k;
        }

        TemplateVersion? version = null;
        if (!string.IsNullOrEmpty(template))
        {
            if (!TemplateVersions.TryParse(template, out var t))
            {
                return Problem($"template 应为 {string.Join(" 或 ", TemplateCatalog.Default.All.Select(d => d.InterchangeCode))}。");
            }

            version = t;
        }

        if (ListParameters.Problem(yearValue, pageValue, pageSizeValue, q, region) is { } problem)
        {
            return Problem(problem);
        }

        if (!string.IsNullOrWhiteSpace(region) && await queries.RegionPathAsync(region, ct) is null)
        {
            return Problem("地区不存在。", StatusCodes.Status404NotFound);
        }

        var result = await queries.ListAsync(new PublicReportFilter(yearValue, region, agencyValue, agencyKind, version, q, pageValue ?? 1, pageSizeValue ?? 20), ct);
        var body = new
        {
            total = result.Total,
            page = result.Page,
            pageSize = result.PageSize,
            pages = result.Pages,
            items = result.Items.Select(r => new
            {
                id = r.ReportId,
                agencyId = r.AgencyId,
                agency = r.AgencyName,
                year = r.Year,
                template = r.Template.Code(),
                title = r.Title,
                revision = r.Revision,
                corrected = r.Revision > 1,
                publishedAt = r.PublishedAt,
                pdfSha256 = r.PdfSha256,
                url = ReportUrl(r.ReportId),
                api = $"/api/reports/{r.ReportId}",
            }),
        };
        return JsonWithETag(http, body);
    }

    private static async Task<IResult> GetReport(int id, HttpContext http, PublicQueries queries, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } report)
        {
            return ReportNotFound();
        }

        var document = report.Document();
        var warnings = report.Findings is null ? null : PublicWarning.From(report.Findings, document.Definition);
        using var snapshot = JsonDocument.Parse(report.InterchangeJson);
        var body = new
        {
            id = report.ReportId,
            agencyId = report.AgencyId,
            agency = report.AgencyName,
            year = report.Year,
            template = report.Template.Code(),
            title = report.Title,
            revision = report.Revision,
            currentRevision = report.Revision,
            corrected = report.Revision > 1,
            publishedAt = report.PublishedAt,
            pdfSha256 = report.PdfSha256,
            links = new
            {
                html = ReportUrl(id),
                pdf = PdfUrl(id, report.Revision),
                json = $"/Reports/{id}/json",
                csv = $"/Reports/{id}/csv",
                compare = report.Revision > 1 ? CompareUrl(id, report.Revision - 1, report.Revision) : null,
            },
            // As stored at publication (null for an old revision not yet backfilled); the rules are not run again.
            validation = warnings is null ? null : new
            {
                passedAll = warnings.Count == 0,
                warnings = warnings.Select(w => new { rule = w.RuleId, name = w.RuleName, cells = w.CellCodes, numbers = w.Numbers, message = w.Message, explanation = w.Explanation, ruleUrl = RuleUrl(w.RuleId) }),
            },
            // Newest first; every revision's reason (null for the first publication), the current one marked.
            revisions = report.Revisions.Select(r => new { revision = r.Revision, current = r.Revision == report.Revision, publishedAt = r.PublishedAt, correctionReason = r.CorrectionReason, pdfSha256 = r.PdfSha256, pdf = PdfUrl(id, r.Revision) }),
            document = snapshot.RootElement,
        };
        return JsonWithETag(http, body);
    }

    /// <summary>The year and region (null: all) of the summary and the board, or the problem to answer instead.</summary>
    private static async Task<(int Year, PublicAgency? Region, IResult? Problem)> YearAndRegionAsync(PublicQueries queries, string? year, string? region, CancellationToken ct)
    {
        if (ListParameters.WholeNumber(year) is not { } y)
        {
            return (0, null, Problem($"请提供 year（报告年度，{ListParameters.MinYear}至{ListParameters.MaxYear}之间）。"));
        }

        if (ListParameters.Problem(y, null, null, null, region) is { } problem)
        {
            return (y, null, Problem(problem));
        }

        if (string.IsNullOrWhiteSpace(region))
        {
            return (y, null, null);
        }

        return await queries.RegionAsync(region.Trim(), ct) is { } found
            ? (y, found, null)
            : (y, null, Problem("地区不存在。", StatusCodes.Status404NotFound));
    }

    private static async Task<IResult> GetSummary(HttpContext http, PublicQueries queries, TimeProvider clock, string? year, string? region, CancellationToken ct)
    {
        var (y, regionAgency, problem) = await YearAndRegionAsync(queries, year, region, ct);
        if (problem is not null)
        {
            return problem;
        }

        var summary = await PublicSummary.LoadAsync(queries, clock, y, regionAgency, ct);
        var definition = ReportTemplates.Get(summary.Template);
        var body = new
        {
            year = y,
            template = summary.Template.Code(),
            region = summary.Region?.Code,
            regionName = summary.Region?.Name ?? "全部",
            reports = summary.Reports,
            cells = definition.Cells.Where(c => summary.Sums.ContainsKey(c.Code)).ToDictionary(c => c.Code, c => FormatJson(c, summary.Sums[c.Code])),
            derived = definition.Cells.Where(c => summary.Derived.ContainsKey(c.Code)).ToDictionary(c => c.Code, c => FormatJson(c, summary.Derived[c.Code])),
            // Counts only: a province's list of thousands is its own request (/api/ontime), so the summary stays small.
            onTime = new
            {
                onTime = summary.Board.OnTime,
                late = summary.Board.Late,
                missing = summary.Board.Missing,
                open = summary.Board.Open,
                agencies = OnTimeApiUrl(y, summary.Region?.Code),
            },
        };
        return JsonWithETag(http, body);
    }

    private static string OnTimeApiUrl(int year, string? region) =>
        QueryHelpers.AddQueryString("/api/ontime", new Dictionary<string, string?> { ["year"] = year.ToString(CultureInfo.InvariantCulture), ["region"] = region }
            .Where(p => !string.IsNullOrEmpty(p.Value)));

    /// <summary>Every agency of a region with its deadline, first publication and standing for a year.</summary>
    private static async Task<IResult> GetOnTime(HttpContext http, PublicQueries queries, DeadlineQueries deadlines, TimeProvider clock, string? year, string? region, CancellationToken ct)
    {
        var (y, regionAgency, problem) = await YearAndRegionAsync(queries, year, region, ct);
        if (problem is not null)
        {
            return problem;
        }

        var board = await deadlines.ForRegionAsync(regionAgency?.Path ?? "/", y, Deadlines.BeijingDate(clock.GetUtcNow()), ct);
        var counts = DeadlineCounts.Of(board);
        var body = new
        {
            year = y,
            region = regionAgency?.Code,
            regionName = regionAgency?.Name ?? "全部",
            onTime = counts.OnTime,
            late = counts.Late,
            missing = counts.Missing,
            open = counts.Open,
            agencies = board.Select(b => new { agencyId = b.AgencyId, agency = b.AgencyName, deadline = b.Deadline, publishedOn = b.FirstPublishedOn, status = b.Status.ToString() }),
        };
        return JsonWithETag(http, body);
    }

    private static object FormatJson(CellDefinition cell, decimal value) =>
        // Counts as JSON integers and amounts as 4-place strings, as in the interchange document (§12.4).
        cell.Kind == CellKind.Amount ? InterchangeJson.FormatValue(cell.Kind, value) : decimal.ToInt64(value);

    // ---- downloads ---------------------------------------------------------------------------------------

    private static async Task<IResult> Pdf(int id, int? revision, PublicQueries queries, HttpContext http, CancellationToken ct)
    {
        if (await queries.PdfAsync(id, revision, ct) is not { } pdf)
        {
            // A download is followed from a page: the public 404 page, not JSON.
            return Results.NotFound();
        }

        var etag = new EntityTagHeaderValue($"\"{pdf.Sha256}\"");
        http.Response.Headers.CacheControl = revision is null
            ? "public, max-age=300"
            // A revision's bytes never change (the database refuses updates to publications).
            : "public, max-age=31536000, immutable";
        DownloadNames.SetAttachment(http.Response, DownloadNames.Report(pdf.AgencyName, pdf.Year, "pdf", pdf.Revision, pdf.CurrentRevision), DownloadNames.ReportAscii(id, pdf.Year, "pdf", pdf.Revision));
        return Results.Bytes(pdf.Pdf, "application/pdf", entityTag: etag);
    }

    /// <summary>An imported historical report's original file, byte for byte as imported (its SHA-256 is the ETag).</summary>
    private static async Task<IResult> Original(int id, PublicQueries queries, HttpContext http, CancellationToken ct)
    {
        if (await queries.OriginalAsync(id, ct) is not { } original)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        // Served as a download, never rendered in the site's origin: an imported .html is someone else's markup.
        var contentType = original.ContentType.StartsWith("text/html", StringComparison.Ordinal) ? "text/plain; charset=utf-8" : original.ContentType;
        return Results.Bytes(original.Bytes, contentType, original.FileName, entityTag: new EntityTagHeaderValue($"\"{original.Sha256}\""));
    }

    private static async Task<IResult> ReportJson(int id, HttpContext http, PublicQueries queries, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } report)
        {
            return Results.NotFound();
        }

        // The snapshot as published, byte for byte (it is stored as json, not jsonb, for this).
        var bytes = Encoding.UTF8.GetBytes(report.InterchangeJson);
        http.Response.Headers.CacheControl = "public, max-age=60";
        DownloadNames.SetAttachment(http.Response, DownloadNames.Report(report.AgencyName, report.Year, "json", report.Revision, report.Revision), DownloadNames.ReportAscii(id, report.Year, "json", report.Revision));
        return Results.Bytes(bytes, "application/json; charset=utf-8", entityTag: new EntityTagHeaderValue($"\"p{report.PublicationId}-json\""));
    }

    private static async Task<IResult> ReportCsvFile(int id, HttpContext http, PublicQueries queries, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } report)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=60";
        DownloadNames.SetAttachment(http.Response, DownloadNames.Report(report.AgencyName, report.Year, "csv", report.Revision, report.Revision), DownloadNames.ReportAscii(id, report.Year, "csv", report.Revision));
        return Results.Bytes(ReportCsv.Bytes(report.Document()), "text/csv; charset=utf-8", entityTag: new EntityTagHeaderValue($"\"p{report.PublicationId}-csv\""));
    }

    /// <summary>Every report published for a year as JSON, CSV and PDF, streamed one report at a time.</summary>
    private static async Task YearZip(int year, HttpContext http, PublicQueries queries, CancellationToken ct)
    {
        var (count, max) = await queries.VersionAsync(year, ct);
        if (count == 0)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var etag = $"\"y{year}-{count}-{max}\"";
        if (http.Request.Headers.IfNoneMatch == etag)
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        http.Response.ContentType = "application/zip";
        DownloadNames.SetAttachment(http.Response, DownloadNames.Year(year), DownloadNames.YearAscii(year));
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=300";

        // ZipArchive writes synchronously; allow it for this response only rather than buffer a year of PDFs.
        http.Features.Get<IHttpBodyControlFeature>()?.AllowSynchronousIO = true;
        // The index first: which revision each file is and every revision's reason (the files hold the current one only).
        var revisions = (await queries.RevisionIndexAsync(year, ct)).ToLookup(r => r.ReportId);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = new List<object>();
        using var zip = new ZipArchive(http.Response.Body, ZipArchiveMode.Create, leaveOpen: true);
        await foreach (var report in queries.ExportAsync(year).WithCancellation(ct))
        {
            // Named for people; two agencies of one name (rare) keep apart by the report id.
            var name = Path.GetFileNameWithoutExtension(DownloadNames.Report(report.AgencyName, report.Year, "pdf", report.Revision, report.Revision));
            if (!names.Add(name))
            {
                name += $"-{report.ReportId}";
                names.Add(name);
            }

            Write(zip, name + ".json", Encoding.UTF8.GetBytes(report.InterchangeJson));
            Write(zip, name + ".csv", ReportCsv.Bytes(InterchangeJson.Read(report.InterchangeJson)));
            Write(zip, name + ".pdf", report.Pdf, CompressionLevel.NoCompression);
            index.Add(new
            {
                id = report.ReportId,
                agency = report.AgencyName,
                year = report.Year,
                files = new[] { name + ".pdf", name + ".json", name + ".csv" },
                currentRevision = report.Revision,
                revisions = revisions[report.ReportId].OrderByDescending(r => r.Revision).Select(r => new
                {
                    revision = r.Revision,
                    current = r.Revision == report.Revision,
                    publishedAt = r.PublishedAt,
                    correctionReason = r.CorrectionReason,
                    pdfSha256 = r.PdfSha256,
                }),
            });
        }

        Write(zip, "index.json", JsonSerializer.SerializeToUtf8Bytes(new { year, reports = index }, Json));
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var entry = zip.CreateEntry(name, level).Open();
        entry.Write(bytes);
    }

    // ---- sitemap and robots ------------------------------------------------------------------------------

    private static async Task<IResult> Sitemap(HttpContext http, PublicQueries queries, CancellationToken ct)
    {
        var origin = Origin(http);
        var rows = await queries.SitemapAsync(ct);
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = false, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            WriteUrl(xml, origin + "/", null);
            WriteUrl(xml, origin + "/Reports", null);
            foreach (var (reportId, _, publishedAt) in rows)
            {
                WriteUrl(xml, origin + ReportUrl(reportId), publishedAt);
            }

            foreach (var agency in rows.GroupBy(r => r.AgencyId))
            {
                WriteUrl(xml, $"{origin}/Agencies/{agency.Key}", agency.Max(r => r.PublishedAt));
            }

            xml.WriteEndElement();
        }

        return Results.Text(sb.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal), "application/xml; charset=utf-8");
    }

    private static void WriteUrl(XmlWriter xml, string loc, DateTimeOffset? lastModified)
    {
        xml.WriteStartElement("url");
        xml.WriteElementString("loc", loc);
        if (lastModified is { } at)
        {
            xml.WriteElementString("lastmod", at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
    }

    private static IResult Robots(HttpContext http) =>
        Results.Text($"""
            User-agent: *
            Disallow: /Work
            Disallow: /Review
            Disallow: /Admin
            Disallow: /Account
            Allow: /
            Sitemap: {Origin(http)}/sitemap.xml

            """, "text/plain; charset=utf-8");

    // ---- helpers -----------------------------------------------------------------------------------------

    /// <summary>Serialises once, tags the bytes with a content hash and answers a matching If-None-Match with 304.</summary>
    internal static IResult JsonWithETag(HttpContext http, object body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"");
        http.Response.Headers.CacheControl = "public, max-age=60";
        http.Response.Headers.ETag = etag.ToString();
        if (http.Request.Headers.IfNoneMatch.Any(v => v == etag.Tag.Value || v == "*"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(bytes, "application/json; charset=utf-8");
    }

    private static IResult ReportNotFound() => Problem("报告不存在或尚未发布。", StatusCodes.Status404NotFound);

    /// <summary>
    /// RFC 7807 application/problem+json with the Chinese reason in <c>detail</c>; <c>error</c> repeats it for
    /// clients written against the earlier {"error": …} shape (docs/api.md).
    /// </summary>
    public static string ProblemTitle(int status) => status switch
    {
        StatusCodes.Status404NotFound => "未找到",
        StatusCodes.Status405MethodNotAllowed => "请求方法不受支持",
        StatusCodes.Status429TooManyRequests => "请求过于频繁",
        >= 500 => "服务器出错",
        _ => "请求参数有误",
    };

    public static IResult Problem(string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(
            detail: message,
            statusCode: status,
            title: ProblemTitle(status),
            extensions: new Dictionary<string, object?> { ["error"] = message });
}
