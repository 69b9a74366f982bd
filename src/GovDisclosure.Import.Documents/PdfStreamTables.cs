using System.Text;
using System.Text.RegularExpressions;

namespace GovDisclosure.Import.Documents;

/// <summary>The value columns of a table without lines, as its header set them; kept for its rows on the next page.</summary>
internal sealed record StreamColumns(List<(double Left, double Right)> Values);

/// <summary>
/// Tables drawn without ruling lines, rebuilt from positions alone. Rows come from baselines; the value columns
/// from the x-ranges of the header's cells (the lowest cell under each spanning one), extended down the table,
/// so a value is placed under the header it stands under even when most of its row is blank. Row labels are the
/// text left of the values, each wrapped label joined over its lines and given the values its lines enclose; a
/// merged group label beside several rows is written before the first of them.
/// </summary>
internal static partial class PdfLayout
{
    /// <summary>
    /// Baseline distance of a label wrapped inside its cell (1.35 font sizes in LibreOffice and Word exports); the
    /// next row is further down by the cell padding (1.6 and more), and a new row label is numbered anyway.
    /// </summary>
    private const double WrappedLineSpacing = 1.5;

    /// <summary>A number stands apart from its neighbours by at least this (cell padding on both sides); in prose it does not.</summary>
    private const double ValueGap = 0.5;

    /// <summary>
    /// A statutory table has a few hundred pieces of text; the label matching below is quadratic in them, so a zone
    /// far beyond that (a page of scattered digits) is left as text rather than worked through.
    /// </summary>
    private const int MaxZoneChunks = 4_000;

    private sealed class LabelBlock(double left, double baseline, int page, string text)
    {
        public double Left { get; } = left;

        public double Top { get; } = baseline;

        public double Bottom { get; set; } = baseline;

        public int Page { get; } = page;

        public StringBuilder Text { get; } = new(text);

        /// <summary>One of its own lines carries values.</summary>
        public bool OnValueLine { get; set; }

        public ValueRow? Values { get; set; }

        public List<LabelBlock> Groups { get; } = [];
    }

    private sealed class ValueRow(double baseline, int columns)
    {
        public double Baseline { get; } = baseline;

        public StringBuilder[] Cells { get; } = Enumerable.Range(0, columns).Select(_ => new StringBuilder()).ToArray();

        public bool Taken { get; set; }
    }

    private sealed class HeaderCell(double left, double right, double baseline, int line, string text)
    {
        public double Left { get; set; } = left;

        public double Right { get; set; } = right;

        public double Top { get; } = baseline;

        public double Bottom { get; set; } = baseline;

        public int Line { get; } = line;

        public StringBuilder Text { get; } = new(text);

        public double Center => (Left + Right) / 2;
    }

    private static (List<TableModel> Tables, HashSet<TextLine> Consumed, StreamColumns? Open, double OpenBottom) StreamTables(List<TextLine> lines, StreamColumns? carried)
    {
        var tables = new List<TableModel>();
        var consumed = new HashSet<TextLine>();
        StreamColumns? open = null;
        var openBottom = 0.0;
        var floor = 0;
        var i = 0;
        while (i < lines.Count)
        {
            if (!IsNumericLine(lines[i]))
            {
                i++;
                continue;
            }

            // Upwards: the header lines (and the caption 第二十条第（X）项 heading a small table of section 二).
            var start = i;
            while (start > floor && !IsCaption(lines[start]) && IsHeaderCandidate(lines[start - 1], lines[start]))
            {
                start--;
            }

            // Downwards: rows with values, and label lines between and after them (rows left blank, wrapped labels).
            var valuesLeft = ValueChunks(lines[i]).Min(c => c.Left);
            var end = i;
            for (var j = i + 1; j < lines.Count; j++)
            {
                var line = lines[j];
                if (line.Page != lines[j - 1].Page || lines[j - 1].Baseline - line.Baseline > 2.5 * line.Size || Heading(line) || IsCaption(line))
                {
                    break;
                }

                if (IsNumericLine(line))
                {
                    valuesLeft = Math.Min(valuesLeft, ValueChunks(line).Min(c => c.Left));
                    end = j;
                }
                else if (line.Right < valuesLeft)
                {
                    end = j;
                }
                else
                {
                    break;
                }
            }

            var zone = lines.GetRange(start, end - start + 1);
            if (BuildStream(zone, start == 0 ? carried : null) is { } built)
            {
                tables.Add(built.Table);
                consumed.UnionWith(zone);
                (open, openBottom) = end == lines.Count - 1 ? (built.Columns, zone[^1].Baseline) : (null, 0);
                floor = end + 1;
            }

            i = end + 1;
        }

        return (tables, consumed, open, openBottom);
    }

