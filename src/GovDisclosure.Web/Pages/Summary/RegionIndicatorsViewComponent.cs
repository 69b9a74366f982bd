using GovDisclosure.Infrastructure.Public;
using Microsoft.AspNetCore.Mvc;

namespace GovDisclosure.Web.Pages.Summary;

/// <summary>
/// The region summary's indicators (distribution and ranking), loaded by the component itself so that the summary
/// page includes it in one line and keeps its own data path.
/// </summary>
public sealed class RegionIndicatorsViewComponent(PublicIndicatorQueries indicators) : ViewComponent
{
    /// <summary>How many ranked agencies the page lists per indicator; the CSV and the API carry all of them.</summary>
    public const int RankingShown = 10;

    public async Task<IViewComponentResult> InvokeAsync(int year, string regionPath, string? regionCode)
    {
        var table = await indicators.RegionAsync(year, regionPath, HttpContext.RequestAborted);
        return View("/Pages/Summary/_RegionIndicators.cshtml", new RegionIndicatorsModel(table, regionCode));
    }
}

public sealed record RegionIndicatorsModel(RegionIndicatorTable Table, string? RegionCode)
{
    public string Query => $"{(RegionCode is null ? string.Empty : "?region=" + Uri.EscapeDataString(RegionCode))}";
}
