using GovDisclosure.Domain.Indicators;
using GovDisclosure.Infrastructure.Public;

namespace GovDisclosure.Web.Public;

/// <summary>
/// The indicators in the open-data API and as CSV (docs/api.md): a region's figures with their distributions and
/// rankings, and one agency's figures by year across its predecessors. Anonymous; publications only.
/// </summary>
public static class PublicIndicatorsApi
{
    public static IEndpointRouteBuilder MapPublicIndicators(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AllowAnonymous();
        api.MapGet("/indicators", RegionIndicators).CacheOutput(PublicCache.ListPolicy)
            .WithSummary("地区指标：各机关的指标值、分布和排名").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/agencies/{id:int}/indicators", AgencyIndicators).CacheOutput(PublicCache.ListPolicy)
            .WithSummary("一个机关历年的指标（含前身机关的年度）").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/downloads/indicators/{year:int}.csv", RegionCsv).AllowAnonymous().CacheOutput(PublicCache.ListPolicy);
        return app;
    }

    private static async Task<IResult> RegionIndicators(HttpContext http, PublicQueries queries, PublicIndicatorQueries indicators, string? year, string? region, CancellationToken ct)
    {
        var (table, problem) = await LoadAsync(queries, indicators, year, region, ct);
        if (problem is not null)
        {
            return problem;
        }

        var body = new
        {
            year = table!.Year,
            template = table.Definition.InterchangeCode,
            region = string.IsNullOrWhiteSpace(region) ? null : region.Trim(),
            minimumDenominator = table.MinimumDenominator,
            agencies = table.Agencies.Count,
            indicators = table.Distributions.Select(d => new
            {
                key = d.Definition.Key,
                name = d.Definition.Name,
                formula = d.Definition.Formula,
                distribution = new
                {
                    agencies = d.Agencies,
                    passing = d.Passing,
                    insufficient = d.Insufficient,
                    min = d.Min,
                    q1 = d.FirstQuartile,
                    median = d.Median,
                    q3 = d.ThirdQuartile,
                    max = d.Max,
                    mean = d.Mean,
                    histogram = d.Histogram.Select(b => new { label = b.Label, from = b.From, to = b.To, count = b.Count }),
                },
                ranking = d.Ranking.Select(r => new { rank = r.Rank, agencyId = r.AgencyId, agency = r.AgencyName, reportId = r.ReportId, value = r.Value.Ratio, numerator = r.Value.Numerator, denominator = r.Value.Denominator }),
            }),
            csv = $"/downloads/indicators/{table.Year}.csv{(string.IsNullOrWhiteSpace(region) ? string.Empty : "?region=" + Uri.EscapeDataString(region.Trim()))}",
        };
        return PublicSite.JsonWithETag(http, body);
    }

    private static async Task<IResult> AgencyIndicators(int id, HttpContext http, PublicQueries queries, PublicIndicatorQueries indicators, CancellationToken ct)
    {
        if (await queries.AgencyAsync(id, ct) is not { } agency)
        {
            return PublicSite.Problem("机关不存在。", StatusCodes.Status404NotFound);
        }

        var lineage = await indicators.LineageAsync(id, ct);
        var body = new
        {
            agencyId = agency.Id,
            agency = agency.Name,
            minimumDenominator = lineage.MinimumDenominator,
            predecessors = lineage.Predecessors.Select(p => new { agencyId = p.AgencyId, agency = p.AgencyName, change = p.Change.ToString(), effectiveOn = p.EffectiveOn }),
            successors = lineage.Successors.Select(p => new { agencyId = p.AgencyId, agency = p.AgencyName, change = p.Change.ToString(), effectiveOn = p.EffectiveOn }),
            years = lineage.Indicators.Select(y => new
            {
                year = y.Year.Year,
                template = y.Year.Reports[0].Document.Definition.InterchangeCode,
                fromPredecessors = y.Year.FromPredecessors,
                reportedBy = y.Year.Reports.Select(r => new { agencyId = r.AgencyId, agency = r.AgencyName }),
                indicators = y.Values.Select(Value),
            }),
        };
        return PublicSite.JsonWithETag(http, body);
    }

    private static async Task<IResult> RegionCsv(int year, HttpContext http, PublicQueries queries, PublicIndicatorQueries indicators, string? region, CancellationToken ct)
    {
        var (table, problem) = await LoadAsync(queries, indicators, year.ToString(System.Globalization.CultureInfo.InvariantCulture), region, ct);
        if (problem is not null)
        {
            return problem;
        }

        http.Response.Headers.CacheControl = "public, max-age=60";
        DownloadNames.SetAttachment(http.Response, DownloadNames.Safe($"{year}年政府信息公开指标.csv"), $"indicators-{year}.csv");
        return Results.Bytes(IndicatorCsv.Bytes(table!.Agencies, table.Distributions), "text/csv; charset=utf-8");
    }

    private static object Value(IndicatorValue v) => new
    {
        key = v.Definition.Key,
        name = v.Definition.Name,
        value = v.Ratio,
        display = v.Display,
        numerator = v.Numerator,
        denominator = v.Denominator,
        status = IndicatorCsv.StatusCode(v.Status),
    };

    private static async Task<(RegionIndicatorTable? Table, IResult? Problem)> LoadAsync(
        PublicQueries queries, PublicIndicatorQueries indicators, string? year, string? region, CancellationToken ct)
    {
        if (ListParameters.WholeNumber(year) is not { } y)
        {
            return (null, PublicSite.Problem($"请提供 year（报告年度，{ListParameters.MinYear}至{ListParameters.MaxYear}之间）。"));
        }

        if (ListParameters.Problem(y, null, null, null, region) is { } message)
        {
            return (null, PublicSite.Problem(message));
        }

        var path = "/";
        if (!string.IsNullOrWhiteSpace(region))
        {
            if (await queries.RegionPathAsync(region, ct) is not { } found)
            {
                return (null, PublicSite.Problem("地区不存在。", StatusCodes.Status404NotFound));
            }

            path = found;
        }

        return (await indicators.RegionAsync(y, path, ct), null);
    }
}
