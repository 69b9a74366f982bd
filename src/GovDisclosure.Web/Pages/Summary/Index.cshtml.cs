using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Web.Pages.Shared.Report;
using GovDisclosure.Web.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Pages.Summary;

/// <summary>地区汇总: the sum of every report published for a year under a region, and the on-time board.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.ListPolicy)]
public sealed class IndexModel(PublicQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    public IReadOnlyList<PublicYear> Years { get; private set; } = [];

    public IReadOnlyList<PublicAgency> Regions { get; private set; } = [];

    public PublicSummary? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Years = await queries.YearsAsync(ct);
        Regions = await queries.RegionsAsync(ct);
        Year ??= Years.Count > 0 ? Years[0].Year : null;
        if (Year is not { } year)
        {
            return Page();
        }

        Result = await PublicSummary.LoadAsync(queries, clock, year, Region, ct);
        return Result is null ? NotFound() : Page();
    }

    public ReportTableModel TableFor(TableDefinition table)
    {
        var definition = ReportTemplates.Get(Result!.Template);
        var region = Result.Region?.Code;
        return new ReportTableModel
        {
            Template = definition,
            Table = table,
            Mode = ReportTableMode.ReadOnly,
            Values = definition.Cells.Where(c => Result.Sums.ContainsKey(c.Code))
                .ToDictionary(c => c.Code, c => ReportTableModel.Format(c, Result.Sums[c.Code]), StringComparer.Ordinal),
            Derived = Result.Derived,
            CellHref = code => Result.Sums.ContainsKey(code) ? CellUrl(Result.Year, region, code) : null,
        };
    }

    public static string CellUrl(int year, string? region, string code) =>
        $"/Summary/Cell?year={year}{(region is null ? string.Empty : "&region=" + Uri.EscapeDataString(region))}&code={Uri.EscapeDataString(code)}";
}
