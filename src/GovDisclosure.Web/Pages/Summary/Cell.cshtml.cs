using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Web.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Pages.Summary;

/// <summary>One figure of a region summary, broken down into the agencies that contribute to it.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.ListPolicy)]
public sealed class CellModel(PublicQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string Code { get; set; } = string.Empty;

    public PublicAgency? RegionAgency { get; private set; }

    public CellDefinition Cell { get; private set; } = null!;

    public IReadOnlyList<Contribution> Contributions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year is < 2008 or > 2100 || !ReportTemplates.Get(TemplateVersions.ForYear(Year)).TryGetCell(Code, out var cell))
        {
            return NotFound();
        }

        Cell = cell;
        if (!string.IsNullOrWhiteSpace(Region))
        {
            RegionAgency = await queries.RegionAsync(Region.Trim(), ct);
            if (RegionAgency is null)
            {
                return NotFound();
            }
        }

        Contributions = await queries.ContributionsAsync(Year, RegionAgency?.Path ?? "/", Code, ct);
        return Page();
    }
}
