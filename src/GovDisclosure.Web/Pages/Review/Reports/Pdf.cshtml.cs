using GovDisclosure.Application.Reports;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Review.Reports;

/// <summary>
/// The reviewer's preview of the PDF publishing will store, shown inline so the review page can embed it
/// (the one staff response that may be framed, and only by the portal: SecurityHeadersMiddleware).
/// </summary>
public sealed class PdfModel(PublicationPdf publicationPdf) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await publicationPdf.PreviewAsync(User.RequiredScope(), id) is not { } preview)
        {
            return NotFound();
        }

        // Inline rather than a download, so the frame shows it; the name is still offered if the reviewer saves it.
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(preview.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(preview.Pdf, "application/pdf");
    }
}
