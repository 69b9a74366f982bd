namespace GovDisclosure.Import.Documents;

public static partial class WordReader
{
    /// <summary>One w:tc placed on the table grid.</summary>
    private sealed record GridCell(WordElement Element, int Column, int ColSpan, bool IsContinuation, bool StartsMerge);

    /// <summary>
    /// A Word table on its grid: w:gridBefore skips columns, w:gridSpan widens a cell, w:vMerge="restart"
    /// starts a vertical merge that following rows continue with a w:vMerge cell at the same grid column.
    /// Word writes no rowspan, so it is counted here.
    /// </summary>
    private sealed class Grid
    {
        /// <summary>No statutory table has more than 15 columns; a span beyond this is a broken file.</summary>
        private const int MaxSpan = 64;

        private const string Restart = "restart";

        private Grid(List<List<GridCell>> rows, int columnCount)
        {
            Rows = rows;
            ColumnCount = columnCount;
        }

        public List<List<GridCell>> Rows { get; }

        public int ColumnCount { get; }

        public static Grid Of(WordElement table)
        {
            var rows = new List<List<GridCell>>();
            var columns = 0;
            foreach (var row in table.Children)
            {
                if (!row.Is("tr"))
                {
                    continue;
                }

                var column = Number(row.Child("trPr")?.Child("gridBefore")?.Val) ?? 0;
                var cells = new List<GridCell>();
                foreach (var cell in row.Children)
                {
                    if (!cell.Is("tc"))
                    {
                        continue;
                    }

                    var properties = cell.Child("tcPr");
                    var span = Math.Clamp(Number(properties?.Child("gridSpan")?.Val) ?? 1, 1, MaxSpan);

                    // Legacy horizontal merge (w:hMerge): a continuing cell widens the one before it.
                    if (properties?.Child("hMerge") is { } h && h.Val != Restart && cells.Count > 0)
                    {
                        var last = cells[^1];
                        cells[^1] = last with { ColSpan = last.ColSpan + span };
                        column += span;
                        continue;
                    }

                    var merge = properties?.Child("vMerge");
                    var restart = merge?.Val == Restart;
                    // A continuing cell with nothing above it to continue is read as a cell of its own.
                    var continuation = merge is not null && !restart && rows.Count > 0
                        && rows[^1].Any(c => c.Column == column && (c.StartsMerge || c.IsContinuation));
                    cells.Add(new GridCell(cell, column, span, continuation, restart));
                    column += span;
                }

                columns = Math.Max(columns, column);
                rows.Add(cells);
            }

            return new Grid(rows, columns);
        }

        /// <summary>How many rows a merge started here covers: itself plus the continuing cells below it.</summary>
        public int RowSpan(int row, GridCell cell)
        {
            if (!cell.StartsMerge)
            {
                return 1;
            }

            var span = 1;
            for (var r = row + 1; r < Rows.Count; r++)
            {
                var below = Rows[r].FirstOrDefault(c => c.Column == cell.Column);
                if (below is null || !below.IsContinuation)
                {
                    break;
                }

                span++;
            }

            return span;
        }
    }
}
