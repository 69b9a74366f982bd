using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Web.Public;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace GovDisclosure.Web.Pages.Reports;

/// <summary>
/// A published report as accessible HTML: the standard layout from the template definition, the validation
/// status stored at publication with its 说明, the revision history and the downloads. One read of the read model
/// stored at publication (<see cref="PublicPage"/>) plus the template: nothing here parses the snapshot, runs the
/// rules or recomputes a total, so an uncached view is cheap (docs/benchmarks.md).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.ReportPolicy)]
public sealed class DetailModel(PublicPageReader pages) : PageModel
{
    public PublicPage Report { get; private set; } = null!;

    public PublishedReportHtml Body { get; private set; } = null!;

    public IReadOnlyList<PublicWarning> Warnings { get; private set; } = [];

    /// <summary>Whether the region shows the 雷同 figure: only then is it measured (most regions do not, and every view asks).</summary>
    public bool MayShowCopyFigure { get; private set; }

    /// <summary>False for a revision published before findings were stored and not yet backfilled.</summary>
    public bool FindingsStored { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // The stored page first; PublicQueries (and its DbContext) only for a page not yet backfilled.
        if ((await pages.ReadAsync(id, ct) ?? await HttpContext.RequestServices.GetRequiredService<PublicQueries>().PageFromSnapshotAsync(id, ct)) is not { } view)
        {
            return NotFound();
        }

        var report = view.Page;
        Report = report;
        MayShowCopyFigure = view.MayShowCopyFigure;

        // The findings stored at publication, worded now; the rules are not run again here.
        Warnings = PublicWarning.From(report.Findings ?? [], report.Definition);
        FindingsStored = report.Findings is not null;
        Body = new PublishedReportHtml(report, Warnings);
        Response.Headers.ETag = $"\"p{report.PublicationId}\"";
        Response.Headers.CacheControl = "public, max-age=60";
        return Page();
    }

    public static string Describe(PublicPage report) =>
        $"{report.AgencyName}{report.Year}年政府信息公开工作年度报告（第{report.Revision}版，{report.PublishedAt.ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日}发布）：主动公开、依申请公开、复议诉讼情况及问题改进，附PDF、JSON、CSV下载。";
}
