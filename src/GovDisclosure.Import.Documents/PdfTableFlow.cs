namespace GovDisclosure.Import.Documents;

internal static partial class PdfLayout
{
    /// <summary>
    /// A table that ends one page and a table of as many columns that starts the next are one table: the
    /// header rows it repeats are dropped, and a row that the page break cut in two (its label's tail with
    /// no number of its own) is joined back to the row it belongs to.
    /// </summary>
    private static List<object> MergeContinuedTables(List<object> blocks)
    {
        var result = new List<object>();
        foreach (var block in blocks)
        {
            if (block is TableModel next && result.Count > 0 && result[^1] is TableModel previous
                && next.Page == previous.Page + 1 && next.ColumnCount == previous.ColumnCount && previous.Rows.Count > 0
                && next.Borderless == previous.Borderless)
            {
                // Without lines the header is known as such: a continuation's header rows are the repeated header.
                var repeated = next.Borderless ? next.HeaderRows : 0;
                while (!next.Borderless && repeated < next.Rows.Count && repeated < previous.Rows.Count && SameRow(previous.Rows[repeated], next.Rows[repeated]))
                {
                    repeated++;
                }

                var rows = next.Rows.Skip(repeated).ToList();
                if (rows.Count > 0 && IsCutTail(rows[0]))
                {
                    JoinTail(previous, rows[0]);
                    rows.RemoveAt(0);
                }

                previous.Rows.AddRange(rows);
                previous.Bottom = next.Bottom;
                continue;
            }

            result.Add(block);
        }

        return result;
    }

    private static bool SameRow(List<TableCellModel> a, List<TableCellModel> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Column == p.Second.Column && p.First.ColSpan == p.Second.ColSpan
                                                 && p.First.Text.ToString() == p.Second.Text.ToString())
        && a.Any(c => c.Text.Length > 0);

    /// <summary>The rest of a row cut by the page break: some text, no number, not a numbered label of its own.</summary>
    private static bool IsCutTail(List<TableCellModel> row)
    {
        var texts = row.Select(c => c.Text.ToString()).Where(t => t.Length > 0).ToList();
        return texts.Count > 0 && !texts.Any(t => t.Any(char.IsDigit)) && !Numbered().IsMatch(texts[0]);
    }

    private static void JoinTail(TableModel table, List<TableCellModel> tail)
    {
        if (table.Borderless)
        {
            // Its cells have no grid column: the tail continues the last label of the last row.
            if (table.Rows[^1].LastOrDefault(c => c.IsLabel) is { } label)
            {
                foreach (var piece in tail.Where(c => c.Text.Length > 0))
                {
                    JoinWrapped(label.Text, piece.Text.ToString());
                }
            }

            return;
        }

        foreach (var piece in tail.Where(c => c.Text.Length > 0))
        {
            // The cell covering this column in the table's last row, found upwards through row spans.
            TableCellModel? target = null;
            for (var r = table.Rows.Count - 1; r >= 0 && target is null; r--)
            {
                target = table.Rows[r].FirstOrDefault(c => c.Column <= piece.Column && piece.Column < c.Column + c.ColSpan);
            }

            if (target is null)
            {
                continue;
            }

            var text = piece.Text.ToString();
            JoinWrapped(target.Text, text);
        }
    }
}
