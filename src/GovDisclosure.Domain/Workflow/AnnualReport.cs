using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Workflow;

/// <summary>
/// One agency's report for one year, through all its revisions. It guards its own state: content
/// that breaks a balance rule is never accepted, every transition is checked and audited, and a
/// published revision stays public (in <see cref="Publication"/>) while a correction is drafted.
/// </summary>
public sealed class AnnualReport
{
    public const int TitleMaxLength = 200;
    public const int ReasonMaxLength = 2000;
    public const int SectionTextMaxLength = 100_000;

    private readonly List<AuditEntry> auditTrail = [];
    private Dictionary<string, decimal> cells = new(StringComparer.Ordinal);
    private Dictionary<string, string> sections = new(StringComparer.Ordinal);
    private Dictionary<string, string> explanations = new(StringComparer.Ordinal);
    private Dictionary<string, decimal> carriedValues = new(StringComparer.Ordinal);
    private HashSet<string> unknownCells = new(StringComparer.Ordinal);
    private string approvalChain = string.Empty;

    private AnnualReport()
    {
    }

    public int Id { get; private set; }

    public int AgencyId { get; private set; }

    public Agency? Agency { get; private set; }

    public int Year { get; private set; }

    public TemplateVersion Template { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public ReportState State { get; private set; }

    /// <summary>
    /// Portal reports always satisfy the balance rules; an imported historical report keeps the source's numbers as
    /// published and therefore can never be edited, submitted, reviewed or corrected on the portal.
    /// </summary>
    public ReportOrigin Origin { get; private set; }

    /// <summary>The revision being worked on (1 for the first publication, 2 for the first correction…).</summary>
    public int Revision { get; private set; }

    /// <summary>The newest revision the public can read; null until the first publication.</summary>
    public int? PublishedRevision { get; private set; }

    /// <summary>Why this revision corrects a published one; null for revision 1.</summary>
    public string? CorrectionReason { get; private set; }

    public string? SubmittedById { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? ApprovedById { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>
    /// The levels this submission goes through, copied from the chain in force when it was submitted
    /// (<see cref="ApprovalChain"/>); the default single level for a report submitted before chains existed.
    /// </summary>
    public IReadOnlyList<ApprovalLevel> ApprovalLevels => ApprovalChain.Decode(approvalChain);

    /// <summary>The index in <see cref="ApprovalLevels"/> of the level a submitted report waits at (0 = the first).</summary>
    public int ApprovalStep { get; private set; }

    /// <summary>The level a submitted report waits at; null when it waits for no reviewer.</summary>
    public ApprovalLevel? PendingLevel => State == ReportState.Submitted ? ApprovalLevels[Math.Min(ApprovalStep, ApprovalLevels.Count - 1)] : null;

    /// <summary>Where the report is on its way: 草稿, 待本机关审核, 待政府办审核, 已通过, 已发布…</summary>
    public string ApprovalStatus => PendingLevel is { } level ? $"待{level.Name}" : State.DisplayName();

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint RowVersion { get; private set; }

    /// <summary>Cells by code as the agency wrote them (blank = absent).</summary>
    public IReadOnlyDictionary<string, decimal> Cells => cells;

    /// <summary>Narrative text by section key.</summary>
    public IReadOnlyDictionary<string, string> Sections => sections;

    /// <summary>The 说明 written for each warning, by <see cref="Finding.Key"/>.</summary>
    public IReadOnlyDictionary<string, string> Explanations => explanations;

    /// <summary>Values carried over from last year's report when this one was started (上年结转, 现行有效件数).</summary>
    public IReadOnlyDictionary<string, decimal> CarriedValues => carriedValues;

    /// <summary>
    /// Cells the source of an imported historical report had but the importer could not read: kept apart from blank
    /// ones so that, read back from the database, a rule that needs them says it could not check (W_UNCHECKED) instead
    /// of counting them as 0. Always empty for a portal report, whose every cell is typed.
    /// </summary>
    public IReadOnlyCollection<string> UnknownCells => unknownCells;

    /// <summary>New audit lines are added here; the trail is append-only.</summary>
    public IReadOnlyList<AuditEntry> AuditTrail => auditTrail;

    /// <summary>
    /// Starts a report for a year. The year's template (<paramref name="catalog"/>, the default one unless given)
    /// says which of last year's cells carry over (<see cref="TemplateDefinition.CarryOvers"/>): 结转下年度 become
    /// 上年结转, across a change of template too, and 现行有效件数 carry forward where both templates count them.
    /// </summary>
    public static AnnualReport Start(Agency agency, int year, Actor actor, DateTimeOffset now, ReportDocument? previousYear = null, TemplateCatalog? catalog = null)
    {
        var definition = (catalog ?? TemplateCatalog.Default).ForYear(year);
        var template = definition.Version;
        var report = new AnnualReport
        {
            Agency = agency,
            AgencyId = agency.Id,
            Year = year,
            Template = template,
            Title = $"{agency.Name}{year}年政府信息公开工作年度报告",
            State = ReportState.Draft,
            Revision = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };

        if (previousYear is not null && previousYear.Year == year - 1)
        {
            foreach (var carry in definition.CarryOvers)
            {
                if (previousYear.Definition.HasCell(carry.PreviousCell) && previousYear.Cells.Get(carry.PreviousCell) is { } value)
                {
                    report.carriedValues[carry.Cell] = value;
                }
            }

            foreach (var (code, value) in report.carriedValues)
            {
                report.cells[code] = value;
            }
        }

        report.Audit(actor, now, AuditActions.Created,
            report.carriedValues.Count == 0 ? $"新建{year}年度报告" : $"新建{year}年度报告，已带入上年结转数据{report.carriedValues.Count}项");
        return report;
    }

    /// <summary>
    /// 历史报告，据原文导入: a past report recorded as it was published, unbalanced numbers included (the rules' errors
    /// are shown beside them, never used to refuse), with its original file. It skips review (it was published
    /// long ago); it waits as 已通过 for <see cref="Publish"/>, and the operator who imported it is in the audit trail.
    /// </summary>
    /// <returns>The report and the original file to store with it.</returns>
    public static (AnnualReport Report, HistoricalSource Source) ImportHistory(
        Agency agency, ReportDocument content, IReadOnlyList<Finding> importFindings, string fileName, string contentType, byte[] original,
        Actor actor, DateTimeOffset now, TemplateCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(importFindings);
        var definition = (catalog ?? TemplateCatalog.Default).Get(content.Template);
        var title = string.IsNullOrWhiteSpace(content.Title) ? $"{agency.Name}{content.Year}年政府信息公开工作年度报告" : content.Title.Trim();
        var report = new AnnualReport
        {
            Agency = agency,
            AgencyId = agency.Id,
            Year = content.Year,
            Template = content.Template,
            Origin = ReportOrigin.ImportedHistory,
            Title = title[..Math.Min(title.Length, TitleMaxLength)],
            State = ReportState.Approved,
            Revision = 1,
            ApprovedById = actor.UserId,
            ApprovedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };

        foreach (var cell in definition.Cells)
        {
            if (content.Cells.Get(cell.Code) is { } value)
            {
                report.cells[cell.Code] = value;
            }
            else if (content.Cells.IsUnknown(cell.Code))
            {
                report.unknownCells.Add(cell.Code);
            }
        }

        foreach (var key in SectionKeys.All)
        {
            var text = (content.Sections.GetValueOrDefault(key) ?? string.Empty).Trim();
            if (text.Length > 0)
            {
                report.sections[key] = text.Length > SectionTextMaxLength ? text[..SectionTextMaxLength] : text;
            }
        }

        var source = new HistoricalSource(report, fileName, contentType, original, importFindings.Select(ImportFinding).ToList(), actor, now);
        report.Audit(actor, now, AuditActions.ImportedHistory,
            $"据原文导入历史报告（{source.FileName}，SHA-256 {source.Sha256}，{report.cells.Count}个单元格，导入提示{importFindings.Count}条）");
        return (report, source);
    }

    /// <summary>
    /// The importer's findings are about the source (a row it could not place), not facts a rule can reword later:
    /// their sentence is kept as the term <see cref="PublishedFinding.ImportMessageTerm"/>.
    /// </summary>
    private static PublishedFinding ImportFinding(Finding finding)
    {
        var published = PublishedFinding.From(finding, null);
        var terms = new Dictionary<string, string>(published.Terms, StringComparer.Ordinal) { [PublishedFinding.ImportMessageTerm] = finding.Message };
        return published with { Terms = terms };
    }

    /// <summary>
    /// The report as an interchange document, in its template's definition from <paramref name="catalog"/>: the entity
    /// stores only the template's key, so whoever loads it says which catalogue the key belongs to (the national one unless given).
    /// </summary>
    public ReportDocument ToDocument(string agencyName, TemplateCatalog? catalog = null)
    {
        var doc = new ReportDocument((catalog ?? TemplateCatalog.Default).Get(Template), Year, agencyName, Title);
        foreach (var (key, text) in sections)
        {
            doc.Sections[key] = text;
        }

        foreach (var (code, value) in cells)
        {
            doc.Cells[code] = value;
        }

        foreach (var code in unknownCells)
        {
            doc.Cells.MarkUnknown(code);
        }

        return doc;
    }

    /// <summary>
    /// Replaces the content. Refused (with every error finding) when any balance rule breaks, so the
    /// database never holds an unbalanced report. Each changed cell and text is audited with old and
    /// new value; a changed carried-over value needs a reason.
    /// </summary>
    /// <returns>The findings of the accepted content (warnings only).</returns>
    public IReadOnlyList<Finding> UpdateContent(
        ReportDocument content,
        IReadOnlyDictionary<string, string> explanationsByFinding,
        IReadOnlyDictionary<string, string> carryOverReasons,
        Actor actor,
        DateTimeOffset now,
        ReportDocument? previousYear = null,
        IReadOnlyList<Similarity.CopiedSection>? copies = null)
    {
        EnsurePortal("修改");
        EnsureState(State.IsEditable(), "修改");
        if (content.Template != Template || content.Year != Year)
        {
            throw new DomainException($"内容的格式或年度与本报告（{Year}年，{ReportTemplates.Get(Template).Name}）不一致。");
        }

        var findings = Check(content, previousYear, copies: copies);
        var errors = findings.Where(f => f.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new ReportRejectedException(errors);
        }

        // The content's own definition (its key is this report's, checked above), so a template from any catalogue is audited cell by cell.
        var definition = content.Definition;
        var missingReasons = carriedValues
            .Where(c => content.Cells.Get(c.Key) != c.Value && string.IsNullOrWhiteSpace(carryOverReasons.GetValueOrDefault(c.Key)))
            .Where(c => cells.GetValueOrDefault(c.Key, decimal.MinValue) != content.Cells.Get(c.Key))
            .Select(c => definition.Cell(c.Key).DisplayName)
            .ToList();
        if (missingReasons.Count > 0)
        {
            throw new DomainException($"修改从上年带入的数据需要填写原因：{string.Join("；", missingReasons)}");
        }

        foreach (var cell in definition.Cells)
        {
            var old = cells.TryGetValue(cell.Code, out var o) ? o : (decimal?)null;
            var updated = content.Cells.Get(cell.Code);
            if (old == updated)
            {
                continue;
            }

            var isCarried = carriedValues.ContainsKey(cell.Code);
            var reason = isCarried ? carryOverReasons.GetValueOrDefault(cell.Code) : null;
            Audit(actor, now, isCarried ? AuditActions.CarryOverChanged : AuditActions.CellChanged,
                $"{cell.DisplayName}：{Show(cell, old)} → {Show(cell, updated)}{(string.IsNullOrWhiteSpace(reason) ? string.Empty : $"（原因：{reason.Trim()}）")}",
                cell.Code, Show(cell, old), Show(cell, updated));
            if (updated is null)
            {
                cells.Remove(cell.Code);
            }
            else
            {
                cells[cell.Code] = updated.Value;
            }
        }

        foreach (var key in SectionKeys.All)
        {
            var old = sections.GetValueOrDefault(key) ?? string.Empty;
            var updated = (content.Sections.GetValueOrDefault(key) ?? string.Empty).Trim();
            if (updated.Length > SectionTextMaxLength)
            {
                throw new DomainException($"第{definition.Section(key).Ordinal}部分正文不能超过{SectionTextMaxLength}字。");
            }

            if (old == updated)
            {
                continue;
            }

            // The whole old and new text, so the history shows what was said, not only that it changed.
            Audit(actor, now, AuditActions.TextChanged, $"修改“{definition.Section(key).Heading}”正文（{old.Length}字 → {updated.Length}字）",
                oldValue: old, newValue: updated);
            if (updated.Length == 0)
            {
                sections.Remove(key);
            }
            else
            {
                sections[key] = updated;
            }
        }

        var warningKeys = findings.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var newExplanations = explanationsByFinding
            .Where(e => warningKeys.Contains(e.Key) && !string.IsNullOrWhiteSpace(e.Value))
            .ToDictionary(e => e.Key, e => e.Value.Trim(), StringComparer.Ordinal);
        foreach (var (key, text) in newExplanations)
        {
            if (text.Length > ReasonMaxLength)
            {
                throw new DomainException($"说明不能超过{ReasonMaxLength}字。");
            }

            var previous = explanations.GetValueOrDefault(key);
            if (previous != text)
            {
                Audit(actor, now, AuditActions.ExplanationChanged,
                    previous is null ? $"填写说明（{key}）：{text}" : $"修改说明（{key}）：{previous} → {text}", oldValue: previous, newValue: text);
            }
        }

        foreach (var (key, text) in explanations.Where(e => !newExplanations.ContainsKey(e.Key)))
        {
            Audit(actor, now, AuditActions.ExplanationRemoved, $"删除说明（{key}）：{text}", oldValue: text);
        }

        explanations = newExplanations;
        var title = content.Title?.Trim() ?? string.Empty;
        title = title[..Math.Min(title.Length, TitleMaxLength)];
        if (title.Length > 0 && title != Title)
        {
            Audit(actor, now, AuditActions.TitleChanged, $"修改标题：{Title} → {title}", oldValue: Title, newValue: title);
            Title = title;
        }

        UpdatedAt = now;
        return findings;
    }

    /// <summary>
    /// What the rules say about <paramref name="content"/> as this agency's report: the saved content or what a
    /// filler has just typed. Saving, submitting, the editor, the preview and the review page all ask here, so
    /// they can never disagree about which warnings need a 说明 (the agency's kind decides the 规章 rule).
    /// </summary>
    /// <param name="content">The report's content, saved or as typed.</param>
    /// <param name="previousYear">Last year's published report, for the cross-year rules.</param>
    /// <param name="whileEditing">The editor's view while filling in: untouched tables are not yet blanks (<see cref="CheckContext.WhileEditing"/>).</param>
    /// <param name="copies">What the 雷同 check found (W_COPY); null when the caller did not run it.</param>
    public IReadOnlyList<Finding> Check(ReportDocument content, ReportDocument? previousYear, bool whileEditing = false, IReadOnlyList<Similarity.CopiedSection>? copies = null) =>
        ReportChecker.Check(new CheckContext(content) { Previous = previousYear, Agency = Agency?.Profile, WhileEditing = whileEditing, Copies = copies ?? [] });

    /// <summary>
    /// Submits the revision for review. Every warning needs a written 说明 that the reviewer will see. The
    /// submission follows <paramref name="chain"/> (the default single level when null) from its first level,
    /// whatever levels an earlier submission had passed. <paramref name="catalog"/> holds the report's template (<see cref="ToDocument"/>).
    /// </summary>
    public void Submit(
        Actor actor, DateTimeOffset now, string agencyName, ReportDocument? previousYear = null, IReadOnlyList<ApprovalLevel>? chain = null,
        IReadOnlyList<Similarity.CopiedSection>? copies = null, TemplateCatalog? catalog = null)
    {
        EnsurePortal("提交");
        EnsureState(State.IsEditable(), "提交");
        var findings = Check(ToDocument(agencyName, catalog), previousYear, copies: copies);
        if (findings.Any(f => f.IsError))
        {
            throw new ReportRejectedException(findings.Where(f => f.IsError).ToList());
        }

        var unexplained = findings.Where(f => string.IsNullOrWhiteSpace(explanations.GetValueOrDefault(f.Key))).ToList();
        if (unexplained.Count > 0)
        {
            throw new ReportRejectedException(unexplained, $"提交前请为每条警告填写说明（还有{unexplained.Count}条未说明）。");
        }

        State = ReportState.Submitted;
        approvalChain = chain is null ? string.Empty : ApprovalChain.Encode(ApprovalChain.Validate(chain));
        ApprovalStep = 0;
        SubmittedById = actor.UserId;
        SubmittedAt = now;
        ApprovedById = null;
        ApprovedAt = null;
        UpdatedAt = now;
        Audit(actor, now, AuditActions.Submitted, $"提交第{Revision}版审核");
    }

    /// <summary>撤回: the filler takes a submission back before a reviewer has acted on it.</summary>
    public void Withdraw(Actor actor, DateTimeOffset now)
    {
        EnsureState(State == ReportState.Submitted, "撤回");
        if (ApprovalStep > 0)
        {
            throw new DomainException($"报告已通过{ApprovalLevels[0].Name}，{ApprovalStatus}，不能撤回；如需修改请联系审核人退回。");
        }

        State = ReportState.Draft;
        UpdatedAt = now;
        Audit(actor, now, AuditActions.Withdrawn, $"撤回第{Revision}版");
    }

    /// <summary>
    /// 退回 with a reason. The reason comes back as a whole-report review comment for the caller to store, so the
    /// filler reads it with the cell comments; the audit entry for the return already carries it.
    /// </summary>
    public ReviewComment Return(Actor actor, DateTimeOffset now, string summary)
    {
        EnsurePortal("退回");
        EnsureState(State is ReportState.Submitted or ReportState.Approved, "退回");
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new DomainException("退回时请填写退回意见。");
        }

        var at = PendingLevel is { } level && ApprovalLevels.Count > 1 ? $"（{level.Name}）" : string.Empty;
        State = ReportState.Returned;
        ApprovalStep = 0;
        ApprovedById = null;
        ApprovedAt = null;
        UpdatedAt = now;
        Audit(actor, now, AuditActions.Returned, $"退回第{Revision}版{at}：{summary.Trim()}");
        return new ReviewComment(this, actor, now, summary.Trim(), null, null);
    }

    /// <summary>
    /// 审核通过 at the level the report waits at. Only a reviewer that level admits may approve there, and whoever
    /// submitted the revision never may. The last level makes the report 已通过 (publishable, and locked against
    /// editing until a correction is opened); an earlier one passes it on to the next level.
    /// </summary>
    /// <returns>True when this was the last level.</returns>
    public bool Approve(Actor actor, DateTimeOffset now)
    {
        EnsureState(State == ReportState.Submitted, "审核通过");
        if (actor.UserId == SubmittedById)
        {
            throw new DomainException("提交人不能审核通过自己提交的报告。");
        }

        var levels = ApprovalLevels;
        var level = PendingLevel!;
        if (!level.Admits(actor, AgencyId))
        {
            throw new DomainException($"报告当前{ApprovalStatus}，应由{level.ScopeDisplayName}审核。");
        }

        UpdatedAt = now;
        if (ApprovalStep < levels.Count - 1)
        {
            ApprovalStep++;
            Audit(actor, now, AuditActions.LevelApproved, $"第{Revision}版{level.Name}通过，转{levels[ApprovalStep].Name}");
            return false;
        }

        State = ReportState.Approved;
        ApprovedById = actor.UserId;
        ApprovedAt = now;
        Audit(actor, now, AuditActions.Approved, levels.Count > 1 ? $"第{Revision}版{level.Name}通过，各级审核均已通过" : $"第{Revision}版审核通过");
        return true;
    }

    /// <summary>Whether <paramref name="actor"/> may act on this report now: it waits at a level that admits them.</summary>
    public bool AwaitsReviewBy(Actor actor) =>
        PendingLevel is { } level && level.Admits(actor, AgencyId) && actor.UserId != SubmittedById;

    /// <summary>
    /// Marks the approved revision published. The caller stores the <see cref="Publication"/> in the
    /// same transaction, so state, PDF, hash, snapshot, findings and audit commit together or not at all.
    /// The warnings are found here, against <paramref name="previousYear"/> as it stands now, and published with
    /// their 说明: the public site shows these and never runs the rules itself.
    /// </summary>
    /// <param name="previousYear">Last year's published report (for the cross-year rules), or null when there is none.</param>
    /// <param name="source">A historical report's original file: its import findings and every rule finding, errors included, are published.</param>
    public Publication Publish(Actor actor, DateTimeOffset now, string agencyName, byte[] pdf, string interchangeJson, ReportDocument? previousYear, HistoricalSource? source = null)
    {
        EnsureState(State == ReportState.Approved, "发布");
        if ((Origin == ReportOrigin.ImportedHistory) != (source is not null))
        {
            throw new DomainException(source is null ? "历史报告须与原文一同发布。" : "只有据原文导入的历史报告才附原文发布。");
        }

        var checkedFindings = Check(ToDocument(agencyName), previousYear);
        var findings = source is null
            ? PublishedFinding.ForPublication(checkedFindings, explanations)
            : source.ImportFindings.Concat(checkedFindings.Select(f => PublishedFinding.From(f, null))).ToList();
        var publication = new Publication(this, agencyName, actor, now, pdf, interchangeJson, findings);
        State = ReportState.Published;
        PublishedRevision = Revision;
        UpdatedAt = now;
        Audit(actor, now, AuditActions.Published, $"发布第{Revision}版（PDF SHA-256 {publication.PdfSha256}）");
        return publication;
    }

    /// <summary>更正: opens the next revision as a draft. The published revision stays public until the correction is published.</summary>
    public void OpenCorrection(Actor actor, DateTimeOffset now, string reason)
    {
        EnsurePortal("发起更正");
        EnsureState(State == ReportState.Published, "发起更正");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("发起更正时请填写更正原因，它将与更正后的报告一同公开。");
        }

        if (reason.Length > ReasonMaxLength)
        {
            throw new DomainException($"更正原因不能超过{ReasonMaxLength}字。");
        }

        Revision++;
        State = ReportState.Draft;
        ApprovalStep = 0;
        CorrectionReason = reason.Trim();
        SubmittedById = null;
        SubmittedAt = null;
        ApprovedById = null;
        ApprovedAt = null;
        UpdatedAt = now;
        Audit(actor, now, AuditActions.CorrectionOpened, $"发起第{Revision}版更正：{CorrectionReason}");
    }

    /// <summary>Records a reviewer's comment in the trail (the comment itself is a <see cref="ReviewComment"/>).</summary>
    public ReviewComment Comment(Actor actor, DateTimeOffset now, string text, string? sectionKey, string? cellCode)
    {
        var comment = new ReviewComment(this, actor, now, text, sectionKey, cellCode);
        Audit(actor, now, AuditActions.Commented, $"审核意见{(cellCode is null ? string.Empty : $"（{ReportTemplates.Get(Template).Cell(cellCode).DisplayName}）")}：{comment.Text}", cellCode);
        return comment;
    }

    private void EnsurePortal(string operation)
    {
        if (Origin == ReportOrigin.ImportedHistory)
        {
            throw new DomainException($"这是历史报告，据原文导入，保留原文数据，不能{operation}。");
        }
    }

    private void EnsureState(bool allowed, string operation)
    {
        if (!allowed)
        {
            throw new DomainException($"报告当前状态为“{State.DisplayName()}”，不能{operation}。");
        }
    }

    private void Audit(Actor actor, DateTimeOffset now, string action, string detail, string? cellCode = null, string? oldValue = null, string? newValue = null) =>
        auditTrail.Add(new AuditEntry(actor, now, action, AgencyId, Id == 0 ? null : Id, Revision, detail, cellCode, oldValue, newValue) { });

    private static string Show(CellDefinition cell, decimal? value) =>
        value is null ? "（空）" : InterchangeJson.FormatValue(cell.Kind, value.Value);
}

/// <summary>Content refused because of rule findings. The page shows every finding at its cell and keeps the input.</summary>
public sealed class ReportRejectedException(IReadOnlyList<Finding> findings, string? message = null)
    : DomainException(message ?? $"报告有{findings.Count}处不符合勾稽关系，未保存。")
{
    public IReadOnlyList<Finding> Findings { get; } = findings;
}
