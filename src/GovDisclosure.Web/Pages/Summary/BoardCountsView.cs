using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.AspNetCore.WebUtilities;

namespace GovDisclosure.Web.Pages.Summary;

/// <summary>The board's counts for a year and region, each linking to the list of its agencies on /OnTime.</summary>
/// <param name="Current">The status the list below is filtered to, if any (its count is then not a link).</param>
public sealed record BoardCountsView(DeadlineCounts Counts, int Year, string? RegionCode, DeadlineStatus? Current = null)
{
    /// <summary>The order of the counts and the ids the pages and their tests find them by.</summary>
    public static readonly IReadOnlyList<(DeadlineStatus Status, string Id)> Order =
    [
        (DeadlineStatus.OnTime, "count-ontime"), (DeadlineStatus.Late, "count-late"),
        (DeadlineStatus.Missing, "count-missing"), (DeadlineStatus.Open, "count-open"),
    ];

    public string ListUrl(DeadlineStatus? status, int? page = null) => OnTimeUrl(Year, RegionCode, status, page);

    public static string OnTimeUrl(int year, string? regionCode, DeadlineStatus? status = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["region"] = regionCode,
            ["status"] = status?.ToString(),
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/OnTime", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
