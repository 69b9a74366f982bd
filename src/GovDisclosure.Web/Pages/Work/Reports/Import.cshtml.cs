using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain;
using GovDisclosure.Import;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Pages.Shared.Report;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Work.Reports;

/// <summary>
/// Import into the draft in two steps: recognise (paste or upload) and show what was found, then apply on
/// confirmation. The recognised document travels as interchange JSON in a hidden field, so what is applied
/// is exactly what was shown.
/// </summary>
public sealed class ImportModel(ApplyImport applyImport, ReportQueries queries) : PageModel
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? RecognisedJson { get; set; }

    [BindProperty]
    public uint RowVersion { get; set; }

    public int Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public ReportDocumentModel? Preview { get; private set; }

    public IReadOnlyList<Finding> ImportFindings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var report = await Load(id);
        if (report is null)
        {
            return NotFound();
        }

        Describe(report);
        return Page();
    }

    public async Task<IActionResult> OnPostRecogniseAsync(int id)
    {
        var report = await Load(id);
        if (report is null)
        {
            return NotFound();
        }

        Describe(report);
        try
        {
            ImportResult result;
            if (Upload is { Length: > 0 })
            {
                if (Upload.Length > MaxUploadBytes)
                {
                    ModelState.AddModelError(nameof(Upload), "文件不能超过2MB。");
                    return Page();
                }

                var extension = Path.GetExtension(Upload.FileName).ToLowerInvariant();
                if (extension is not (".txt" or ".md" or ".html" or ".htm"))
                {
                    ModelState.AddModelError(nameof(Upload), "只能上传 .txt、.md 或 .html 文件。");
                    return Page();
                }

                using var buffer = new MemoryStream();
                await Upload.CopyToAsync(buffer);
                result = ReportImporter.Import(buffer.ToArray(), Upload.FileName);
            }
            else if (!string.IsNullOrWhiteSpace(Text))
            {
                result = ReportImporter.Import(Text);
            }
            else
            {
                ModelState.AddModelError(nameof(Text), "请粘贴报告文本或选择文件。");
                return Page();
            }

            var document = result.Report;
            if (document.Year != report.Year || document.Template != report.Template)
            {
                ModelState.AddModelError(string.Empty, $"识别出的是{document.Year}年度报告，与本报告（{report.Year}年度）不一致，请核对后再导入。");
            }

            // The draft keeps its own identity; only content is imported.
            document.Year = report.Year;
            document.Template = report.Template;
            document.Agency = report.Agency!.Name;
            ImportFindings = result.Findings;
            RecognisedJson = InterchangeJson.Write(document, includeDerived: false);
            Preview = new ReportDocumentModel { Document = document, Findings = result.Findings };
        }
        catch (ReportFormatException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(int id)
    {
        // Any state: a report submitted meanwhile gets the domain's refusal in words, not a 404.
        var report = await queries.GetAsync(User.RequiredScope(), id, ReportAccess.Edit);
        if (report is null)
        {
            return NotFound();
        }

        Describe(report);
        var (result, document) = await applyImport.ExecuteAsync(User.RequiredScope(), id, RowVersion, RecognisedJson);
        switch (result.Status)
        {
            case UseCaseStatus.NotFound:
                return NotFound();
            case UseCaseStatus.Ok:
                TempData["StatusMessage"] = "已导入到草稿，请核对各项内容。";
                TempData["SavedReport"] = id;
                return RedirectToPage("/Work/Reports/Edit", new { id });
        }

        ModelState.AddModelError(string.Empty, result.Message);
        if (result.Status != UseCaseStatus.Conflict && document is not null)
        {
            // Show the recognised content again with the findings at its cells, so the user sees what to fix.
            ImportFindings = result.Findings;
            Preview = new ReportDocumentModel { Document = document, Findings = result.Findings };
        }

        return Page();
    }

    private void Describe(AnnualReport report)
    {
        Id = report.Id;
        Title = report.Title;
        if (RowVersion == 0)
        {
            RowVersion = report.RowVersion;
        }
    }

    /// <summary>Only a draft or a returned report takes an import; any other state answers 404 like a report out of scope.</summary>
    private async Task<AnnualReport?> Load(int id) =>
        await queries.GetAsync(User.RequiredScope(), id, ReportAccess.Edit) is { State: ReportState.Draft or ReportState.Returned } report ? report : null;
}
