using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Pages.Work.Reports;

/// <summary>The draft as a PDF with a 「草稿」 watermark, once a renderer is registered; 501 until then.</summary>
public sealed class PdfModel(GovDisclosureDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var report = await db.Reports.AsNoTracking().EditableBy(User.RequiredScope()).Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == id);
        if (report is null)
        {
            return NotFound();
        }

        if (HttpContext.RequestServices.GetService<IReportPdfRenderer>() is not { } renderer)
        {
            return new ContentResult { StatusCode = StatusCodes.Status501NotImplemented, ContentType = "text/plain; charset=utf-8", Content = "PDF 生成服务未配置，暂不能预览PDF。" };
        }

        var pdf = renderer.Render(report.ToDocument(report.Agency!.Name), new PdfRenderOptions(Watermark: "草稿"));
        return File(pdf, "application/pdf", $"{report.Year}-{report.Agency.Code}-草稿.pdf");
    }
}
