using GovDisclosure.Domain.Templates;
using PdfSharp.Drawing;

namespace GovDisclosure.Infrastructure.Pdf.Layout;

/// <summary>
/// Draws one statutory table straight from its template grid (<see cref="TableDefinition.HeaderRows"/>
/// and <see cref="TableDefinition.BodyRows"/>, spans included), so the PDF, the HTML form and the view
/// can never disagree about the layout.
/// A table that does not fit continues on the next page under its repeated header rows. A label whose
/// RowSpan crosses the page break is split: each page draws the part of the merged cell that lies on it
/// and repeats the label there, so every page reads on its own. Breaks avoid the inside of small groups
/// (（三）不予公开 and the like) when they can, and never leave a split label too short for its text.
/// </summary>
internal sealed class GridTableBlock
{
    private const double PadX = 2.5;
    private const double PadY = 2.0;
    private const int KeepTogetherRows = 8;
    private const int MinimumRowsOnFirstPage = 4;
    private static readonly XPen BorderPen = new(XColors.Black, 0.6);

    private readonly TableDefinition table;
    private readonly TextStyle style;
    private readonly double[] columnX;
    private readonly List<PlacedCell> header;
    private readonly List<PlacedCell> body;
    private readonly double[] headerHeights;
    private readonly double[] bodyHeights;

    public GridTableBlock(TableDefinition table, Func<string, string?> valueOf, TextStyle style, IReadOnlyList<double> columnWidths)
    {
        this.table = table;
        this.style = style;
        columnX = new double[columnWidths.Count + 1];
        for (var c = 0; c < columnWidths.Count; c++)
        {
            columnX[c + 1] = columnX[c] + columnWidths[c];
        }

        header = Place(table.HeaderRows, table.ColumnCount, isHeader: true, valueOf);
        body = Place(table.BodyRows, table.ColumnCount, isHeader: false, valueOf);
        headerHeights = RowHeights(header, table.HeaderRows.Count);
        bodyHeights = RowHeights(body, table.BodyRows.Count);
    }

    private double HeaderHeight => headerHeights.Sum();

    /// <summary>Column widths shared by tables drawn one under the other (the 第二十条 sub-tables), so their rules line up.</summary>
    public static double[] ColumnWidths(IReadOnlyList<TableDefinition> tables, double width, TextStyle style)
    {
        var count = tables[0].ColumnCount;
        var isData = new bool[count];
        var spannedOnly = Enumerable.Repeat(true, count).ToArray();
        var longestLabel = new double[count];
        foreach (var t in tables)
        {
            foreach (var cell in PlaceGrid(t.BodyRows, count, false, _ => null, t.Id))
            {
                if (cell.Source.IsData)
                {
                    for (var c = cell.Col; c < cell.Col + cell.ColSpan; c++)
                    {
                        isData[c] = true;
                    }
                }
                else if (cell.ColSpan == 1)
                {
                    longestLabel[cell.Col] = Math.Max(longestLabel[cell.Col], style.Width(cell.Text) + (2 * PadX));
                    if (cell.RowSpan == 1)
                    {
                        spannedOnly[cell.Col] = false;
                    }
                }
            }
        }

        // Numbers need little room but their headers («社会公益组织») should wrap to no more than two lines.
        var narrow = (3 * style.Size) + (2 * PadX);
        var widths = new double[count];
        var flexible = new List<int>();
        for (var c = 0; c < count; c++)
        {
            if (isData[c] || spannedOnly[c])
            {
                widths[c] = Math.Min(narrow, Math.Max(longestLabel[c], isData[c] ? narrow : (2 * style.Size) + (2 * PadX)));
            }
            else
            {
                flexible.Add(c);
            }
        }

        var rest = width - widths.Sum();
        if (flexible.Count > 0)
        {
            var wanted = flexible.Sum(c => longestLabel[c]);
            var give = Math.Min(rest, wanted);
            foreach (var c in flexible)
            {
                widths[c] = give * (longestLabel[c] / wanted);
            }

            rest -= give;
        }

        // Whatever is left widens the number columns evenly (or every column when there are none).
        var receivers = Enumerable.Range(0, count).Where(c => isData[c]).ToList();
        if (receivers.Count == 0)
        {
            receivers = [.. Enumerable.Range(0, count)];
        }

        foreach (var c in receivers)
        {
            widths[c] += rest / receivers.Count;
        }

        return widths;
    }

