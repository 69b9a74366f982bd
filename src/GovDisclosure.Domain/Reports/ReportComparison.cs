using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Reports;

/// <summary>
/// What changed between two revisions of a report: the cells whose written value differs (blank is not 0), grouped by
/// the table they sit in, and each section's text as a sentence-level diff. Read from the documents alone, so the
/// public comparison page and a correction note can say the same thing.
/// </summary>
public sealed record ReportComparison(IReadOnlyList<ReportComparison.TableChanges> Tables, IReadOnlyList<ReportComparison.SectionChanges> Sections)
{
    public sealed record CellChange(CellDefinition Cell, decimal? Before, decimal? After);

    public sealed record TableChanges(SectionDefinition Section, TableDefinition Table, IReadOnlyList<CellChange> Cells);

    public sealed record SectionChanges(SectionDefinition Section, IReadOnlyList<TextDiff.Piece> Text)
    {
        public bool Changed => Text.Any(p => p.Kind != TextDiff.Kind.Same);
    }

    public int ChangedCells => Tables.Sum(t => t.Cells.Count);

    public static ReportComparison Between(ReportDocument before, ReportDocument after)
    {
        // The newer revision's definition lays out the page; a revision of one report keeps its year's template.
        var definition = after.Definition;
        var tables = definition.Sections
            .SelectMany(s => s.Tables.Select(t => new TableChanges(s, t, t.Rows.SelectMany(r => r.Cells)
                .Select(c => new CellChange(c, before.Cells.Get(c.Code), after.Cells.Get(c.Code)))
                .Where(c => c.Before != c.After)
                .ToList())))
            .Where(t => t.Cells.Count > 0)
            .ToList();
        var sections = definition.Sections
            .Select(s => new SectionChanges(s, TextDiff.Sentences(before.SectionText(s.Key), after.SectionText(s.Key))))
            .ToList();
        return new ReportComparison(tables, sections);
    }
}

/// <summary>
/// A sentence-level diff (longest common subsequence over sentences ending in 。！？；or a line break): small enough to
/// read, and a sentence is the unit a reader of a corrected report compares. Texts of a few hundred sentences at most.
/// </summary>
public static class TextDiff
{
    public enum Kind
    {
        Same,
        Removed,
        Added,
    }

    public sealed record Piece(Kind Kind, string Text);

    public static IReadOnlyList<Piece> Sentences(string? before, string? after)
    {
        var a = Split(before ?? string.Empty);
        var b = Split(after ?? string.Empty);

        // lengths[i, j]: the LCS of a[i..] and b[j..].
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var pieces = new List<Piece>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                Add(pieces, Kind.Same, a[x++]);
                y++;
            }
            else if (x < a.Count && (y == b.Count || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                // The old sentence before the new one, as a reader expects 「旧 → 新」.
                Add(pieces, Kind.Removed, a[x++]);
            }
            else
            {
                Add(pieces, Kind.Added, b[y++]);
            }
        }

        return pieces;
    }

    private static void Add(List<Piece> pieces, Kind kind, string text)
    {
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new Piece(kind, text));
        }
    }

    private static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '！' or '？' or '；' or '\n')
            {
                sentences.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            sentences.Add(text[start..]);
        }

        return sentences;
    }
}
