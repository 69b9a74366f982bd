using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Web.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Pages;

/// <summary>首页: the latest publications, the years and the search box.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.ListPolicy)]
public sealed class IndexModel(PublicQueries queries) : PageModel
{
    public IReadOnlyList<PublicReportRow> Latest { get; private set; } = [];

    public IReadOnlyList<PublicYear> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Latest = await queries.LatestAsync(10, ct);
        Years = await queries.YearsAsync(ct);
    }
}
