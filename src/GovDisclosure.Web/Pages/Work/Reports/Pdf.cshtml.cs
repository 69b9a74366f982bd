using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Work.Reports;

/// <summary>The saved draft as a PDF with a 「草稿」 watermark, drawn by the same renderer that publishing uses.</summary>
public sealed class PdfModel(ReportQueries queries, IReportPdfRenderer renderer, TemplateCatalog catalog) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var report = await queries.GetAsync(User.RequiredScope(), id, ReportAccess.Edit);
        if (report is null)
        {
            return NotFound();
        }

        var pdf = renderer.Render(report.ToDocument(report.Agency!.Name, catalog), new PdfRenderOptions(Watermark: "草稿"));
        return File(pdf, "application/pdf", $"{report.Year}-{report.Agency.Code}-草稿.pdf");
    }
}
