using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Workflow;

/// <summary>An earlier review comment on a resubmitted revision, and whether the part it names changed since the return (null: a whole-report comment).</summary>
public sealed record CommentSinceReturn(ReviewComment Comment, bool? Addressed);

/// <summary>
/// What a filler changed between the reviewer's 退回 and now: every cell old → new, the sections whose text changed,
/// and each comment made before the return with whether its cell or section was changed. Read from the audit trail,
/// which holds every change with its old value, so nothing has to be stored at the return itself.
/// </summary>
public sealed record ChangesSinceReturn(
    DateTimeOffset ReturnedAt,
    string ReturnedBy,
    IReadOnlyList<CellChange> Cells,
    IReadOnlyList<SectionDefinition> Sections,
    IReadOnlyList<CommentSinceReturn> Comments)
{
    /// <summary>Null when this revision was never returned.</summary>
    public static ChangesSinceReturn? Of(AnnualReport report, IReadOnlyList<AuditEntry> trail, IReadOnlyList<ReviewComment> comments)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(comments);
        var ordered = trail.Where(a => a.Revision == report.Revision).OrderBy(a => a.At).ThenBy(a => a.Id).ToList();
        var returned = ordered.LastOrDefault(a => a.Action == AuditActions.Returned);
        if (returned is null)
        {
            return null;
        }

        var since = ordered.Skip(ordered.IndexOf(returned) + 1).ToList();
        var definition = ReportTemplates.Get(report.Template);

        // The first change of each cell after the return holds the value the reviewer saw; the report holds the value now.
        var cells = new List<CellChange>();
        foreach (var cell in definition.Cells)
        {
            var first = since.FirstOrDefault(a => a.CellCode == cell.Code && a.Action is AuditActions.CellChanged or AuditActions.CarryOverChanged);
            if (first is null)
            {
                continue;
            }

            var old = first.OldValue is null or "（空）" ? null : first.OldValue;
            var now = report.Cells.TryGetValue(cell.Code, out var v) ? InterchangeJson.FormatValue(cell.Kind, v) : null;
            if (old != now)
            {
                cells.Add(new CellChange(cell.Code, cell.DisplayName, old, now));
            }
        }

        // A text change names its section by heading (AnnualReport.UpdateContent); compare the text before with the text now.
        var sections = definition.Sections.Where(s =>
            since.FirstOrDefault(a => a.Action == AuditActions.TextChanged && a.Detail.Contains($"“{s.Heading}”", StringComparison.Ordinal)) is { } first
            && (first.OldValue ?? string.Empty) != (report.Sections.GetValueOrDefault(s.Key) ?? string.Empty)).ToList();

        var changedCells = cells.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var changedSections = sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var earlier = comments.Where(c => c.Revision == report.Revision && c.CreatedAt <= returned.At)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentSinceReturn(c,
                c.CellCode is { } code ? changedCells.Contains(code)
                : c.SectionKey is { } key ? changedSections.Contains(key)
                : null))
            .ToList();
        return new ChangesSinceReturn(returned.At, returned.UserName, cells, sections, earlier);
    }
}
