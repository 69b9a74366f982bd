using System.ComponentModel.DataAnnotations;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Pages.Shared.Report;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Review.Reports;

/// <summary>
/// Reviewing one report: findings with the filler's 说明, last year's figures beside this year's, comments on
/// a section or a cell, approve / return / publish, and the timeline from the audit trail.
/// </summary>
public sealed class DetailModel(ApproveReport approveReport, ReturnReport returnReport, AddComment addComment, PublishReport publishReport, ReportQueries queries) : PageModel
{
    public const string ConflictMessage = "操作未成功：该报告刚刚被他人修改或处理过，请查看最新内容后再操作。";

    [BindProperty]
    public uint RowVersion { get; set; }

    [BindProperty]
    public CommentInput Comment { get; set; } = new();

    [BindProperty]
    [StringLength(AnnualReport.ReasonMaxLength, ErrorMessage = "退回意见不能超过2000字。")]
    public string? ReturnSummary { get; set; }

    public AnnualReport Report { get; private set; } = null!;

    public ReportDocumentModel Document { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> Timeline { get; private set; } = [];

    public bool CanPublish { get; private set; }

    public TemplateDefinition Template => ReportTemplates.Get(Report.Template);

    /// <summary>What the filler changed since this revision was returned; null when it never was.</summary>
    public ChangesSinceReturn? Changes { get; private set; }

    /// <param name="id">The report.</param>
    /// <param name="comment">The comment target a cell's link chose ("cell:{code}"), so the link works without script too.</param>
    public async Task<IActionResult> OnGetAsync(int id, string? comment = null)
    {
        var report = await Load(id);
        if (report is null)
        {
            return NotFound();
        }

        Comment.Target = comment;
        await Describe(report);
        return Page();
    }

    public async Task<IActionResult> OnPostCommentAsync(int id)
    {
        var report = await Load(id);
        if (report is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Comment.Text))
        {
            ModelState.AddModelError("Comment.Text", "请填写审核意见。");
        }

        // A target typed into the form by hand must still name a section or cell of this template.
        var (section, cell) = Comment.Parse();
        var template = ReportTemplates.Get(report.Template);
        if ((section is not null && template.Sections.All(s => s.Key != section)) || (cell is not null && !template.HasCell(cell)))
        {
            ModelState.AddModelError("Comment.Target", "请选择报告中的某一部分或某一单元格。");
        }

        if (!ModelState.IsValid)
        {
            await Describe(report);
            return Page();
        }

        var result = await addComment.ExecuteAsync(User.RequiredScope(), id, Comment.Text!.Trim(), section, cell);
        return await Outcome(id, result, "审核意见已保存。");
    }

    public async Task<IActionResult> OnPostApproveAsync(int id) =>
        await Outcome(id, await approveReport.ExecuteAsync(User.RequiredScope(), id, RowVersion), "已审核通过，可以发布。");

    public async Task<IActionResult> OnPostReturnAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            var report = await Load(id);
            if (report is null)
            {
                return NotFound();
            }

            await Describe(report);
            return Page();
        }

        return await Outcome(id, await returnReport.ExecuteAsync(User.RequiredScope(), id, RowVersion, ReturnSummary ?? string.Empty), "已退回填报单位。");
    }

    /// <summary>
    /// 发布 through the use case: it checks the publisher's role, renders the PDF, commits state, PDF, hash, snapshot and
    /// audit in one transaction, and then tells its listeners (the public pages' cache) that the publication happened.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(int id) =>
        await Outcome(id, await publishReport.ExecuteAsync(User.RequiredScope(), id, RowVersion), "已发布，公众现在可以查阅本报告。");

    /// <summary>Turns a use case's answer into what the reviewer sees: a status message, or the page with the refusal.</summary>
    private async Task<IActionResult> Outcome(int id, UseCaseResult result, string done)
    {
        switch (result.Status)
        {
            case UseCaseStatus.NotFound:
                return NotFound();
            case UseCaseStatus.Ok:
                TempData["StatusMessage"] = done;
                return RedirectToPage(new { id });
            case UseCaseStatus.Conflict:
                // A publish that lost the race says so in its own words; other conflicts get the page's general one.
                TempData["StatusMessage"] = result.Message == PublishReport.AlreadyPublishedMessage(result.Revision) ? result.Message : ConflictMessage;
                return RedirectToPage(new { id });
            default:
                ModelState.AddModelError(string.Empty, result.Message);
                await Describe((await Load(id))!);
                return Page();
        }
    }

    private async Task Describe(AnnualReport report)
    {
        Report = report;
        RowVersion = report.RowVersion;
        var document = report.ToDocument(report.Agency!.Name);
        var scope = User.RequiredScope();
        var previousDocument = await queries.PreviousYearAsync(scope, report.Id);
        Changes = report.State is ReportState.Submitted or ReportState.Approved ? await queries.ChangesSinceReturnAsync(scope, report) : null;
        var addressed = Changes?.Comments.Where(c => c.Addressed is not null)
            .ToDictionary(c => c.Comment.Id, c => c.Addressed == true ? "退回后已修改" : "退回后未修改") ?? [];
        var notes = CellNote.From(await queries.NotesAsync(scope, report.Id, report.Revision))
            .Select(n => n with { Status = addressed.GetValueOrDefault(n.Id) }).ToList();
        Document = new ReportDocumentModel
        {
            Document = document,
            Previous = previousDocument,
            Findings = report.Check(document, previousDocument),
            Notes = notes,
            CommentHref = code => $"/Review/Reports/{report.Id}?comment=cell:{Uri.EscapeDataString(code)}#comment-form",
            ChangedFrom = Changes?.Cells.ToDictionary(c => c.Code, c => c.Old, StringComparer.Ordinal) ?? [],
            ChangedSections = Changes?.Sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal) ?? [],
        };
        Timeline = await queries.AuditTrailAsync(scope, report.Id);
        CanPublish = scope.CanPublish;
    }

    private Task<AnnualReport?> Load(int id) => queries.GetAsync(User.RequiredScope(), id, ReportAccess.Review);

    public sealed class CommentInput
    {
        /// <summary>"" for the whole report, "section:{key}" or "cell:{code}".</summary>
        public string? Target { get; set; }

        [StringLength(ReviewComment.TextMaxLength, ErrorMessage = "审核意见不能超过2000字。")]
        public string? Text { get; set; }

        public (string? Section, string? Cell) Parse() => Target switch
        {
            { } t when t.StartsWith("section:", StringComparison.Ordinal) => (t[8..], null),
            { } t when t.StartsWith("cell:", StringComparison.Ordinal) => (null, t[5..]),
            _ => (null, null),
        };
    }
}