    /// <summary>A line with at least one value standing apart as a cell of its own, and something else.</summary>
    private static bool IsNumericLine(TextLine line) => line.Chunks.Count >= 2 && ValueChunks(line).Any();

    private static IEnumerable<Chunk> ValueChunks(TextLine line)
    {
        for (var k = 0; k < line.Chunks.Count; k++)
        {
            var chunk = line.Chunks[k];
            if (!IsValue(chunk.Text))
            {
                continue;
            }

            var apart = (k == 0 || chunk.Left - line.Chunks[k - 1].Right >= ValueGap * line.Size)
                        && (k == line.Chunks.Count - 1 || line.Chunks[k + 1].Left - chunk.Right >= ValueGap * line.Size);
            if (apart)
            {
                yield return chunk;
            }
        }
    }

    private static bool IsValue(string text) => NumberCell().IsMatch(text) || BlankCell().IsMatch(text);

    private static bool Heading(TextLine line) => line.Chunks.Count == 1 && SectionHeading().IsMatch(line.Text);

    private static bool IsCaption(TextLine line) => line.Chunks.Count == 1 && Caption().IsMatch(line.Text);

    private static bool IsHeaderCandidate(TextLine above, TextLine below) =>
        above.Page == below.Page && above.Baseline - below.Baseline <= 2.5 * below.Size && !Heading(above)
        && !(above.Chunks.Count == 1 && above.Text.Length > 40);

    private static double Center(Chunk chunk) => (chunk.Left + chunk.Right) / 2;

