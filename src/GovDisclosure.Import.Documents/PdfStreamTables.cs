using System.Text.RegularExpressions;

namespace GovDisclosure.Import.Documents;

/// <summary>
/// Tables drawn without ruling lines, rebuilt from positions alone. Rows are anchored on the lines that
/// carry numbers (baselines clustered by font size in <see cref="Lines"/>) and on numbered labels
/// (「（一）」, 「1.」); the value columns are the x-ranges where numbers and their headers stand, the label
/// columns the indents of the labels left of them. A label wrapped over several lines joins the row it
/// belongs to; header lines stay rows of their own, so a header never lands in a value.
/// </summary>
internal static partial class PdfLayout
{
    private sealed class StreamRow(double baseline)
    {
        public double Baseline { get; set; } = baseline;

        public bool HasNumbers { get; set; }

        public bool IsHeader { get; init; }

        public SortedDictionary<int, List<string>> Cells { get; } = [];

        public void Add(int column, string text)
        {
            if (!Cells.TryGetValue(column, out var list))
            {
                Cells[column] = list = [];
            }

            list.Add(text);
        }

        public bool HasLabelIn(int column) => Cells.ContainsKey(column);
    }

    /// <summary>
    /// Baseline distance of a label wrapped inside its cell (single spacing is 1.15–1.2); the next row is
    /// further down by the cell padding. Measured on LibreOffice and Word exports.
    /// </summary>
    private const double WrappedLineSpacing = 1.3;

    private static (List<TableModel> Tables, HashSet<TextLine> Consumed) StreamTables(List<TextLine> lines)
    {
        var tables = new List<TableModel>();
        var consumed = new HashSet<TextLine>();
        var i = 0;
        while (i < lines.Count)
        {
            if (!IsNumericLine(lines[i]))
            {
                i++;
                continue;
            }

            // The zone: numeric lines and the lines between them, and the header lines just above.
            var start = i;
            while (start > 0 && IsHeaderCandidate(lines[start - 1], lines[start]))
            {
                start--;
            }

            var end = i;
            for (var j = i + 1; j < lines.Count && j <= end + 5; j++)
            {
                if (lines[j].Page != lines[i].Page || lines[j - 1].Baseline - lines[j].Baseline > 3 * lines[j].Size || Heading(lines[j]))
                {
                    break;
                }

                if (IsNumericLine(lines[j]))
                {
                    end = j;
                }
            }

            // The tail of the last row's label, wrapped below its numbers.
            var valuesLeft = lines.Skip(start).Take(end - start + 1).Where(IsNumericLine)
                .SelectMany(l => l.Chunks.Where(c => NumberCell().IsMatch(c.Text))).Min(c => c.Left);
            while (end + 1 < lines.Count && lines[end + 1].Page == lines[end].Page && !Numbered().IsMatch(lines[end + 1].Text)
                   && lines[end].Baseline - lines[end + 1].Baseline <= WrappedLineSpacing * lines[end + 1].Size
                   && lines[end + 1].Right < valuesLeft)
            {
                end++;
            }

            var zone = lines.GetRange(start, end - start + 1);
            if (zone.Any(IsNumericLine) && Build(zone) is { } table)
            {
                tables.Add(table);
                consumed.UnionWith(zone);
            }

            i = end + 1;
        }

        return (tables, consumed);
    }

    private static bool IsNumericLine(TextLine line) => line.Chunks.Any(c => NumberCell().IsMatch(c.Text)) && line.Chunks.Count >= 2;

    private static bool Heading(TextLine line) => line.Chunks.Count == 1 && SectionHeading().IsMatch(line.Text);

    private static bool IsHeaderCandidate(TextLine above, TextLine below) =>
        above.Page == below.Page && above.Baseline - below.Baseline <= 2.5 * below.Size && !Heading(above)
        && !(above.Chunks.Count == 1 && above.Text.Length > 40);

