using System.Text;
using System.Text.RegularExpressions;

namespace GovDisclosure.Import.Documents;

/// <summary>A table as rebuilt from a page: rows of cells with their grid column and spans.</summary>
internal sealed class TableModel
{
    public List<List<TableCellModel>> Rows { get; } = [];

    public int ColumnCount { get; init; }

    public double Top { get; init; }

    public double Bottom { get; set; }

    public int Page { get; init; }

    /// <summary>Rebuilt from positions alone (no ruling lines): its columns are value columns, its labels free cells.</summary>
    public bool Borderless { get; init; }

    /// <summary>The caption and header rows at its top, which a continuation on the next page repeats (or not).</summary>
    public int HeaderRows { get; init; }
}

internal sealed record TableCellModel(int Column, int ColSpan, int RowSpan)
{
    public StringBuilder Text { get; } = new();

    /// <summary>A row label (or a merged group label) of a table without lines, as opposed to one of its value cells.</summary>
    public bool IsLabel { get; init; }
}

/// <summary>A piece of a line between two gaps wide enough to part two table cells; its baseline is its first letter's.</summary>
internal readonly record struct Chunk(double Left, double Right, string Text, double Baseline);

/// <summary>A line of running text outside any table.</summary>
internal sealed record TextLine(string Text, double Left, double Right, double Baseline, double Size, int Page, List<Chunk> Chunks)
{
    public double Top => Baseline + Size;
}

/// <summary>Page layout to HTML: tables from ruling lines or from aligned text, prose from the lines between.</summary>
internal static partial class PdfLayout
{
    /// <summary>Ruling positions closer than this are one line (double borders, thick borders as two strokes).</summary>
    private const double Snap = 2.0;

    /// <summary>
    /// A gap wider than this many font sizes separates two cells of a table drawn without lines. Text
    /// inside a cell is set with gaps of at most a space (0.3); cells are padded on both sides.
    /// </summary>
    private const double CellGap = 0.8;

    /// <summary>
    /// Beside a CJK character the gap between two cells can be much narrower: CJK text inside a cell is set with
    /// no gap at all, while two narrow header cells of a table without lines («科研机» «社会公益») are apart only by
    /// their padding, 0.3–0.5 font sizes in LibreOffice and Word exports.
    /// </summary>
    private const double CjkCellGap = 0.25;

    public static string ToHtml(List<PdfPageText> pages, string? title)
    {
        var blocks = new List<object>();
        var lines = new List<TextLine>();
        var pageBlocks = new List<List<object>>();
        foreach (var page in pages)
        {
            var tables = LatticeTables(page, out var free);
            var pageLines = Lines(free).Select(l => ToTextLine(l, page.Number)).ToList();
            lines.AddRange(pageLines);
            var items = new List<object>();
            items.AddRange(tables);
            items.AddRange(pageLines);
            pageBlocks.Add(items);
        }

        var running = RunningLines(pages, lines);
        StreamColumns? open = null;
        foreach (var items in pageBlocks)
        {
            var kept = items.Where(i => i is not TextLine line || !running.Contains(line)).ToList();

            // A table without lines that ends a page lends its columns to the rows at the top of the next,
            // which may not repeat its header.
            var streamed = StreamTables(kept.OfType<TextLine>().ToList(), open);
            open = kept.OfType<TableModel>().Any(t => t.Top < streamed.OpenBottom) ? null : streamed.Open;
            kept = kept.Where(i => i is not TextLine line || !streamed.Consumed.Contains(line)).Concat(streamed.Tables).ToList();
            blocks.AddRange(kept.OrderByDescending(Top));
        }

        return Emit(MergeContinuedTables(blocks), lines.Where(l => !running.Contains(l)).ToList(), title);
    }

    private static double Top(object block) => block switch
    {
        TableModel t => t.Top,
        TextLine l => l.Top,
        _ => 0,
    };

    // ---- Tables from ruling lines ------------------------------------------------------------------