    public void Compose(PageFlow flow)
    {
        var start = 0;
        var rows = bodyHeights.Length;

        // Start on this page only if the header and a few rows (at least the first unbreakable run) fit.
        var firstRun = Math.Min(rows, Math.Max(FirstLegalBreakAfter(0, strict: true), MinimumRowsOnFirstPage));
        flow.EnsureSpace(HeaderHeight + Height(0, firstRun));

        while (start < rows)
        {
            var available = flow.Remaining - HeaderHeight;
            var end = start;
            var used = 0.0;
            while (end < rows && used + bodyHeights[end] <= available + 0.01)
            {
                used += bodyHeights[end++];
            }

            if (end < rows)
            {
                end = ChooseBreak(start, end);
            }

            DrawFragment(flow, start, end);
            start = end;
            if (start < rows)
            {
                flow.NewPage();
            }
        }
    }

    private int ChooseBreak(int start, int overflow)
    {
        for (var b = overflow; b > start; b--)
        {
            if (IsLegalBreak(b, strict: true))
            {
                return b;
            }
        }

        for (var b = overflow; b > start; b--)
        {
            if (IsLegalBreak(b, strict: false))
            {
                return b;
            }
        }

        return Math.Max(overflow, start + 1); // a single row taller than a page: nothing better to do.
    }

    private int FirstLegalBreakAfter(int start, bool strict)
    {
        for (var b = start + 1; b < bodyHeights.Length; b++)
        {
            if (IsLegalBreak(b, strict))
            {
                return b;
            }
        }

        return bodyHeights.Length;
    }

    /// <summary>Whether the page may break before body row <paramref name="row"/>.</summary>
    private bool IsLegalBreak(int row, bool strict)
    {
        foreach (var cell in body)
        {
            var end = cell.Row + cell.RowSpan;
            if (cell.RowSpan == 1 || row <= cell.Row || row >= end)
            {
                continue;
            }

            if (strict && cell.RowSpan <= KeepTogetherRows)
            {
                return false;
            }

            if (Height(cell.Row, row) < cell.NeededHeight || Height(row, end) < cell.NeededHeight)
            {
                return false;
            }
        }

        return true;
    }

    private double Height(int from, int to)
    {
        var sum = 0.0;
        for (var r = from; r < to; r++)
        {
            sum += bodyHeights[r];
        }

        return sum;
    }

    private void DrawFragment(PageFlow flow, int from, int to)
    {
        var g = flow.Graphics;
        var x0 = flow.Left;
        var y = flow.Y;
        var headerTops = Tops(headerHeights, y, 0);
        foreach (var cell in header)
        {
            DrawCell(g, cell, x0, headerTops[cell.Row], SpanHeight(headerHeights, cell.Row, cell.Row + cell.RowSpan));
        }

        y += HeaderHeight;
        var bodyTops = Tops(bodyHeights, y, from);
        foreach (var cell in body)
        {
            var first = Math.Max(cell.Row, from);
            var last = Math.Min(cell.Row + cell.RowSpan, to);
            if (first >= last)
            {
                continue;
            }

            DrawCell(g, cell, x0, bodyTops[first - from], SpanHeight(bodyHeights, first, last));
        }

        flow.Y = y + Height(from, to);
    }

    private static double[] Tops(double[] heights, double top, int from)
    {
        var tops = new double[heights.Length - from];
        for (var r = from; r < heights.Length; r++)
        {
            tops[r - from] = top;
            top += heights[r];
        }

        return tops;
    }

    private static double SpanHeight(double[] heights, int from, int to)
    {
        var sum = 0.0;
        for (var r = from; r < to; r++)
        {
            sum += heights[r];
        }

        return sum;
    }