    private static TableModel? Build(List<TextLine> zone)
    {
        // Value columns: x-clusters of the numbers.
        var numbers = zone.Where(IsNumericLine).SelectMany(l => l.Chunks.Where(c => NumberCell().IsMatch(c.Text))).OrderBy(c => (c.Left + c.Right) / 2).ToList();
        var size = zone.Average(l => l.Size);
        var valueColumns = new List<(double Left, double Right)>();
        foreach (var chunk in numbers)
        {
            var centre = (chunk.Left + chunk.Right) / 2;
            if (valueColumns.Count > 0 && centre - ((valueColumns[^1].Left + valueColumns[^1].Right) / 2) < 1.5 * size)
            {
                valueColumns[^1] = (Math.Min(valueColumns[^1].Left, chunk.Left), Math.Max(valueColumns[^1].Right, chunk.Right));
            }
            else
            {
                valueColumns.Add((chunk.Left, chunk.Right));
            }
        }

        var valueArea = valueColumns[0].Left - size;

        // Label columns: the indents of the text left of the numbers.
        var labelLefts = zone.SelectMany(l => l.Chunks).Where(c => c.Right <= valueArea + size && !NumberCell().IsMatch(c.Text)).Select(c => c.Left).Order().ToList();
        var labelColumns = new List<double>();
        foreach (var left in labelLefts)
        {
            if (labelColumns.Count == 0 || left - labelColumns[^1] > 1.5 * size)
            {
                labelColumns.Add(left);
            }
        }

        if (labelColumns.Count == 0)
        {
            labelColumns.Add(zone.Min(l => l.Left));
        }

        int ColumnOf((double Left, double Right, string Text) chunk)
        {
            var centre = (chunk.Left + chunk.Right) / 2;
            if (chunk.Right <= valueArea + size && !NumberCell().IsMatch(chunk.Text))
            {
                var c = labelColumns.Count - 1;
                while (c > 0 && chunk.Left < labelColumns[c] - (0.5 * size))
                {
                    c--;
                }

                return c;
            }

            var best = 0;
            for (var v = 1; v < valueColumns.Count; v++)
            {
                if (Math.Abs(centre - ((valueColumns[v].Left + valueColumns[v].Right) / 2)) < Math.Abs(centre - ((valueColumns[best].Left + valueColumns[best].Right) / 2)))
                {
                    best = v;
                }
            }

            return labelColumns.Count + best;
        }

        bool InValueArea((double Left, double Right, string Text) chunk) => ColumnOf(chunk) >= labelColumns.Count;

        var rows = new List<StreamRow>();
        var pending = new List<(TextLine Line, (double Left, double Right, string Text) Chunk)>();
        var seenNumbers = false;
        foreach (var line in zone)
        {
            var numeric = IsNumericLine(line);
            // A numbered label (「（二）…」, 「3.…」) or a caption (「第二十条第（五）项」) starts a row; text left of it
            // on its line is the tail of a group label above (「办理结果」).
            var firstNumbered = line.Chunks.FindIndex(c => (Numbered().IsMatch(c.Text) && !NumberCell().IsMatch(c.Text)) || Caption().IsMatch(c.Text));
            var numbered = firstNumbered >= 0;
            var valueText = line.Chunks.Any(InValueArea);
            if (numeric)
            {
                seenNumbers = true;

                // Values under a numbered label written on the line above (the label wraps around them).
                var last = rows.Count > 0 ? rows[^1] : null;
                var ownLabel = line.Chunks.Any(c => !InValueArea(c));
                if (last is { HasNumbers: false, IsHeader: false } && !ownLabel && last.Baseline - line.Baseline <= 1.8 * line.Size)
                {
                    foreach (var chunk in line.Chunks)
                    {
                        last.Add(ColumnOf(chunk), chunk.Text);
                    }

                    last.HasNumbers = true;
                    last.Baseline = line.Baseline;
                    continue;
                }

                var row = new StreamRow(line.Baseline) { HasNumbers = true };
                foreach (var chunk in line.Chunks)
                {
                    row.Add(ColumnOf(chunk), chunk.Text);
                }

                rows.Add(row);
                continue;
            }

            if (valueText || !seenNumbers && rows.All(r => r.IsHeader) && valueText)
            {
                // A header line (or a caption such as 第二十条第（五）项): a row of its own.
                var header = new StreamRow(line.Baseline) { IsHeader = true };
                foreach (var chunk in line.Chunks)
                {
                    header.Add(ColumnOf(chunk), chunk.Text);
                }

                rows.Add(header);
                continue;
            }

            if (numbered)
            {
                var above = rows.LastOrDefault(r => !r.IsHeader);
                var row = new StreamRow(line.Baseline);
                for (var k = 0; k < line.Chunks.Count; k++)
                {
                    (k < firstNumbered && above is not null ? above : row).Add(ColumnOf(line.Chunks[k]), line.Chunks[k].Text);
                }

                rows.Add(row);
                continue;
            }

            // The rest of a wrapped label: joins the row above when it is close, unless that row already has
            // a label of its own in this column that ended (a numbered label below starts anew).
            var previous = rows.LastOrDefault(r => !r.IsHeader);
            foreach (var chunk in line.Chunks)
            {
                if (previous is not null && previous.Baseline - line.Baseline <= WrappedLineSpacing * line.Size)
                {
                    previous.Add(ColumnOf(chunk), chunk.Text);
                }
                else
                {
                    pending.Add((line, chunk));
                }
            }

            if (pending.Count > 0 && previous is null)
            {
                var tail = new StreamRow(line.Baseline);
                foreach (var (_, chunk) in pending)
                {
                    tail.Add(ColumnOf(chunk), chunk.Text);
                }

                rows.Add(tail);
                pending.Clear();
            }
            else if (pending.Count > 0)
            {
                var row = new StreamRow(line.Baseline);
                foreach (var (_, chunk) in pending)
                {
                    row.Add(ColumnOf(chunk), chunk.Text);
                }

                rows.Add(row);
                pending.Clear();
            }
        }

        var columns = labelColumns.Count + valueColumns.Count;
        var table = new TableModel { ColumnCount = columns, Top = zone[0].Top, Bottom = zone[^1].Baseline, Page = zone[0].Page };

        // The value columns are those of the whole zone; a sub-table (the small tables of section 二, each
        // under its caption and header) uses only some. A column that neither its header nor any of its
        // rows uses is not one of its columns: writing it as a blank cell would add a cell to every row.
        // Without a header of its own a segment keeps every column, since its blanks are real cells.
        var segments = new List<List<StreamRow>>();
        foreach (var row in rows)
        {
            if (segments.Count == 0 || (row.IsHeader && !segments[^1][^1].IsHeader))
            {
                segments.Add([]);
            }

            segments[^1].Add(row);
        }

        foreach (var segment in segments)
        {
            var used = Enumerable.Range(0, columns)
                .Where(c => c < labelColumns.Count || !segment.Any(r => r.IsHeader) || segment.Any(r => r.Cells.ContainsKey(c)))
                .ToList();
            foreach (var row in segment)
            {
                var cells = new List<TableCellModel>();
                foreach (var c in used)
                {
                    var cell = new TableCellModel(c, 1, 1);
                    if (row.Cells.TryGetValue(c, out var texts))
                    {
                        foreach (var text in texts)
                        {
                            JoinWrapped(cell.Text, text);
                        }
                    }

                    cells.Add(cell);
                }

                table.Rows.Add(cells);
            }
        }

        return table;
    }

    [GeneratedRegex(@"^[+\-－]?\d[\d,，]*(\.\d+)?\s*(万元|元|亿元|件|个|%)?$")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"^第[一二三四五六七八九十]{1,4}条")]
    private static partial Regex Caption();

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,2}、\S{4,}$")]
    private static partial Regex SectionHeading();
}
