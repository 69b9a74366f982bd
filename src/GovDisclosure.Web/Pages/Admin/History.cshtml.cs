using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Import;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Admin;

/// <summary>
/// 上传历史报告: several past years' report files at once become historical reports of the admin's agencies (kept as
/// the source says, waiting as 已通过 for 发布). The result table is the answer to the POST itself rather than a
/// redirect: posting the same files again is harmless, as a file already imported (by its hash) changes nothing.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class HistoryModel(HistoryUpload upload) : PageModel
{
    /// <summary>One file: the readers' own cap (a published PDF with pictures runs to tens of megabytes).</summary>
    public const long MaxFileBytes = ReportFile.MaxBytes;

    /// <summary>Enough for a decade of reports in one go; more is a job for gd import.</summary>
    public const int MaxFiles = 20;

    /// <summary>
    /// This page only, above what the files may add up to, so a batch a little too large reaches the handler and is
    /// answered on the form. ASP.NET Core spools each uploaded file to disk past 64 KB, and the handler reads them
    /// one at a time, so memory holds one file, not the batch.
    /// </summary>
    public const long MaxRequestBytes = 256L * 1024 * 1024;

    [BindProperty]
    public int? AgencyId { get; set; }

    [BindProperty]
    public List<IFormFile> Uploads { get; set; } = [];

    public IReadOnlyList<HistoryAgency> Agencies { get; private set; } = [];

    /// <summary>The result table of the upload just made; null before one.</summary>
    public IReadOnlyList<HistoryImportRow>? Results { get; private set; }

    public async Task OnGetAsync() => Agencies = await upload.AgenciesAsync(User.RequiredScope());

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = User.RequiredScope();
        Agencies = await upload.AgenciesAsync(scope);
        var files = Uploads.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (files.Count == 0)
        {
            ModelState.AddModelError(nameof(Uploads), "请选择要上传的历史报告文件。");
            return Page();
        }

        if (files.Count > MaxFiles)
        {
            ModelState.AddModelError(nameof(Uploads), $"一次最多上传{MaxFiles}个文件，更多的文件请分批上传，或由系统管理员用 gd import 导入。");
            return Page();
        }

        if (files.Sum(f => f.Length) > MaxRequestBytes - (16 * 1024 * 1024))
        {
            ModelState.AddModelError(nameof(Uploads), $"所选文件合计不能超过{(MaxRequestBytes / 1024 / 1024) - 16}MB，请分批上传。");
            return Page();
        }

        var results = await upload.ExecuteAsync(scope, AgencyId, files.Select(Read), HttpContext.RequestAborted);
        if (results is null)
        {
            return NotFound();
        }

        Results = results;
        return Page();
    }

    /// <summary>One upload as the use case takes it; a file the readers refuse is a row of the table, not an error page.</summary>
    private static HistoryFile Read(IFormFile file)
    {
        var name = Path.GetFileName(file.FileName);
        var type = ReportFile.ContentType(name);
        if (!ReportFile.IsSupported(name))
        {
            return new HistoryFile(name, type, [], null, [], $"只能上传 {ReportFile.ExtensionList} 文件。");
        }

        if (file.Length > MaxFileBytes)
        {
            return new HistoryFile(name, type, [], null, [], $"文件不能超过{MaxFileBytes / 1024 / 1024}MB。");
        }

        var bytes = new byte[file.Length];
        using (var stream = file.OpenReadStream())
        {
            stream.ReadExactly(bytes);
        }

        try
        {
            var result = ReportFile.Read(name, bytes);
            return new HistoryFile(name, type, bytes, result.Report, result.Findings, null);
        }
        catch (ReportFormatException e)
        {
            return new HistoryFile(name, type, bytes, null, [], e.Message);
        }
    }
}
