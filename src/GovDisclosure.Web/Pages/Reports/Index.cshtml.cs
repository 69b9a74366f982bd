using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Web.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Pages.Reports;

/// <summary>全部报告: the published reports with filters (year, region, agency kind, template), search and paging.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.ListPolicy)]
public sealed class IndexModel(PublicQueries queries) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public AgencyKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "template")]
    public TemplateVersion? Template { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>
    /// Read from the query string by hand: Razor Pages' own "page" route value (the page's path) wins over a
    /// bound property of that name, so binding it never saw the visitor's number.
    /// </summary>
    public int PageNumber { get; private set; } = 1;

    public PagedResult<PublicReportRow> Result { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyList<PublicYear> Years { get; private set; } = [];

    public IReadOnlyList<PublicAgency> Regions { get; private set; } = [];

    /// <summary>Why the filters in the URL cannot be answered (out of range, control characters, no such region).</summary>
    public string? FilterError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Invalid filter values (a typed URL) are ignored by model binding rather than answered with an error page.
        ModelState.Clear();
        Years = await queries.YearsAsync(ct);
        Regions = await queries.RegionsAsync(ct);
        var page = Request.Query["page"].ToString();
        if (page.Length > 0)
        {
            PageNumber = int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        }

        FilterError = ListParameters.Problem(Year, PageNumber, null, Query, Region);
        if (FilterError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!string.IsNullOrWhiteSpace(Region) && await queries.RegionPathAsync(Region, ct) is null)
        {
            FilterError = "地区不存在。";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Result = await queries.ListAsync(new PublicReportFilter(Year, Region, null, Kind, Template, Query, PageNumber, PageSize), ct);
    }

    /// <summary>This list's URL with another page number, keeping every filter.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["region"] = Region,
            ["kind"] = Kind?.ToString(),
            ["template"] = Template?.ToString(),
            ["q"] = Query,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Reports", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
