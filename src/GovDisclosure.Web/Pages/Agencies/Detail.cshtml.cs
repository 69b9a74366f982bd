using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Web.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Pages.Agencies;

/// <summary>An agency: every year it has published, and the trend of its key figures.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.ListPolicy)]
public sealed class DetailModel(PublicQueries queries, PublicIndicatorQueries indicators) : PageModel
{
    public PublicAgency Agency { get; private set; } = null!;

    public PublicAgency? Parent { get; private set; }

    public IReadOnlyList<PublicAgency> Children { get; private set; } = [];

    public IReadOnlyList<PublicReportRow> Reports { get; private set; } = [];

    public TrendChart? Trend { get; private set; }

    /// <summary>Predecessors and successors, the predecessors' reports and the indicators by year across the changes.</summary>
    public AgencyLineage Lineage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.AgencyAsync(id, ct) is not { } agency)
        {
            return NotFound();
        }

        Agency = agency;
        Parent = agency.ParentId is { } parentId ? await queries.AgencyAsync(parentId, ct) : null;
        Children = await queries.ChildrenAsync(id, ct);
        var reports = await queries.AgencyReportsAsync(id, ct);
        Reports = reports.Select(r => r.Row).ToList();
        // The trend continues through the predecessors' years (a merged agency's figures summed), the change marked.
        Lineage = await indicators.LineageAsync(id, ct);
        Trend = Lineage.Timeline.Count == 0 ? null : TrendChart.From(Lineage.Timeline, Lineage.ChangeLabel);
        return Page();
    }
}