    private static List<TableModel> LatticeTables(PdfPageText page, out List<Glyph> free)
    {
        var tables = new List<TableModel>();
        var remaining = new List<Glyph>(page.Glyphs);
        foreach (var group in ConnectedRulings(page.Rulings))
        {
            var xs = Positions(group.Where(r => !r.Horizontal).Select(r => r.Position));
            var ys = Positions(group.Where(r => r.Horizontal).Select(r => r.Position));
            ys.Reverse();
            if (xs.Count < 2 || ys.Count < 2)
            {
                continue;
            }

            double left = xs[0], right = xs[^1], top = ys[0], bottom = ys[^1];
            var inside = remaining.Where(g => g.CenterX > left - 1 && g.CenterX < right + 1 && g.CenterY < top + 1 && g.CenterY > bottom - 1).ToList();
            if (inside.Count == 0 || xs.Count == 2)
            {
                // A box drawn around prose (or a single-column frame) is not a table: its text is read as prose.
                continue;
            }

            var table = Lattice(group, xs, ys, inside, page.Number);
            if (table is null)
            {
                continue;
            }

            tables.Add(table);
            remaining.RemoveAll(g => g.CenterX > left - 1 && g.CenterX < right + 1 && g.CenterY < top + 1 && g.CenterY > bottom - 1);
        }

        free = remaining;
        return tables;
    }

