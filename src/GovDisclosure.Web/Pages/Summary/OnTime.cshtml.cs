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

    public IReadOnlyList<AgencyDeadline> Board { get; private set; } = [];

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

        Board = await deadlines.ForRegionAsync(RegionAgency?.Path ?? "/", year, today, ct);
        return Page();
    }
}
