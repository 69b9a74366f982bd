using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Work.Reports;

/// <summary>A report's whole history for its filler: every line of the audit trail, with old and new texts.</summary>
public sealed class HistoryModel(ReportQueries queries) : PageModel
{
    public int Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public IReadOnlyList<AuditEntry> Timeline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var report = await queries.GetAsync(User.RequiredScope(), id, ReportAccess.Edit);
        if (report is null)
        {
            return NotFound();
        }

        (Id, Title) = (id, report.Title);
        Timeline = await queries.AuditTrailAsync(User.RequiredScope(), id);
        return Page();
    }
}
