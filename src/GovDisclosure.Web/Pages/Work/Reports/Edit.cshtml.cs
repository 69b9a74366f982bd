using System.Globalization;
using System.Text.Json;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Pages.Shared.Report;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovDisclosure.Web.Pages.Work.Reports;

/// <summary>
/// The report editor: six sections of text and the statutory tables drawn from the template. Saving keeps
/// everything typed when the input is malformed or the rules refuse it, so no work is ever lost to an error.
/// The form, the parsing and the checks all read the report's definition from the registered <see cref="TemplateCatalog"/>.
/// </summary>
public sealed class EditModel(
    SaveReport saveReport, SaveAndSubmitReport saveAndSubmit, WithdrawReport withdrawReport, OpenCorrection openCorrection,
    KeepDraft keepDraft, DiscardDraft discardDraft, ReportQueries queries, TimeProvider clock, SimilarityCheck similarity,
    TemplateCatalog catalog) : PageModel
{
    public const string ConflictMessage = "保存未成功：该报告在您打开之后已被他人（或您在其他窗口中）修改。您输入的内容仍保留在下方，请核对后再次保存，再次保存将以本页内容为准。";

    public const string RaceMessage = "保存未成功：该报告刚刚又被他人保存。您输入的内容仍保留在下方，请再次保存，系统将逐项合并双方的修改。";

    public const string CorrectionReasonMissing = "请填写更正原因，它将与更正后的报告一同公开。";

    public const string DraftKeptNote = "您输入的内容已暂存在服务器上（报告本身未改变），在任何设备上打开本页均可恢复后继续填写。";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>更正原因, posted by the 申请更正 form of a published report.</summary>
    [BindProperty]
    public string? CorrectionReason { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ReportView Report { get; private set; } = null!;

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public IReadOnlyList<CellNote> Notes { get; private set; } = [];

    public IReadOnlyDictionary<string, string> CellErrors { get; private set; } = new Dictionary<string, string>();

    public TemplateDefinition Template => catalog.Get(Report.Template);

    /// <summary>The user's own 暂存 when it differs from the saved report: offered back with 恢复 / 放弃.</summary>
    public DraftOffer? Draft { get; private set; }

    /// <summary>Set when the page shows a restored 暂存 rather than the saved report.</summary>
    public string? RestoredNote { get; private set; }

    /// <summary>The heading of the message box: a submission refused after the content was saved must not say 未保存.</summary>
    public string SummaryHeading { get; private set; } = "未保存，请修改以下内容";

    /// <summary>The save status the editor starts with (已保存 hh:mm), the script then follows the typing.</summary>
    public string SavedStatus => $"已保存 {SavedAt.ToOffset(Beijing):HH:mm}";

    private DateTimeOffset SavedAt { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? draft = null)
    {
        var report = await Load(id);
        if (report is null)
        {
            return NotFound();
        }

        Input = InputModel.From(report, catalog.Get(report.Template));
        var kept = report.State.IsEditable() ? await queries.DraftAsync(User.RequiredScope(), id) : null;
        if (kept is not null && !Same(InputModel.Typed(kept.Fields), InputModel.Typed(Input.ToDraftFields())))
        {
            var at = kept.SavedAt.ToOffset(Beijing);
            if (draft == "restore")
            {
                // The draft's own base version travels with it: a save by someone else since then is then a conflict, not overwritten.
                Input = InputModel.FromDraft(kept.Fields, kept.BaseRowVersion);
                RestoredNote = $"已恢复{kept.UserName}于{at:MM-dd HH:mm}暂存的内容，尚未保存。核对后请点“保存”。";
                var (document, errors) = InputValidator.Parse(Input, catalog.Get(report.Template), report.ToDocument(report.Agency!.Name, catalog));
                return await Redisplay(report, document, errors);
            }

            Draft = new DraftOffer(kept.UserName, at);
        }

        await Describe(report, report.ToDocument(report.Agency!.Name, catalog));
        return Page();
    }

    /// <summary>暂存, posted by the editor's script every few seconds while the user types (fetch, antiforgery token included).</summary>
    public async Task<IActionResult> OnPostDraftAsync(int id)
    {
        var result = await keepDraft.ExecuteAsync(User.RequiredScope(), new KeepDraftInput(id, Input.RowVersion, Input.ToDraftFields()));
        return result.Status switch
        {
            UseCaseStatus.NotFound => NotFound(),
            UseCaseStatus.Ok => new JsonResult(new { status = $"已暂存 {clock.GetUtcNow().ToOffset(Beijing):HH:mm}" }),
            _ => new JsonResult(new { status = result.Message }) { StatusCode = StatusCodes.Status409Conflict },
        };
    }

    /// <summary>放弃 on the 暂存 offer.</summary>
    public async Task<IActionResult> OnPostDiscardDraftAsync(int id)
    {
        var result = await discardDraft.ExecuteAsync(User.RequiredScope(), id);
        if (result.Status == UseCaseStatus.NotFound)
        {
            return NotFound();
        }

        TempData["StatusMessage"] = result.Message;
        return RedirectToPage(new { id });
    }

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public sealed record DraftOffer(string UserName, DateTimeOffset At);

    public Task<IActionResult> OnPostSaveAsync(int id) => Save(id, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(int id) => Save(id, submit: true);

    public async Task<IActionResult> OnPostWithdrawAsync(int id)
    {
        var result = await withdrawReport.ExecuteAsync(User.RequiredScope(), id, Input.RowVersion);
        if (result.Status == UseCaseStatus.NotFound)
        {
            return NotFound();
        }

        TempData["StatusMessage"] = result.Status switch
        {
            UseCaseStatus.Ok => "已撤回，报告回到草稿状态，可以继续修改。",
            UseCaseStatus.Conflict => "撤回未成功：报告状态已被他人改变，请查看最新状态。",
            _ => result.Message,
        };
        return RedirectToPage(new { id });
    }

    /// <summary>申请更正: a published report gets a new draft revision; the published one stays public until the correction is published.</summary>
    public async Task<IActionResult> OnPostCorrectAsync(int id)
    {
        var report = await Load(id);
        if (report is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(CorrectionReason))
        {
            ModelState.AddModelError(nameof(CorrectionReason), CorrectionReasonMissing);
        }
        else if (CorrectionReason.Trim().Length > AnnualReport.ReasonMaxLength)
        {
            ModelState.AddModelError(nameof(CorrectionReason), $"更正原因不能超过{AnnualReport.ReasonMaxLength}字。");
        }

        if (ModelState.IsValid)
        {
            var result = await openCorrection.ExecuteAsync(User.RequiredScope(), id, Input.RowVersion, CorrectionReason!.Trim());
            switch (result.Status)
            {
                case UseCaseStatus.NotFound:
                    return NotFound();
                case UseCaseStatus.Ok:
                    TempData["StatusMessage"] = result.Message;
                    return RedirectToPage(new { id });
                case UseCaseStatus.Conflict:
                    ModelState.AddModelError(string.Empty, "发起更正未成功：该报告刚刚被他人处理过，请查看最新状态后再试。");
                    break;
                default:
                    ModelState.AddModelError(nameof(CorrectionReason), result.Message);
                    break;
            }
        }

        Input = InputModel.From(report, catalog.Get(report.Template));
        await Describe(report, report.ToDocument(report.Agency!.Name, catalog));
        return Page();
    }

    private bool submitting;

    private async Task<IActionResult> Save(int id, bool submit)
    {
        submitting = submit;
        var scope = User.RequiredScope();
        var report = await Load(id);
        if (report is null)
        {
            return NotFound();
        }

        var definition = catalog.Get(report.Template);
        var unchosen = Input.ApplyChoices(definition);
        foreach (var choice in unchosen)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Choices)}", $"请选择“{choice.Name}”保留哪个版本。");
        }

        var (document, errors) = InputValidator.Parse(Input, definition, report.ToDocument(report.Agency!.Name, catalog));
        foreach (var (key, message) in errors)
        {
            ModelState.AddModelError(key, message);
        }

        if (!ModelState.IsValid)
        {
            Conflicts = unchosen;
            return await Redisplay(report, document, errors);
        }

        var start = Input.StartContent(report.ToDocument(report.Agency!.Name, catalog));
        var input = new SaveReportInput(id, Input.RowVersion, document, Input.ExplanationsByKey(), Clean(Input.CarryReasons), Input.ToDraftFields(), start);
        var saved = submit ? await saveAndSubmit.ExecuteAsync(scope, input) : await saveReport.ExecuteAsync(scope, input);
        switch (saved.Status)
        {
            case UseCaseStatus.NotFound:
                return NotFound();
            case UseCaseStatus.Conflict when saved.Merge is { HasConflicts: true } merge:
                // Both changed some fields: nothing saved; the page shows the merged content and asks which version of each to keep.
                ModelState.AddModelError(string.Empty, saved.Message);
                AddDraftNote(saved);
                return await ShowMerge(id, merge, errors);
            case UseCaseStatus.Rejected when saved.Merge is { } merged:
                // Merged, but the two people's changes together break a balance rule: show the merged page with the errors.
                ModelState.AddModelError(string.Empty, saved.Message);
                AddDraftNote(saved);
                return await ShowMerge(id, merged, errors);
            case UseCaseStatus.Conflict when start is not null:
                // Someone saved again while the merge was being saved: the page keeps its start, so the next save merges again.
                ModelState.AddModelError(string.Empty, RaceMessage);
                AddDraftNote(saved);
                return await Redisplay(report, document, errors);
            case UseCaseStatus.Conflict:
                ModelState.AddModelError(string.Empty, ConflictMessage);
                AddDraftNote(saved);
                return await Redisplay(report, document, errors, keepVersion: false);
            case UseCaseStatus.Rejected or UseCaseStatus.Refused when saved.ContentSaved:
                // The content is saved; only the submission was refused (e.g. a warning still lacks its 说明).
                SummaryHeading = "已保存，但未能提交";
                ModelState.AddModelError(string.Empty, saved.Message[SaveAndSubmitReport.SavedNotSubmitted.Length..]);
                var current = await Load(id);
                ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.RowVersion)}");
                Input.RowVersion = current!.RowVersion;
                await Describe(current, document);
                return Page();
            case UseCaseStatus.Rejected or UseCaseStatus.Refused:
                ModelState.AddModelError(string.Empty, saved.Message);
                AddDraftNote(saved);
                return await Redisplay(report, document, errors);
        }

        TempData["StatusMessage"] = submit ? "已保存并提交审核。" : saved.Message;
        TempData["SavedReport"] = id;
        return RedirectToPage(new { id });
    }

    /// <summary>The fields both people changed, side by side, while the page holds the merge of everything else.</summary>
    public IReadOnlyList<ConflictView> Conflicts { get; private set; } = [];

    private async Task<IActionResult> ShowMerge(int id, ContentMerge merge, IReadOnlyList<(string Key, string Message)> errors)
    {
        var current = await Load(id);
        if (current is null)
        {
            return NotFound();
        }

        var definition = catalog.Get(current.Template);
        Input.Take(merge.TakenFromTheirs);
        var saved = InputModel.From(current, definition);
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.RowVersion)}");
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Start)}");
        Input.RowVersion = current.RowVersion;
        Input.Start = saved.Start;
        Conflicts = merge.Conflicts.Select(c => new ConflictView(InputModel.FieldKey(c.Field), c.Field.DisplayName(definition), c.Theirs, c.Mine, null)).ToList();
        var (document, _) = InputValidator.Parse(Input, definition, current.ToDocument(current.Agency!.Name, catalog));
        return await Redisplay(current, document, errors);
    }

    /// <summary>One field both people changed: their saved value and this user's, and which the user picked.</summary>
    public sealed record ConflictView(string Field, string Name, string? Theirs, string? Mine, string? Pick);

    private void AddDraftNote(UseCaseResult saved)
    {
        if (saved.DraftKept)
        {
            ModelState.AddModelError(string.Empty, DraftKeptNote);
        }
    }

    /// <summary>Shows the page again with everything as typed: cells, texts, 说明 and carry-over reasons.</summary>
    private async Task<IActionResult> Redisplay(AnnualReport report, ReportDocument document, IReadOnlyList<(string Key, string Message)> errors, bool keepVersion = true)
    {
        if (!keepVersion)
        {
            // A stale version: the next save is meant to overwrite with what is on the page, so it carries the current one.
            var current = await Load(report.Id);
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.RowVersion)}");
            Input.RowVersion = current?.RowVersion ?? Input.RowVersion;
        }

        CellErrors = errors.Where(e => e.Key.StartsWith(InputModel.CellPrefix, StringComparison.Ordinal))
            .GroupBy(e => e.Key[(InputModel.CellPrefix.Length + 1)..^1])
            .ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
        await Describe(report, document);
        return Page();
    }

    /// <summary>Findings are always computed from what is on the page, so every error and every warning (with its 说明 box) shows.</summary>
    private async Task Describe(AnnualReport report, ReportDocument document)
    {
        Report = new ReportView(report.Id, report.Title, report.Year, report.Template, report.State, report.Revision, report.Agency!.Name,
            report.CorrectionReason, report.CarriedValues, report.Explanations, report.PublishedRevision, report.RowVersion);
        var scope = User.RequiredScope();
        var previous = await queries.PreviousYearAsync(scope, report.Id);
        // While filling in, an untouched table is not yet a table of blanks; a submission shows every warning it needs a 说明 for.
        // W_COPY as saving and submitting raise it, so its 说明 box shows before the filler submits.
        Findings = report.Check(document, previous, whileEditing: !submitting, copies: await similarity.CopiesForRulesAsync(report, document));
        Notes = CellNote.From(await queries.NotesAsync(scope, report.Id, report.Revision));
        Corrections = (await queries.AuditTrailAsync(scope, report.Id)).Where(a => a.Action == AuditActions.CorrectionOpened).ToList();
        DerivedTotals = ReportTotals.Derived(document);
        SavedAt = report.UpdatedAt;
    }

    /// <summary>Each 更正 opened on this report, with its reason: the report's correction history.</summary>
    public IReadOnlyList<AuditEntry> Corrections { get; private set; } = [];

    /// <summary>The 说明 to show for a warning: as typed on this page, else as saved.</summary>
    public string? ExplanationFor(string key) =>
        Input.Explanations.FirstOrDefault(e => e.Key == key) is { } typed ? typed.Value : Report.Explanations.GetValueOrDefault(key);

    public IReadOnlyDictionary<string, decimal> DerivedTotals { get; private set; } = new Dictionary<string, decimal>();

    public ReportTableModel TableFor(TableDefinition table) => new()
    {
        Template = Template,
        Table = table,
        Mode = Report.State.IsEditable() ? ReportTableMode.Input : ReportTableMode.ReadOnly,
        Values = Report.State.IsEditable()
            ? Input.Cells.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal)
            : Input.Cells.Where(c => !string.IsNullOrEmpty(c.Value)).ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal),
        Derived = DerivedTotals,
        Findings = Findings,
        CellErrors = CellErrors,
        Carried = Report.Carried,
        CarryReasons = Input.CarryReasons.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal),
        Notes = Notes,
    };

    private Task<AnnualReport?> Load(int id) => queries.GetAsync(User.RequiredScope(), id, ReportAccess.Edit);

    private static Dictionary<string, string> Clean(Dictionary<string, string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value!.Trim(), StringComparer.Ordinal);

    public sealed record ReportView(
        int Id, string Title, int Year, TemplateVersion Template, ReportState State, int Revision, string AgencyName,
        string? CorrectionReason, IReadOnlyDictionary<string, decimal> Carried, IReadOnlyDictionary<string, string> Explanations,
        int? PublishedRevision, uint RowVersion);

    /// <summary>Everything as typed: raw strings, so a malformed number comes back exactly as the user left it.</summary>
    public sealed class InputModel
    {
        public const string CellPrefix = "Input.Cells";

        public uint RowVersion { get; set; }

        public string? Title { get; set; }

        public Dictionary<string, string?> Sections { get; set; } = new(StringComparer.Ordinal);

        public Dictionary<string, string?> Cells { get; set; } = new(StringComparer.Ordinal);

        /// <summary>
        /// 说明 as indexed key/value pairs: a finding's key names every cell it concerns and can be far longer than
        /// ASP.NET Core accepts as a form field name, so the key travels as a value instead.
        /// </summary>
        public List<ExplanationInput> Explanations { get; set; } = [];

        public Dictionary<string, string?> CarryReasons { get; set; } = new(StringComparer.Ordinal);

        /// <summary>
        /// The content the editor was opened on, as JSON of the editor's field names: a save on top of someone else's
        /// merges against it, field by field, instead of overwriting what they saved.
        /// </summary>
        public string? Start { get; set; }

        /// <summary>The user's pick (theirs / mine) for each field both people changed.</summary>
        public List<ChoiceInput> Choices { get; set; } = [];

        public static InputModel From(AnnualReport report, TemplateDefinition definition)
        {
            var input = Saved(report, definition);
            input.Start = JsonSerializer.Serialize(input.ToDraftFields());
            return input;
        }

        private static InputModel Saved(AnnualReport report, TemplateDefinition definition)
        {
            return new InputModel
            {
                RowVersion = report.RowVersion,
                Title = report.Title,
                Sections = report.Sections.ToDictionary(s => s.Key, s => (string?)s.Value, StringComparer.Ordinal),
                Cells = report.Cells.ToDictionary(c => c.Key, c => (string?)ReportTableModel.Format(definition.Cell(c.Key), c.Value), StringComparer.Ordinal),
                Explanations = report.Explanations.Select(e => new ExplanationInput { Key = e.Key, Value = e.Value }).ToList(),
            };
        }

        /// <summary>Every non-blank field by its editor name, for 暂存; a 说明 goes under its finding's key, which outlives the box's position.</summary>
        public Dictionary<string, string> ToDraftFields()
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            void Add(string key, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    fields[key] = value.Replace("\r\n", "\n", StringComparison.Ordinal);
                }
            }

            Add(DraftTitle, Title);
            foreach (var (key, value) in Sections)
            {
                Add(DraftSection + key, value);
            }

            foreach (var (key, value) in Cells)
            {
                Add(DraftCell + key, value?.Trim());
            }

            foreach (var e in Explanations.Where(e => !string.IsNullOrWhiteSpace(e.Key)))
            {
                Add(DraftExplanation + e.Key, e.Value);
            }

            foreach (var (key, value) in CarryReasons)
            {
                Add(DraftCarryReason + key, value);
            }

            // The start travels with the 暂存, so a draft restored after someone else's save merges against it too.
            foreach (var (key, value) in StartFields())
            {
                fields[DraftStart + key] = value;
            }

            return fields;
        }

        /// <summary>A draft's fields without the start it carries: what the user typed.</summary>
        public static Dictionary<string, string> Typed(IReadOnlyDictionary<string, string> fields) =>
            fields.Where(f => !f.Key.StartsWith(DraftStart, StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

        private Dictionary<string, string> StartFields()
        {
            if (string.IsNullOrEmpty(Start))
            {
                return new(StringComparer.Ordinal);
            }

            try
            {
                return JsonSerializer.Deserialize<Dictionary<string, string>>(Start) is { } read
                    ? new(read.Where(f => f.Value is not null), StringComparer.Ordinal)
                    : new(StringComparer.Ordinal);
            }
            catch (JsonException)
            {
                // A tampered or truncated start: merge nothing; the save then answers a stale version as a plain conflict.
                return new(StringComparer.Ordinal);
            }
        }

        /// <summary>The start as content to merge against, or null when the form did not carry a readable one.</summary>
        public ReportContent? StartContent(ReportDocument saved)
        {
            var fields = StartFields();
            if (fields.Count == 0)
            {
                return null;
            }

            var start = FromDraft(fields, RowVersion);
            var (document, errors) = InputValidator.Parse(start, saved.Definition, saved);
            return errors.Count > 0 ? null : new ReportContent(document, start.ExplanationsByKey());
        }

        /// <summary>The editor's name of a merged field, the same as its 暂存 key.</summary>
        public static string FieldKey(ContentField field) => field.Kind switch
        {
            ContentFieldKind.Title => DraftTitle,
            ContentFieldKind.Section => DraftSection + field.Key,
            ContentFieldKind.Cell => DraftCell + field.Key,
            _ => DraftExplanation + field.Key,
        };

        /// <summary>Puts the other person's value into each field only they changed.</summary>
        public void Take(IEnumerable<MergedField> taken)
        {
            foreach (var field in taken)
            {
                Set(FieldKey(field.Field), field.Theirs);
            }
        }

        /// <summary>
        /// Applies the user's picks: 他人的版本 puts back the value saved by the other person, which is the start this
        /// page now carries. Returns the fields still waiting for a pick.
        /// </summary>
        public IReadOnlyList<ConflictView> ApplyChoices(TemplateDefinition definition)
        {
            var start = StartFields();
            var typed = ToDraftFields();
            var open = new List<ConflictView>();
            foreach (var choice in Choices.Where(c => !string.IsNullOrEmpty(c.Field)))
            {
                var theirs = start.GetValueOrDefault(choice.Field!);
                if (choice.Pick == PickTheirs)
                {
                    Set(choice.Field!, theirs);
                }
                else if (choice.Pick != PickMine)
                {
                    open.Add(new ConflictView(choice.Field!, NameOf(choice.Field!, definition), theirs, typed.GetValueOrDefault(choice.Field!), null));
                }
            }

            return open;
        }

        private static string NameOf(string field, TemplateDefinition definition) =>
            field.StartsWith(DraftSection, StringComparison.Ordinal) && definition.Sections.Any(s => s.Key == field[DraftSection.Length..])
                ? new ContentField(ContentFieldKind.Section, field[DraftSection.Length..]).DisplayName(definition)
                : field.StartsWith(DraftCell, StringComparison.Ordinal) ? new ContentField(ContentFieldKind.Cell, field[DraftCell.Length..]).DisplayName(definition)
                : field == DraftTitle ? ContentField.Title.DisplayName(definition)
                : "警告说明";

        private void Set(string field, string? value)
        {
            if (field == DraftTitle)
            {
                Title = value;
            }
            else if (field.StartsWith(DraftSection, StringComparison.Ordinal))
            {
                Sections[field[DraftSection.Length..]] = value;
            }
            else if (field.StartsWith(DraftCell, StringComparison.Ordinal))
            {
                Cells[field[DraftCell.Length..]] = value;
            }
            else if (field.StartsWith(DraftExplanation, StringComparison.Ordinal))
            {
                var key = field[DraftExplanation.Length..];
                Explanations.RemoveAll(e => e.Key == key);
                Explanations.Add(new ExplanationInput { Key = key, Value = value });
            }
        }

        public const string PickTheirs = "theirs";
        public const string PickMine = "mine";

        public static InputModel FromDraft(IReadOnlyDictionary<string, string> fields, uint rowVersion)
        {
            var input = new InputModel { RowVersion = rowVersion, Title = fields.GetValueOrDefault(DraftTitle) };
            var start = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in fields)
            {
                if (key.StartsWith(DraftStart, StringComparison.Ordinal))
                {
                    start[key[DraftStart.Length..]] = value;
                }
                else if (key.StartsWith(DraftSection, StringComparison.Ordinal))
                {
                    input.Sections[key[DraftSection.Length..]] = value;
                }
                else if (key.StartsWith(DraftCell, StringComparison.Ordinal))
                {
                    input.Cells[key[DraftCell.Length..]] = value;
                }
                else if (key.StartsWith(DraftExplanation, StringComparison.Ordinal))
                {
                    input.Explanations.Add(new ExplanationInput { Key = key[DraftExplanation.Length..], Value = value });
                }
                else if (key.StartsWith(DraftCarryReason, StringComparison.Ordinal))
                {
                    input.CarryReasons[key[DraftCarryReason.Length..]] = value;
                }
            }

            input.Start = start.Count == 0 ? null : JsonSerializer.Serialize(start);
            return input;
        }

        private const string DraftTitle = "title";
        private const string DraftSection = "section:";
        private const string DraftCell = "cell:";
        private const string DraftExplanation = "explanation:";
        private const string DraftCarryReason = "carry:";
        private const string DraftStart = "start:";

        public Dictionary<string, string> ExplanationsByKey() =>
            Explanations.Where(e => !string.IsNullOrWhiteSpace(e.Key) && !string.IsNullOrWhiteSpace(e.Value))
                .GroupBy(e => e.Key!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().Value!.Trim(), StringComparer.Ordinal);
    }

    public sealed class ChoiceInput
    {
        /// <summary>The field's editor name (<see cref="InputModel.FieldKey"/>).</summary>
        public string? Field { get; set; }

        /// <summary><see cref="InputModel.PickTheirs"/> or <see cref="InputModel.PickMine"/>; absent until the user picks.</summary>
        public string? Pick { get; set; }
    }

    public sealed class ExplanationInput
    {
        public string? Key { get; set; }

        public string? Value { get; set; }
    }

    /// <summary>Input shape only (is it a number, a whole one, not negative); the balance rules are the domain's.</summary>
    public static class InputValidator
    {
        public static (ReportDocument Document, IReadOnlyList<(string Key, string Message)> Errors) Parse(InputModel input, TemplateDefinition definition, ReportDocument saved)
        {
            var document = new ReportDocument(definition, saved.Year, saved.Agency, string.IsNullOrWhiteSpace(input.Title) ? saved.Title : input.Title.Trim());
            var errors = new List<(string, string)>();

            if (document.Title.Length > AnnualReport.TitleMaxLength)
            {
                errors.Add(("Input.Title", $"标题不能超过{AnnualReport.TitleMaxLength}字。"));
            }

            foreach (var section in definition.Sections)
            {
                var text = input.Sections.GetValueOrDefault(section.Key)?.Replace("\r\n", "\n", StringComparison.Ordinal) ?? string.Empty;
                if (text.Length > AnnualReport.SectionTextMaxLength)
                {
                    errors.Add(($"Input.Sections[{section.Key}]", $"“{section.Heading}”正文不能超过{AnnualReport.SectionTextMaxLength}字。"));
                }

                if (text.Trim().Length > 0)
                {
                    document.Sections[section.Key] = text;
                }
            }

            foreach (var cell in definition.Cells)
            {
                var raw = input.Cells.GetValueOrDefault(cell.Code);
                if (string.IsNullOrWhiteSpace(raw))
                {
                    continue;
                }

                var read = CellText.Read(cell, raw);
                if (read.IsRefused)
                {
                    errors.Add(($"{InputModel.CellPrefix}[{cell.Code}]", read.Error!));
                    continue;
                }

                document.Cells[cell.Code] = read.Value!.Value;
            }

            for (var i = 0; i < input.Explanations.Count; i++)
            {
                if (input.Explanations[i].Value is { Length: > AnnualReport.ReasonMaxLength })
                {
                    errors.Add(($"Input.Explanations[{i}].Value", $"说明不能超过{AnnualReport.ReasonMaxLength}字。"));
                }
            }

            foreach (var (key, text) in input.CarryReasons)
            {
                if (text is { Length: > AnnualReport.ReasonMaxLength })
                {
                    errors.Add(($"Input.CarryReasons[{key}]", $"修改原因不能超过{AnnualReport.ReasonMaxLength}字。"));
                }
            }

            return (document, errors);
        }
    }
}
