using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Web.Pages.Shared.Report;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Work.Reports;

/// <summary>The saved draft as the public will read it.</summary>
public sealed class PreviewModel(ReportQueries queries, TemplateCatalog catalog) : PageModel
{
    public int Id { get; private set; }

    public ReportDocumentModel Document { get; private set; } = null!;

    /// <summary>The 说明 saved for each warning, by finding key: they are published beside the warnings.</summary>
    public IReadOnlyDictionary<string, string> Explanations { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var report = await queries.GetAsync(User.RequiredScope(), id, ReportAccess.Edit);
        if (report is null)
        {
            return NotFound();
        }

        Id = id;
        var document = report.ToDocument(report.Agency!.Name, catalog);
        // Last year's figures too: the cross-year warnings are published with their 说明, so the preview shows them.
        var previous = await queries.PreviousYearAsync(User.RequiredScope(), id);
        Document = new ReportDocumentModel { Document = document, Findings = report.Check(document, previous) };
        Explanations = report.Explanations;
        return Page();
    }
}