    private static (TableModel Table, StreamColumns Columns)? BuildStream(List<TextLine> zone, StreamColumns? carried)
    {
        if (zone.Sum(l => l.Chunks.Count) > MaxZoneChunks)
        {
            return null;
        }

        var size = zone.Select(l => l.Size).Order().ElementAt(zone.Count / 2);
        var firstNumeric = zone.FindIndex(IsNumericLine);
        var numbersLeft = zone.Where(IsNumericLine).SelectMany(ValueChunks).Min(c => c.Left);

        // Where the labels end: the right edge of the text left of the values (none in table 四). A header cell right
        // of it heads a value column, even one that no row fills.
        var labelRight = zone.Skip(firstNumeric).SelectMany(l => l.Chunks).Where(c => !IsValue(c.Text) && c.Right <= numbersLeft + (0.5 * size))
            .Select(c => c.Right).DefaultIfEmpty(double.MinValue).Max();
        bool OverValues(double left) => left >= labelRight - (0.5 * size);

        // The header: the lines above the first row of values that have text over the values.
        var captioned = IsCaption(zone[0]);
        var headerEnd = captioned ? 0 : -1;
        for (var k = captioned ? 1 : 0; k < firstNumeric; k++)
        {
            if (zone[k].Chunks.Any(c => OverValues(c.Left)))
            {
                headerEnd = k;
            }
        }

        var headerLines = zone.Skip(captioned ? 1 : 0).Take(headerEnd + 1 - (captioned ? 1 : 0)).ToList();
        var body = zone.Skip(headerEnd + 1).ToList();
        var header = HeaderCells(headerLines, size);
        var columns = HeaderColumns(header.Where(h => OverValues(h.Left)).ToList(), size);
        if (columns.Count == 0)
        {
            columns = carried?.Values ?? NumberColumns(body, size);
        }

        // A single line of values with no header over it is a number in prose, not a table.
        if (headerLines.Count == 0 && carried is null && body.Count(IsNumericLine) < 2)
        {
            return null;
        }

        var valueLeft = Math.Min(columns[0].Left, numbersLeft);
        bool IsLabelChunk(Chunk c) => c.Right <= valueLeft + (0.5 * size) && !(IsValue(c.Text) && c.Left >= valueLeft - size);

        // Labels: the text left of the values, a wrapped one joined over its lines.
        var blocks = new List<LabelBlock>();
        var rows = new List<ValueRow>();
        foreach (var line in body)
        {
            var values = line.Chunks.Where(c => !IsLabelChunk(c)).ToList();
            foreach (var chunk in line.Chunks.Where(IsLabelChunk))
            {
                var block = blocks.LastOrDefault(b => Math.Abs(b.Left - chunk.Left) <= 0.5 * size);
                var continues = block is not null && block.Page == line.Page && !StartsRow(chunk.Text)
                                && block.Bottom - chunk.Baseline <= WrappedLineSpacing * size && !(values.Count > 0 && block.OnValueLine);
                if (continues)
                {
                    JoinWrapped(block!.Text, chunk.Text);
                    block.Bottom = chunk.Baseline;
                }
                else
                {
                    block = new LabelBlock(chunk.Left, chunk.Baseline, line.Page, chunk.Text);
                    blocks.Add(block);
                }

                block.OnValueLine |= values.Count > 0;
            }

            if (values.Count > 0)
            {
                var row = new ValueRow(values[0].Baseline, columns.Count);
                foreach (var chunk in values)
                {
                    JoinWrapped(row.Cells[ColumnOf(columns, chunk)], chunk.Text);
                }

                rows.Add(row);
            }
        }

        // Each row of values belongs to the innermost label whose lines enclose it.
        foreach (var row in rows)
        {
            var label = blocks.Where(b => b.Values is null && row.Baseline <= b.Top + (0.6 * size) && row.Baseline >= b.Bottom - (0.6 * size))
                .OrderByDescending(b => b.Left).FirstOrDefault();
            if (label is not null)
            {
                label.Values = row;
                row.Taken = true;
            }
        }

        // A label with no values of its own beside labels further right is a merged group label.
        bool Beside(LabelBlock inner, LabelBlock outer) => inner.Left > outer.Left + (0.5 * size)
            && inner.Top >= outer.Bottom - (0.6 * size) && inner.Bottom <= outer.Top + (0.6 * size);
        var groups = blocks.Where(b => b.Values is null && blocks.Any(o => Beside(o, b))).ToHashSet();
        foreach (var group in groups)
        {
            var first = blocks.Where(o => !groups.Contains(o) && Beside(o, group)).OrderByDescending(o => o.Top).FirstOrDefault();
            first?.Groups.Add(group);
        }

        var table = new TableModel
        {
            ColumnCount = columns.Count,
            Top = zone[0].Top,
            Bottom = zone[^1].Baseline,
            Page = zone[0].Page,
            Borderless = true,
            HeaderRows = (captioned ? 1 : 0) + header.Select(h => h.Line).Distinct().Count(),
        };
        if (captioned)
        {
            table.Rows.Add([Cell(0, zone[0].Text, label: true)]);
        }

        foreach (var line in header.GroupBy(h => h.Line).OrderBy(g => g.Key))
        {
            table.Rows.Add(line.OrderBy(h => h.Left).Select((h, k) => Cell(k, h.Text.ToString(), label: false)).ToList());
        }

        var items = blocks.Where(b => !groups.Contains(b)).Select(b => (Top: b.Top, Block: (LabelBlock?)b, Row: b.Values))
            .Concat(rows.Where(r => !r.Taken).Select(r => (Top: r.Baseline, Block: (LabelBlock?)null, Row: (ValueRow?)r)))
            .OrderByDescending(x => x.Top);
        foreach (var (_, block, row) in items)
        {
            var cells = new List<TableCellModel>();
            if (block is not null)
            {
                cells.AddRange(block.Groups.OrderBy(g => g.Left).Select(g => Cell(cells.Count, g.Text.ToString(), label: true)));
                cells.Add(Cell(cells.Count, block.Text.ToString(), label: true));
            }

            for (var c = 0; c < columns.Count; c++)
            {
                cells.Add(Cell(cells.Count, row?.Cells[c].ToString() ?? string.Empty, label: false));
            }

            table.Rows.Add(cells);
        }

        // Groups attached to nothing (no row to their right on this page) are still read, as text rows.
        foreach (var orphan in groups.Where(g => !blocks.Any(b => b.Groups.Contains(g))))
        {
            table.Rows.Add([Cell(0, orphan.Text.ToString(), label: true)]);
        }

        return (table, new StreamColumns(columns));
    }

    private static TableCellModel Cell(int column, string text, bool label)
    {
        var cell = new TableCellModel(column, 1, 1) { IsLabel = label };
        cell.Text.Append(text);
        return cell;
    }

    /// <summary>A numbered label (「（二）」, 「3.」, 「一、」) or a caption always starts a row of its own.</summary>
    private static bool StartsRow(string text) => (Numbered().IsMatch(text) && !NumberCell().IsMatch(text)) || Caption().IsMatch(text);

