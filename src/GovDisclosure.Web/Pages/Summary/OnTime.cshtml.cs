using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Application.Reports;
using GovDisclosure.Web.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Pages.Summary;

/// <summary>
/// 按时发布情况: for a reporting year that is open or past (not only a year something was published for), which
/// agencies published on time, late or not yet. An agency is judged only for years it existed in.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.ListPolicy)]
public sealed class OnTimeModel(PublicQueries queries, DeadlineQueries deadlines, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<PublicAgency> Regions { get; private set; } = [];

    public PublicAgency? RegionAgency { get; private set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    /// <summary>A province has thousands of agencies: the list comes a page at a time, those needing attention first.</summary>
    public const int PageSize = 200;

    /// <summary>The status the list is filtered to; null for every agency.</summary>
    public DeadlineStatus? StatusFilter { get; private set; }

    /// <summary>A Chinese sentence when a parameter could not be used (the page then shows the whole board).</summary>
    public string? ParameterMessage { get; private set; }

    public DeadlineCounts Counts { get; private set; } = DeadlineCounts.None;

    /// <summary>The agencies of this page.</summary>
    public IReadOnlyList<AgencyDeadline> Board { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int Pages { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var today = Deadlines.BeijingDate(clock.GetUtcNow());
        Years = await queries.BoardYearsAsync(today, ct);
        Regions = await queries.RegionsAsync(ct);

        // Without a choice, the newest year whose deadlines have passed (else the newest open one).
        Year ??= Years.Cast<int?>().FirstOrDefault(y => new DateOnly(y!.Value + 1, 3, 31) < today) ?? Years.Cast<int?>().FirstOrDefault();
        if (Year is not { } year)
        {
            return Page();
        }

        if (!Years.Contains(year))
        {
            return NotFound();
        }

        if (!string.IsNullOrWhiteSpace(Region))
        {
            RegionAgency = await queries.RegionAsync(Region.Trim(), ct);
            if (RegionAgency is null)
            {
                return NotFound();
            }
        }

        var board = await deadlines.ForRegionAsync(RegionAgency?.Path ?? "/", year, today, ct);
        Counts = DeadlineCounts.Of(board);
        if (!string.IsNullOrWhiteSpace(Status))
        {
            // Names only: Enum.TryParse would also take "3" or "OnTime,Late".
            StatusFilter = Enum.GetValues<DeadlineStatus>().Cast<DeadlineStatus?>()
                .FirstOrDefault(v => string.Equals(v.ToString(), Status.Trim(), StringComparison.OrdinalIgnoreCase));
            ParameterMessage = StatusFilter is null ? "状态（status）只能是 OnTime、Late、Missing 或 Open，下面列出全部机关。" : null;
        }

        var rows = board.Where(b => StatusFilter is null || b.Status == StatusFilter)
            .OrderBy(b => b.Status == DeadlineStatus.OnTime).ThenBy(b => b.AgencyPath, StringComparer.Ordinal).ToList();
        Pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        // Read by hand: Razor Pages' own "page" route value (the page's path) would win over a bound property.
        var pageText = Request.Query["page"].ToString();
        if (!string.IsNullOrWhiteSpace(pageText))
        {
            if (int.TryParse(pageText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1)
            {
                PageNumber = Math.Min(page, Pages);
            }
            else
            {
                ParameterMessage = $"{ParameterMessage}页码（page）应为正整数，下面显示第1页。";
            }
        }

        Board = rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }
}
