using System.Globalization;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Web.Pages.Shared.Report;

public enum ReportTableMode
{
    /// <summary>Figures as published: the public view, the preview and the reviewer's page.</summary>
    ReadOnly,

    /// <summary>One named input per cell: the editor.</summary>
    Input,
}

/// <summary>The links from a finding to its cells (<c>_FindingCellLinks.cshtml</c>), each labelled with <paramref name="Prefix"/>.</summary>
public sealed record FindingCellLinks(IReadOnlyList<string> Codes, TemplateDefinition Template, string Prefix = "");

/// <summary>A review comment shown at its cell (or section) in the editor and on the review page.</summary>
/// <param name="Status">For a resubmitted revision: whether the part the comment names was changed since the return (已修改 / 未修改).</param>
public sealed record CellNote(int Id, string? CellCode, string? SectionKey, string Text, string AuthorName, DateTimeOffset At, string? Status = null)
{
    public static IReadOnlyList<CellNote> From(IEnumerable<ReportNote> notes) =>
        notes.Select(n => new CellNote(n.Id, n.CellCode, n.SectionKey, n.Text, n.AuthorName, n.At)).ToList();
}

/// <summary>
/// What <c>_ReportTable.cshtml</c> draws: one table of a template exactly as its grid says (merged headers,
/// row labels, data cells), either read-only or as inputs. Public and staff pages share it so that the
/// layout lives in the template definition only.
/// </summary>
public sealed class ReportTableModel
{
    public required TemplateDefinition Template { get; init; }

    public required TableDefinition Table { get; init; }

    public ReportTableMode Mode { get; init; } = ReportTableMode.ReadOnly;

    /// <summary>What each cell shows: the user's raw text in input mode, the formatted value when read-only.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Blank totals computed from their parts; shown as a placeholder (input) or marked as computed (read-only).</summary>
    public IReadOnlyDictionary<string, decimal> Derived { get; init; } = new Dictionary<string, decimal>();

    /// <summary>All findings of the report; a finding's element id is <see cref="FindingId"/> of its index.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Input-shape errors by cell code (non-numeric, fraction in a count…).</summary>
    public IReadOnlyDictionary<string, string> CellErrors { get; init; } = new Dictionary<string, string>();

    /// <summary>Cells carried over from last year, with the carried value.</summary>
    public IReadOnlyDictionary<string, decimal> Carried { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Why a carried value was changed, by cell code (input mode).</summary>
    public IReadOnlyDictionary<string, string> CarryReasons { get; init; } = new Dictionary<string, string>();

    /// <summary>Last year's values, for the side-by-side comparison; null hides it.</summary>
    public IReadOnlyDictionary<string, decimal>? Previous { get; init; }

    public IReadOnlyList<CellNote> Notes { get; init; } = [];

    /// <summary>Read-only mode: a link for a figure (the public region summary links each sum to its contributors); null for none.</summary>
    public Func<string, string?>? CellHref { get; init; }

    /// <summary>Read-only mode on the review page: every cell is a link that opens the comment box for that cell; null for none.</summary>
    public Func<string, string>? CommentHref { get; init; }

    /// <summary>Cells changed since the reviewer returned the report, with the value the reviewer saw (null = blank).</summary>
    public IReadOnlyDictionary<string, string?> ChangedFrom { get; init; } = new Dictionary<string, string?>();

    /// <summary>Form field prefix for the cell inputs: <c>{prefix}[{code}]</c>.</summary>
    public string FieldPrefix { get; init; } = "Input.Cells";

    public string CarryReasonPrefix { get; init; } = "Input.CarryReasons";

    /// <summary>The standard sentence 本表无数据 writes for a table with nothing to report; the user may edit it.</summary>
    public const string NoDataText = "本年度无此类情况。";

    public static string CellId(string code) => "cell-" + code;

    public static string FindingId(int index) => "finding-" + index.ToString(CultureInfo.InvariantCulture);

    public static string NoteId(int id) => "note-" + id.ToString(CultureInfo.InvariantCulture);

    public static string ErrorId(string code) => "error-" + code;

    public IEnumerable<int> FindingIndexesFor(string code) =>
        Findings.Select((f, i) => (f, i)).Where(x => x.f.CellCodes.Contains(code)).Select(x => x.i);

    public IEnumerable<CellNote> NotesFor(string code) => Notes.Where(n => n.CellCode == code);

    /// <summary>The ids that describe a cell: its input error, its findings and the comments on it.</summary>
    public string? DescribedBy(string code)
    {
        var ids = new List<string>();
        if (CellErrors.ContainsKey(code))
        {
            ids.Add(ErrorId(code));
        }

        ids.AddRange(FindingIndexesFor(code).Select(FindingId));
        ids.AddRange(NotesFor(code).Select(n => NoteId(n.Id)));
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public bool IsInvalid(string code) => CellErrors.ContainsKey(code) || FindingIndexesFor(code).Any(i => Findings[i].IsError);

    public bool HasWarning(string code) => FindingIndexesFor(code).Any(i => !Findings[i].IsError);

    /// <summary>The parts of the sum whose total this cell is, for the live totals in editor.js.</summary>
    public string? SumParts(string code) =>
        Template.Sums.FirstOrDefault(s => s.Total == code) is { } rule ? string.Join(' ', rule.Parts) : null;

    public string Placeholder(string code) =>
        Derived.TryGetValue(code, out var value) ? Format(Template.Cell(code), value) : string.Empty;

    public string Show(string code) =>
        Values.TryGetValue(code, out var text) && text.Length > 0 ? text
        : Derived.TryGetValue(code, out var derived) ? Format(Template.Cell(code), derived)
        : string.Empty;

    public decimal? PreviousValue(string code) => Previous is not null && Previous.TryGetValue(code, out var v) ? v : null;

    /// <summary>A change a reviewer should look at: at least half again or half less, and at least 10 in absolute terms.</summary>
    public bool IsLargeChange(string code, decimal? current)
    {
        if (PreviousValue(code) is not { } previous || current is null)
        {
            return false;
        }

        var delta = Math.Abs(current.Value - previous);
        return delta >= 10 && (previous == 0 || delta / Math.Abs(previous) >= 0.5m);
    }

    public decimal? CurrentValue(string code) =>
        Values.TryGetValue(code, out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v
        : Derived.TryGetValue(code, out var d) ? d
        : null;

    public static string Format(CellDefinition cell, decimal value) => InterchangeJson.FormatValue(cell.Kind, value);

    /// <summary>The read-only values of a document: what was written, formatted as the interchange form spells it.</summary>
    public static Dictionary<string, string> FormatAll(ReportDocument document) =>
        document.Definition.Cells
            .Where(c => document.Cells.Get(c.Code) is not null)
            .ToDictionary(c => c.Code, c => Format(c, document.Cells[c.Code]), StringComparer.Ordinal);
}
