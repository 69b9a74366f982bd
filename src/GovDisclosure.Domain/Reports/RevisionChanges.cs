using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Reports;

/// <summary>One cell whose shown value differs between two revisions; a null side is a blank.</summary>
/// <param name="Code">The cell code.</param>
/// <param name="DisplayName">The cell as people name it, e.g. 「三（一）本年新收政府信息公开申请数量 — 自然人」.</param>
/// <param name="Old">The value shown before the correction, formatted as the report shows it; null for a blank.</param>
/// <param name="New">The value shown after it; null for a blank.</param>
public sealed record CellChange(string Code, string DisplayName, string? Old, string? New);

/// <summary>
/// The facts of a correction that the corrected revision must state (its 更正说明): which revision it is,
/// when and why it was corrected, every cell whose shown value changed (derived totals included, since the
/// reader sees them), and the headings of the sections whose text changed.
/// </summary>
public sealed record RevisionChanges(
    int Revision,
    DateOnly Date,
    string Reason,
    IReadOnlyList<CellChange> Cells,
    IReadOnlyList<string> ChangedSections)
{
    /// <summary>Compares what a reader saw in <paramref name="previous"/> with what they see in <paramref name="current"/>, in template order.</summary>
    public static RevisionChanges Between(ReportDocument previous, ReportDocument current, int revision, DateOnly date, string reason)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = ReportTotals.Shown(previous);
        var after = ReportTotals.Shown(current);
        var cells = new List<CellChange>();
        foreach (var cell in current.Definition.Cells)
        {
            var old = before.TryGetValue(cell.Code, out var o) ? o : (decimal?)null;
            var now = after.TryGetValue(cell.Code, out var n) ? n : (decimal?)null;
            if (old != now)
            {
                cells.Add(new CellChange(cell.Code, cell.DisplayName, Format(cell, old), Format(cell, now)));
            }
        }

        var sections = current.Definition.Sections
            .Where(s => Normalise(previous.SectionText(s.Key)) != Normalise(current.SectionText(s.Key)))
            .Select(s => s.Heading)
            .ToList();
        return new RevisionChanges(revision, date, reason.Trim(), cells, sections);
    }

    private static string? Format(CellDefinition cell, decimal? value) =>
        value is null ? null : InterchangeJson.FormatValue(cell.Kind, value.Value);

    // Line endings and trailing spaces differ between editors and importers without changing what is said.
    private static string Normalise(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim();
}