    /// <summary>
    /// The header's cells: the pieces of its lines, a piece wrapped under another (same left edge or centre, one line
    /// down) joined to it, as 「科研机」 + 「构」.
    /// </summary>
    private static List<HeaderCell> HeaderCells(List<TextLine> lines, double size)
    {
        var cells = new List<HeaderCell>();
        for (var k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            foreach (var chunk in line.Chunks)
            {
                // A cell with two pieces of the line below under it is a group header over them, not wrapped text.
                var above = cells.LastOrDefault(h => h.Bottom - chunk.Baseline > 0 && h.Bottom - chunk.Baseline <= WrappedLineSpacing * size
                                                     && (Math.Abs(h.Left - chunk.Left) <= 0.5 * size || Math.Abs(h.Center - Center(chunk)) <= 0.5 * size)
                                                     && chunk.Right - chunk.Left <= h.Right - h.Left + (0.5 * size)
                                                     && line.Chunks.Count(c => Math.Min(c.Right, h.Right) - Math.Max(c.Left, h.Left) > 0.3 * size) == 1);
                if (above is not null)
                {
                    JoinWrapped(above.Text, chunk.Text);
                    above.Bottom = chunk.Baseline;
                    above.Left = Math.Min(above.Left, chunk.Left);
                    above.Right = Math.Max(above.Right, chunk.Right);
                }
                else
                {
                    cells.Add(new HeaderCell(chunk.Left, chunk.Right, chunk.Baseline, k, chunk.Text));
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// The value columns: the header cells over the values that span no others (a cell over two or more cells
    /// below it is a group header, 申请人情况, 行政诉讼), left to right.
    /// </summary>
    private static List<(double Left, double Right)> HeaderColumns(List<HeaderCell> cells, double size)
    {
        static double Overlap(HeaderCell a, HeaderCell b) => Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var leaves = cells.Where(h => cells.Count(o => o != h && o.Top < h.Bottom - (0.3 * size) && Overlap(h, o) > 0.3 * size) < 2)
            .OrderBy(h => h.Left).ToList();
        var columns = new List<(double Left, double Right)>();
        foreach (var leaf in leaves)
        {
            if (columns.Count > 0 && Math.Min(columns[^1].Right, leaf.Right) - Math.Max(columns[^1].Left, leaf.Left) > 0.3 * size)
            {
                columns[^1] = (Math.Min(columns[^1].Left, leaf.Left), Math.Max(columns[^1].Right, leaf.Right));
            }
            else
            {
                columns.Add((leaf.Left, leaf.Right));
            }
        }

        return columns;
    }

    /// <summary>Without a header: the x-clusters of the values themselves.</summary>
    private static List<(double Left, double Right)> NumberColumns(List<TextLine> body, double size)
    {
        var columns = new List<(double Left, double Right)>();
        foreach (var chunk in body.SelectMany(ValueChunks).OrderBy(Center))
        {
            if (columns.Count > 0 && Center(chunk) - ((columns[^1].Left + columns[^1].Right) / 2) < 1.5 * size)
            {
                columns[^1] = (Math.Min(columns[^1].Left, chunk.Left), Math.Max(columns[^1].Right, chunk.Right));
            }
            else
            {
                columns.Add((chunk.Left, chunk.Right));
            }
        }

        return columns;
    }

    /// <summary>The column a value stands under: the one its x-range overlaps most, else the nearest.</summary>
    private static int ColumnOf(List<(double Left, double Right)> columns, Chunk chunk)
    {
        var best = 0;
        var bestScore = double.MinValue;
        for (var c = 0; c < columns.Count; c++)
        {
            var overlap = Math.Min(columns[c].Right, chunk.Right) - Math.Max(columns[c].Left, chunk.Left);
            var score = overlap > 0 ? overlap : -Math.Abs(Center(chunk) - ((columns[c].Left + columns[c].Right) / 2)) - 1e6;
            if (score > bestScore)
            {
                (best, bestScore) = (c, score);
            }
        }

        return best;
    }

    [GeneratedRegex(@"^[+\-－]?\d[\d,，]*(\.\d+)?\s*(万元|元|亿元|件|个|%)?$")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"^[-—–－―/／]{1,3}$")]
    private static partial Regex BlankCell();

    [GeneratedRegex(@"^第[一二三四五六七八九十]{1,4}条")]
    private static partial Regex Caption();

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,2}、\S{4,}$")]
    private static partial Regex SectionHeading();
}
