using GovDisclosure.Domain.Rules;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Web.Pages.Shared.Report;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Pages.Work.Reports;

/// <summary>The saved draft as the public will read it.</summary>
public sealed class PreviewModel(GovDisclosureDbContext db) : PageModel
{
    public int Id { get; private set; }

    public ReportDocumentModel Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var report = await db.Reports.AsNoTracking().EditableBy(User.RequiredScope()).Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == id);
        if (report is null)
        {
            return NotFound();
        }

        Id = id;
        var document = report.ToDocument(report.Agency!.Name);
        Document = new ReportDocumentModel { Document = document, Findings = ReportChecker.Check(new CheckContext(document) { Agency = report.Agency.Profile }) };
        return Page();
    }
}
