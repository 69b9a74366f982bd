using GovDisclosure.Domain.Reports;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Web.Pages.Shared.Report;
using GovDisclosure.Web.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Pages.Reports;

/// <summary>
/// A published report as accessible HTML: the standard layout from the template definition, the validation
/// status with the published 说明, the revision history and the downloads. Reads the published snapshot only.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.ReportPolicy)]
public sealed class DetailModel(PublicQueries queries) : PageModel
{
    public PublicReport Report { get; private set; } = null!;

    public ReportDocumentModel View { get; private set; } = null!;

    public IReadOnlyList<PublicWarning> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        var document = report.Document();
        var findings = await queries.WarningsAsync(report, document, ct);
        Warnings = PublicWarning.Pair(findings, report.Explanations);
        View = new ReportDocumentModel { Document = document, Findings = findings };
        Response.Headers.ETag = $"\"p{report.PublicationId}\"";
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }

    public string CellName(string code) =>
        View.Document.Definition.TryGetCell(code, out var cell) ? cell.DisplayName : code;

    public static string Describe(PublicReport report) =>
        $"{report.AgencyName}{report.Year}年政府信息公开工作年度报告（第{report.Revision}版，{report.PublishedAt.ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日}发布）：主动公开、依申请公开、复议诉讼情况及问题改进，附PDF、JSON、CSV下载。";
}
