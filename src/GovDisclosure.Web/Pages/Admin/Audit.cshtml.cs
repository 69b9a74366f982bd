using System.ComponentModel.DataAnnotations;
using GovDisclosure.Application.Admin;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Admin;

/// <summary>The audit trail within the admin's reach, filtered by agency, user, report and dates; paged, with a CSV export.</summary>
public sealed class AuditModel(AuditQueries audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "机构")]
    public int? AgencyId { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "用户名")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "报告编号")]
    public int? ReportId { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "起始日期")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "截止日期")]
    public DateOnly? To { get; set; }

    // Not "page": Razor Pages keeps the page's own path in the route value of that name, which would bind here and fail.
    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 0, 1, AuditQueries.PageSize);

    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    private AuditFilter Filter => new(AgencyId, UserName, ReportId, From, To);

    public async Task OnGetAsync()
    {
        var scope = User.RequiredScope();
        Agencies = await audit.AgenciesAsync(scope);
        if (!ModelState.IsValid)
        {
            // A typed date or number that does not parse is named beside its field; the list waits for a valid filter.
            return;
        }

        Result = await audit.PageAsync(scope, Filter, PageNumber);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }

        var bytes = await audit.CsvAsync(User.RequiredScope(), Filter);
        return File(bytes, "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd}.csv");
    }

    public object Query(int page) => new { AgencyId, UserName, ReportId, From = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), To = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), pageNumber = page };
}
