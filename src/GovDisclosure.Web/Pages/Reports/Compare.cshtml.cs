using GovDisclosure.Domain.Reports;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Web.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Pages.Reports;

/// <summary>
/// Two published revisions of a report side by side: every cell whose value changed (old → new, by its name, grouped
/// by table) and the section text with the changed sentences marked. Published revisions only; a correction being
/// drafted has no publication and so cannot be compared.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.ReportPolicy)]
public sealed class CompareModel(PublicQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "from")]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public int? To { get; set; }

    public PublicReport Report { get; private set; } = null!;

    public PublicRevisionSnapshot Before { get; private set; } = null!;

    public PublicRevisionSnapshot After { get; private set; } = null!;

    public ReportComparison Changes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } report)
        {
            return NotFound();
        }

        // Without a choice: the current revision against the one before it (the newest correction).
        var to = To is { } t ? t : report.Revision;
        var from = From is { } f ? f : Math.Max(1, to - 1);
        if (await queries.CompareAsync(id, Math.Min(from, to), Math.Max(from, to), ct) is not { } pair)
        {
            return NotFound();
        }

        Report = report;
        (Before, After) = pair;
        (From, To) = (Before.Revision, After.Revision);
        Changes = ReportComparison.Between(Before.Document(), After.Document());
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }
}
