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

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<PublicReportRow> Result { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyList<PublicYear> Years { get; private set; } = [];

    public IReadOnlyList<PublicAgency> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Invalid filter values (a typed URL) are ignored by model binding rather than answered with an error page.
        ModelState.Clear();
        Years = await queries.YearsAsync(ct);
        Regions = await queries.RegionsAsync(ct);
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