    private static TableModel? Lattice(List<Ruling> group, List<double> xs, List<double> ys, List<Glyph> glyphs, int page)
    {
        int rows = ys.Count - 1, columns = xs.Count - 1;
        if (rows * columns > 10_000)
        {
            return null;
        }

        var parent = Enumerable.Range(0, rows * columns).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Union(int a, int b) => parent[Find(a)] = Find(b);

        // Per grid line, the rulings drawn along it (within Snap), so each cell edge looks at those only.
        var vertical = xs.Select(x => group.Where(v => !v.Horizontal && Math.Abs(v.Position - x) <= Snap).ToArray()).ToArray();
        var horizontal = ys.Select(y => group.Where(h => h.Horizontal && Math.Abs(h.Position - y) <= Snap).ToArray()).ToArray();
        for (var r = 0; r < rows; r++)
        {
            var mid = (ys[r] + ys[r + 1]) / 2;
            for (var c = 0; c + 1 < columns; c++)
            {
                if (!Covers(vertical[c + 1], mid))
                {
                    Union((r * columns) + c, (r * columns) + c + 1);
                }
            }
        }

        for (var c = 0; c < columns; c++)
        {
            var mid = (xs[c] + xs[c + 1]) / 2;
            for (var r = 0; r + 1 < rows; r++)
            {
                if (!Covers(horizontal[r + 1], mid))
                {
                    Union((r * columns) + c, ((r + 1) * columns) + c);
                }
            }
        }

        var regions = new Dictionary<int, (int R0, int R1, int C0, int C1)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var root = Find((r * columns) + c);
                regions[root] = regions.TryGetValue(root, out var box)
                    ? (Math.Min(box.R0, r), Math.Max(box.R1, r), Math.Min(box.C0, c), Math.Max(box.C1, c))
                    : (r, r, c, c);
            }
        }

        var table = new TableModel { ColumnCount = columns, Top = ys[0], Bottom = ys[^1], Page = page };
        var cells = new Dictionary<int, TableCellModel>();
        for (var r = 0; r < rows; r++)
        {
            var row = new List<TableCellModel>();
            foreach (var (root, box) in regions.Where(p => p.Value.R0 == r).OrderBy(p => p.Value.C0))
            {
                var cell = new TableCellModel(box.C0, box.C1 - box.C0 + 1, box.R1 - box.R0 + 1);
                cells[root] = cell;
                row.Add(cell);
            }

            table.Rows.Add(row);
        }

        var byCell = new Dictionary<int, List<Glyph>>();
        foreach (var glyph in glyphs)
        {
            var r = Index(ys, glyph.CenterY, descending: true);
            var c = Index(xs, glyph.CenterX, descending: false);
            var root = Find((r * columns) + c);
            (byCell.TryGetValue(root, out var list) ? list : byCell[root] = []).Add(glyph);
        }

        foreach (var (root, list) in byCell)
        {
            cells[root].Text.Append(string.Join(string.Empty, Lines(list).Select(LineText).Aggregate(new StringBuilder(), JoinWrapped).ToString()));
        }

        // Rows left without any cell of their own (fully covered by spans) carry nothing.
        table.Rows.RemoveAll(r => r.Count == 0);
        return table;
    }

    /// <summary>Whether one of the rulings along a grid line runs past <paramref name="mid"/> (a cell edge is drawn there).</summary>
    private static bool Covers(Ruling[] along, double mid)
    {
        foreach (var ruling in along)
        {
            if (ruling.From - Snap <= mid && ruling.To + Snap >= mid)
            {
                return true;
            }
        }

        return false;
    }

    private static int Index(List<double> edges, double value, bool descending)
    {
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            if (descending ? value >= edges[i + 1] : value <= edges[i + 1])
            {
                return i;
            }
        }

        return edges.Count - 2;
    }

    private static List<double> Positions(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var value in values.Order())
        {
            if (result.Count > 0 && value - result[^1] <= Snap)
            {
                continue;
            }

            result.Add(value);
        }

        return result;
    }

    /// <summary>Rulings that touch or cross belong to one table.</summary>
    /// <remarks>
    /// Rulings only touch within <see cref="Snap"/> of each other across their length, so each is compared only
    /// with those near it: parallel ones at about the same position, and crossing ones whose position lies
    /// along its length, both found in position order. A table drawn as one rectangle per cell (the portal's
    /// PDFs) has 700 segments on a page, and comparing every pair was most of the table rebuild.
    /// </remarks>
    private static List<List<Ruling>> ConnectedRulings(List<Ruling> rulings)
    {
        var parent = Enumerable.Range(0, rulings.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Join(int a, int b)
        {
            if (Touch(rulings[a], rulings[b]))
            {
                parent[Find(a)] = Find(b);
            }
        }

        // A position that is not a number touches nothing, and would break the ordering below.
        int[] ByPosition(bool horizontal) => Enumerable.Range(0, rulings.Count)
            .Where(i => rulings[i].Horizontal == horizontal && !double.IsNaN(rulings[i].Position))
            .OrderBy(i => rulings[i].Position).ToArray();
        var horizontals = ByPosition(true);
        var verticals = ByPosition(false);
        foreach (var sorted in new[] { horizontals, verticals })
        {
            for (var a = 0; a < sorted.Length; a++)
            {
                for (var b = a + 1; b < sorted.Length && rulings[sorted[b]].Position - rulings[sorted[a]].Position <= Snap; b++)
                {
                    Join(sorted[a], sorted[b]);
                }
            }
        }

        var heights = horizontals.Select(i => rulings[i].Position).ToArray();
        foreach (var v in verticals)
        {
            var (low, high) = (rulings[v].From - Snap, rulings[v].To + Snap);
            int first = 0, last = heights.Length;
            while (first < last)
            {
                var mid = (first + last) / 2;
                if (heights[mid] < low)
                {
                    first = mid + 1;
                }
                else
                {
                    last = mid;
                }
            }

            for (var k = first; k < heights.Length && heights[k] <= high; k++)
            {
                Join(horizontals[k], v);
            }
        }

        return Enumerable.Range(0, rulings.Count).GroupBy(Find).Select(g => g.Select(i => rulings[i]).ToList())
            .Where(g => g.Count >= 4).ToList();
    }

    private static bool Touch(Ruling a, Ruling b)
    {
        if (a.Horizontal == b.Horizontal)
        {
            return Math.Abs(a.Position - b.Position) <= Snap && a.From <= b.To + Snap && b.From <= a.To + Snap;
        }

        var (h, v) = a.Horizontal ? (a, b) : (b, a);
        return v.Position >= h.From - Snap && v.Position <= h.To + Snap && h.Position >= v.From - Snap && h.Position <= v.To + Snap;
    }

    // ---- Lines of text -----------------------------------------------------------------------------

    /// <summary>Glyphs grouped into lines by baseline, with a tolerance from the font size, each line left to right.</summary>
    internal static List<List<Glyph>> Lines(List<Glyph> glyphs)
    {
        var lines = new List<List<Glyph>>();
        foreach (var glyph in glyphs.OrderByDescending(g => g.Baseline).ThenBy(g => g.Left))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line[0].Baseline - glyph.Baseline) <= 0.4 * Math.Max(line[0].Size, glyph.Size))
            {
                line.Add(glyph);
            }
            else
            {
                lines.Add([glyph]);
            }
        }

        foreach (var line in lines)
        {
            line.Sort((a, b) => a.Left.CompareTo(b.Left));
        }

        return lines;
    }

    internal static string LineText(List<Glyph> line) => string.Concat(Chunks(line, double.MaxValue).Select(c => c.Text));

    /// <summary>
    /// A line cut where the gap is wider than <paramref name="cellGap"/> font sizes. Within a chunk a space is
    /// written only between Latin letters or digits: CJK text has none, and a gap beside a CJK character is
    /// the producer's spacing, not a space.
    /// </summary>
    private static List<Chunk> Chunks(List<Glyph> line, double cellGap)
    {
        var chunks = new List<Chunk>();
        var text = new StringBuilder();
        double left = 0, right = 0, baseline = 0;
        Glyph? previous = null;
        foreach (var glyph in line)
        {
            if (previous is { } p)
            {
                var gap = glyph.Left - p.Right;
                var size = Math.Max(p.Size, glyph.Size);
                if (gap > cellGap * size || (cellGap < double.MaxValue && gap > CjkCellGap * size && (IsCjk(p.Value[^1]) || IsCjk(glyph.Value[0]))))
                {
                    chunks.Add(new Chunk(left, right, text.ToString(), baseline));
                    text.Clear();
                    previous = null;
                }
                else if (gap > 0.2 * size && !IsCjk(p.Value[^1]) && !IsCjk(glyph.Value[0]))
                {
                    text.Append(' ');
                }
            }

            if (previous is null)
            {
                left = glyph.Left;
                baseline = glyph.Baseline;
            }

            text.Append(glyph.Value);
            right = glyph.Right;
            previous = glyph;
        }

        if (text.Length > 0)
        {
            chunks.Add(new Chunk(left, right, text.ToString(), baseline));
        }

        return chunks;
    }

    private static TextLine ToTextLine(List<Glyph> line, int page)
    {
        var size = line.Max(g => g.Size);
        return new TextLine(LineText(line), line[0].Left, line.Max(g => g.Right), line[0].Baseline, size, page, Chunks(line, CellGap));
    }

    /// <summary>Lines wrapped inside a cell join without a space between CJK text, with one between Latin words.</summary>
    private static StringBuilder JoinWrapped(StringBuilder text, string line)
    {
        if (text.Length > 0 && !IsCjk(text[^1]) && !IsCjk(line[0]) && !(char.IsDigit(text[^1]) && char.IsDigit(line[0])))
        {
            text.Append(' ');
        }

        return text.Append(line);
    }

    internal static bool IsCjk(char c) => c >= 0x2E80 && !(c >= 0xFF01 && c <= 0xFF5E && char.IsAsciiLetterOrDigit((char)(c - 0xFEE0)));

    // ---- Running headers, footers and page numbers --------------------------------------------------

    /// <summary>
    /// Lines in the top or bottom tenth of a page that are page numbers (「— 3 —」, 「-3-」, 「第3页」, 「3/12」),
    /// or that repeat on several pages at the same height (the agency's name, the report's short title).
    /// </summary>
    private static HashSet<TextLine> RunningLines(List<PdfPageText> pages, List<TextLine> lines)
    {
        var heights = pages.ToDictionary(p => p.Number, p => p.Height);
        bool InMargin(TextLine l) => l.Baseline > heights[l.Page] * 0.9 || l.Baseline < heights[l.Page] * 0.1;
        var result = lines.Where(l => PageNumber().IsMatch(l.Text) || (InMargin(l) && BarePageNumber().IsMatch(l.Text))).ToHashSet();
        if (pages.Count >= 2)
        {
            foreach (var group in lines.Where(InMargin).GroupBy(l => (DigitRun().Replace(l.Text, "#"), Band: Math.Round(l.Baseline / 6))))
            {
                if (group.Select(l => l.Page).Distinct().Count() >= 2)
                {
                    result.UnionWith(group);
                }
            }
        }

        return result;
    }

    // ---- Output ------------------------------------------------------------------------------------

    private static string Emit(List<object> blocks, List<TextLine> lines, string? title)
    {
        var html = new HtmlWriter(title);
        if (lines.Count == 0)
        {
            foreach (var table in blocks.OfType<TableModel>())
            {
                WriteTable(table, html);
            }

            return html.ToString();
        }

        // The text block's edges: where most lines start, and where full lines end.
        var bodyLeft = lines.GroupBy(l => Math.Round(l.Left / 3)).OrderByDescending(g => g.Count()).First().Min(l => l.Left);
        var rights = lines.Select(l => l.Right).Order().ToList();
        var bodyRight = rights[(int)(rights.Count * 0.9)];
        var paragraph = new StringBuilder();
        TextLine? previous = null;
        foreach (var block in blocks)
        {
            if (block is TableModel table)
            {
                Flush();
                WriteTable(table, html);
                previous = null;
                continue;
            }

            var line = (TextLine)block;
            if (previous is not null && !Continues(previous, line, bodyLeft, bodyRight))
            {
                Flush();
            }

            JoinWrapped(paragraph, line.Text);
            previous = line;
        }

        Flush();
        return html.ToString();

        void Flush()
        {
            html.Paragraph(paragraph.ToString());
            paragraph.Clear();
        }
    }

    /// <summary>Whether a line carries on the paragraph of the line before it (wrapped), or starts a new one.</summary>
    private static bool Continues(TextLine previous, TextLine line, double bodyLeft, double bodyRight)
    {
        var size = Math.Max(previous.Size, line.Size);
        if (Math.Abs(previous.Size - line.Size) > 0.15 * size || Numbered().IsMatch(line.Text))
        {
            return false;
        }

        var samePage = previous.Page == line.Page;
        if (samePage && previous.Baseline - line.Baseline > 2.2 * size)
        {
            return false;
        }

        var full = previous.Right >= bodyRight - (1.5 * size);
        var centredPair = Math.Abs(((previous.Left + previous.Right) / 2) - ((bodyLeft + bodyRight) / 2)) < size
                          && Math.Abs(((line.Left + line.Right) / 2) - ((bodyLeft + bodyRight) / 2)) < size
                          && previous.Right - previous.Left > 0.6 * (bodyRight - bodyLeft);
        if (centredPair)
        {
            return true;
        }

        return full && line.Left < bodyLeft + size;
    }

    private static void WriteTable(TableModel table, HtmlWriter html)
    {
        html.BeginTable();
        foreach (var row in table.Rows)
        {
            html.BeginRow();
            foreach (var cell in row)
            {
                html.Cell([cell.Text.ToString()], cell.ColSpan, cell.RowSpan);
            }

            html.EndRow();
        }

        html.EndTable();
    }

    [GeneratedRegex(@"^\s*[-—–－―‒]+\s*\d{1,4}\s*[-—–－―‒]+\s*$|^\s*第\s*\d{1,4}\s*页(\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?\s*$|^\s*\d{1,4}\s*[/／]\s*\d{1,4}\s*$|^\s*Page\s+\d+(\s+of\s+\d+)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^\s*\d{1,4}\s*$")]
    private static partial Regex BarePageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitRun();

    /// <summary>Chinese document numbering that starts a heading or an item: 一、 （一） 1. 1、 (1).</summary>
    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[\.、．]\D|[（(]\d{1,2}[）)])")]
    private static partial Regex Numbered();
}
