using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain;
using GovDisclosure.Import;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
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
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ImportModel(ApplyImport applyImport, ReportQueries queries) : PageModel
{
    /// <summary>A published PDF with pictures runs to tens of megabytes; the readers' own cap.</summary>
    public const long MaxUploadBytes = ReportFile.MaxBytes;

    /// <summary>
    /// This page only: above the file limit, so a file a little too large reaches the handler and is answered on the
    /// form; every other page keeps the server's default request limit.
    /// </summary>
    public const long MaxRequestBytes = MaxUploadBytes + (16 * 1024 * 1024);

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

    /// <summary>Every field 确认导入 will change in the draft, old → new, listed before the user confirms.</summary>
    public IReadOnlyList<ChangeView> Changes { get; private set; } = [];

    public sealed record ChangeView(string Name, ContentFieldKind Kind, string? Old, string? New);

    private void ListChanges(AnnualReport report, ReportDocument imported)
    {
        var definition = ReportTemplates.Get(report.Template);
        var before = new ReportContent(report.ToDocument(report.Agency!.Name), report.Explanations);
        // The import keeps the 说明 already written (ApplyImport), so only title, sections and cells can change.
        var after = new ReportContent(imported, report.Explanations);
        Changes = ContentMerge.Changes(before, after).Select(c => new ChangeView(c.Field.DisplayName(definition), c.Field.Kind, c.Old, c.New)).ToList();
    }

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
                    ModelState.AddModelError(nameof(Upload), $"文件不能超过{MaxUploadBytes / 1024 / 1024}MB。");
                    return Page();
                }

                if (!ReportFile.IsSupported(Upload.FileName))
                {
                    ModelState.AddModelError(nameof(Upload), $"只能上传 {ReportFile.ExtensionList} 文件。");
                    return Page();
                }

                await using var stream = Upload.OpenReadStream();
                result = ReportFile.Read(Upload.FileName, stream);
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
            ListChanges(report, document);
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
            ListChanges(report, document);
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