    private void DrawCell(XGraphics g, PlacedCell cell, double x0, double top, double height)
    {
        var left = x0 + columnX[cell.Col];
        var width = columnX[cell.Col + cell.ColSpan] - columnX[cell.Col];
        g.DrawRectangle(BorderPen, left, top, width, height);
        var lines = cell.Lines;
        if (lines.Count == 0)
        {
            return;
        }

        var textTop = top + Math.Max(PadY, (height - (lines.Count * style.LineHeight)) / 2);
        var leftAlign = !cell.IsCentred;
        foreach (var line in lines)
        {
            var x = leftAlign ? left + PadX : left + ((width - style.Width(line)) / 2);
            style.Draw(g, line, x, textTop);
            textTop += style.LineHeight;
        }
    }

    private List<PlacedCell> Place(IReadOnlyList<GridRow> rows, int columns, bool isHeader, Func<string, string?> valueOf)
    {
        var placed = PlaceGrid(rows, columns, isHeader, valueOf, table.Id);
        foreach (var cell in placed)
        {
            var width = columnX[cell.Col + cell.ColSpan] - columnX[cell.Col] - (2 * PadX);
            cell.Lines = cell.IsCentred ? CjkLineBreaker.BreakBalanced(cell.Text, width, style.Measurer) : CjkLineBreaker.Break(cell.Text, width, style.Measurer);
            cell.NeededHeight = (Math.Max(1, cell.Lines.Count) * style.LineHeight) + (2 * PadY);
        }

        return placed;
    }

    private static List<PlacedCell> PlaceGrid(IReadOnlyList<GridRow> rows, int columns, bool isHeader, Func<string, string?> valueOf, string tableId)
    {
        // HTML-style placement: each cell takes the next column not covered by a row span from above.
        var covered = new bool[rows.Count, columns];
        var placed = new List<PlacedCell>();
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (c < columns && covered[r, c])
                {
                    c++;
                }

                if (c + cell.ColSpan > columns || r + cell.RowSpan > rows.Count)
                {
                    throw new InvalidOperationException($"Template table {tableId} has a cell outside its {columns}-column grid at row {r}.");
                }

                for (var rr = r; rr < r + cell.RowSpan; rr++)
                {
                    for (var cc = c; cc < c + cell.ColSpan; cc++)
                    {
                        covered[rr, cc] = true;
                    }
                }

                var text = cell.IsData ? valueOf(cell.CellCode!) ?? string.Empty : cell.Text ?? string.Empty;
                placed.Add(new PlacedCell(cell, r, c, text, isHeader));
                c += cell.ColSpan;
            }
        }

        return placed;
    }

    private double[] RowHeights(List<PlacedCell> cells, int rowCount)
    {
        var heights = new double[rowCount];
        var minimum = style.LineHeight + (2 * PadY);
        foreach (var cell in cells.Where(c => c.RowSpan == 1))
        {
            heights[cell.Row] = Math.Max(heights[cell.Row], cell.NeededHeight);
        }

        for (var r = 0; r < rowCount; r++)
        {
            heights[r] = Math.Max(heights[r], minimum);
        }

        // A merged cell taller than the rows it spans makes those rows taller, evenly.
        foreach (var cell in cells.Where(c => c.RowSpan > 1).OrderBy(c => c.RowSpan))
        {
            var have = SpanHeight(heights, cell.Row, cell.Row + cell.RowSpan);
            if (cell.NeededHeight > have)
            {
                var extra = (cell.NeededHeight - have) / cell.RowSpan;
                for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                {
                    heights[r] += extra;
                }
            }
        }

        return heights;
    }

    private sealed class PlacedCell(GridCell source, int row, int col, string text, bool isHeader)
    {
        public GridCell Source { get; } = source;

        public int Row { get; } = row;

        public int Col { get; } = col;

        public int RowSpan => Source.RowSpan;

        public int ColSpan => Source.ColSpan;

        public string Text { get; } = text;

        public bool IsHeader { get; } = isHeader;

        /// <summary>Row labels read left-aligned like the printed form; headers, merged labels and numbers are centred.</summary>
        public bool IsCentred => IsHeader || Source.IsData || RowSpan > 1;

        public List<string> Lines { get; set; } = [];

        public double NeededHeight { get; set; }
    }
}
