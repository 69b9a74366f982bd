using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using UglyToad.PdfPig;

namespace GovDisclosure.Infrastructure.Tests.Pdf;

/// <summary>A run of letters on one baseline, as a reader sees one piece of text (a cell line, a label line).</summary>
/// <param name="Page">0-based page index.</param>
/// <param name="Baseline">PDF user space, y grows upwards.</param>
internal sealed record PdfFragment(int Page, string Text, double Left, double Right, double Baseline, double Size)
{
    public double Centre => (Left + Right) / 2;
}

/// <summary>A piece of template text found in the PDF, perhaps wrapped over several lines.</summary>
internal sealed record PdfTextBlock(int Page, double Left, double Right, double TopBaseline, double BottomBaseline, double Size);

/// <summary>
/// Finds each value of a report at its cell's place in a rendered PDF (PdfPig letters with positions): on the page
/// and the baseline band of its row's label, and within the x-range of its column's header — never as a substring
/// anywhere on the page. Independent of the renderer's code: it reads only the template's grid and the PDF.
/// </summary>
internal static class PdfCellLocator
{
    public static List<PdfFragment> Fragments(byte[] pdf)
    {
        var fragments = new List<PdfFragment>();
        using var document = PdfDocument.Open(pdf);
        var index = 0;
        foreach (var page in document.GetPages())
        {
            var letters = page.Letters
                .OrderByDescending(l => Math.Round(l.StartBaseLine.Y, 1))
                .ThenBy(l => l.StartBaseLine.X)
                .ToList();
            var run = new List<UglyToad.PdfPig.Content.Letter>();
            void Flush()
            {
                var text = string.Concat(run.Select(l => l.Value)).Trim();
                if (text.Length > 0)
                {
                    fragments.Add(new PdfFragment(index, text, run[0].StartBaseLine.X, run[^1].EndBaseLine.X, run[0].StartBaseLine.Y, run[0].PointSize));
                }

                run.Clear();
            }

            foreach (var letter in letters)
            {
                // Letters drawn by one call touch; a gap of a third of an em (or a step back, to a line a hair lower
                // that sorted after this one) starts another piece of text.
                if (run.Count > 0 && (Math.Abs(letter.StartBaseLine.Y - run[^1].StartBaseLine.Y) > 0.5
                    || Math.Abs(letter.StartBaseLine.X - run[^1].EndBaseLine.X) > letter.PointSize / 3))
                {
                    Flush();
                }

                run.Add(letter);
            }

            Flush();
            index++;
        }

        return fragments;
    }

    /// <summary>
    /// Every way the data cells of <paramref name="report"/> disagree with <paramref name="shown"/> (code → the text the
    /// web page shows, absent or empty for a blank): a value not at its cell's place, or text in a cell that should be blank.
    /// </summary>
    public static List<string> Misplaced(byte[] pdf, ReportDocument report, Func<string, string?> shown)
    {
        var fragments = Fragments(pdf);
        var problems = new List<string>();
        var cursor = (Page: 0, Baseline: double.MaxValue);
        foreach (var table in report.Definition.Tables)
        {
            var leaves = LeafHeaders(table);
            foreach (var (row, rowIndex) in Place(table.BodyRows, table.ColumnCount).GroupBy(c => c.Row).Select(g => (g.ToList(), g.Key)))
            {
                var label = row.LastOrDefault(c => !c.Cell.IsData && c.Row == rowIndex);
                PdfTextBlock? labelBlock = null;
                if (label is not null && !string.IsNullOrEmpty(label.Cell.Text))
                {
                    labelBlock = Find(fragments, label.Cell.Text!, after: cursor);
                    if (labelBlock is null)
                    {
                        problems.Add($"{table.Id}: row label «{label.Cell.Text}» not found after page {cursor.Page + 1}.");
                        continue;
                    }

                    cursor = (labelBlock.Page, labelBlock.TopBaseline);
                }

                var rowCursor = cursor;
                foreach (var data in row.Where(c => c.Cell.IsData))
                {
                    var code = data.Cell.CellCode!;
                    var expected = shown(code) ?? string.Empty;
                    var column = ColumnRange(fragments, leaves, data, labelBlock, rowCursor);
                    if (column is null)
                    {
                        problems.Add($"{table.Id}: header of column {data.Col} for {code} not found on page {cursor.Page + 1}.");
                        continue;
                    }

                    var (page, left, right, size, bottom) = column.Value;
                    if (labelBlock is null)
                    {
                        cursor = (page, Math.Min(cursor.Page == page ? cursor.Baseline : double.MaxValue, bottom)); // the body row right under the header.
                    }

                    var (bandTop, bandBottom) = labelBlock is null
                        ? (bottom - 0.5, bottom - (5 * size))
                        : (labelBlock.TopBaseline + (0.8 * labelBlock.Size), labelBlock.BottomBaseline - (0.8 * labelBlock.Size));
                    var inCell = fragments.Where(f => f.Page == page && f.Centre >= left && f.Centre <= right && f.Baseline <= bandTop && f.Baseline >= bandBottom).ToList();
                    var name = report.Definition.Cell(code).DisplayName;
                    if (expected.Length == 0)
                    {
                        if (inCell.Count > 0)
                        {
                            problems.Add($"{name} ({code}) should be blank but shows «{string.Join(' ', inCell.Select(f => f.Text))}».");
                        }
                    }
                    else if (!inCell.Any(f => f.Text == expected || f.Text == "+" + expected))
                    {
                        problems.Add($"{name} ({code}): «{expected}» not at its cell on page {page + 1} (x {left:F0}–{right:F0}, y {bandBottom:F0}–{bandTop:F0}); there: «{string.Join(' ', inCell.Select(f => f.Text))}».");
                    }
                }
            }
        }

        return problems;
    }

    private sealed record Placed(GridCell Cell, int Row, int Col);

    /// <summary>HTML placement of a grid: each cell takes the next column not covered by a row span from above.</summary>
    private static List<Placed> Place(IReadOnlyList<GridRow> rows, int columns)
    {
        var covered = new bool[rows.Count, columns];
        var placed = new List<Placed>();
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (covered[r, c])
                {
                    c++;
                }

                for (var rr = r; rr < r + cell.RowSpan; rr++)
                {
                    for (var cc = c; cc < c + cell.ColSpan; cc++)
                    {
                        covered[rr, cc] = true;
                    }
                }

                placed.Add(new Placed(cell, r, c));
                c += cell.ColSpan;
            }
        }

        return placed;
    }

    /// <summary>For each column, the lowest header cell over it and which occurrence of its text (left to right) that cell is.</summary>
    private static (string Text, int Occurrence)[] LeafHeaders(TableDefinition table)
    {
        var placed = Place(table.HeaderRows, table.ColumnCount);
        var leaves = new (string, int)[table.ColumnCount];
        var seen = new List<Placed>();
        for (var c = 0; c < table.ColumnCount; c++)
        {
            var leaf = placed.Where(p => p.Col <= c && c < p.Col + p.Cell.ColSpan).MaxBy(p => p.Row + p.Cell.RowSpan)!;
            if (!seen.Contains(leaf))
            {
                seen.Add(leaf);
            }

            var text = leaf.Cell.Text ?? string.Empty;
            leaves[c] = (text, seen.TakeWhile(s => s != leaf).Count(s => s.Cell.Text == text));
        }

        return leaves;
    }

    /// <summary>The x-range of a data cell's column(s) from its header as drawn on the row's page, nearest above the row.</summary>
    private static (int Page, double Left, double Right, double Size, double Bottom)? ColumnRange(
        List<PdfFragment> fragments, (string Text, int Occurrence)[] leaves, Placed data, PdfTextBlock? label, (int Page, double Baseline) cursor)
    {
        var page = label?.Page ?? cursor.Page;
        var rowY = label?.TopBaseline ?? cursor.Baseline;
        double? left = null, right = null, size = null, bottom = null;
        for (var c = data.Col; c < data.Col + data.Cell.ColSpan; c++)
        {
            var (text, occurrence) = leaves[c];
            if (text.Length == 0)
            {
                continue;
            }

            // The header repeats on every page a table continues on: take the copy nearest above the row; a row
            // without a label is the one right under the first header after the previous row.
            List<PdfTextBlock> copies;
            if (label is not null)
            {
                copies = [.. FindAll(fragments, text).Where(b => b.Page == page && b.BottomBaseline > rowY)];
            }
            else
            {
                copies = [.. FindAll(fragments, text).Where(b => b.Page > cursor.Page || (b.Page == cursor.Page && b.TopBaseline < cursor.Baseline))];
                page = copies.Count > 0 ? copies[0].Page : page;
                var firstTop = copies.Count > 0 ? copies[0].TopBaseline : 0;
                copies = [.. copies.Where(b => b.Page == page && Math.Abs(b.TopBaseline - firstTop) < 3 * b.Size)];
            }

            var nearest = copies.Select(b => b.BottomBaseline).DefaultIfEmpty(double.NaN).Min();
            if (label is null)
            {
                nearest = copies.Select(b => b.BottomBaseline).DefaultIfEmpty(double.NaN).Max();
            }

            var row = copies.Where(b => Math.Abs(b.BottomBaseline - nearest) < 3 * b.Size).OrderBy(b => b.Left).ToList();
            if (row.Count <= occurrence)
            {
                return null;
            }

            var header = row[occurrence];
            left = Math.Min(left ?? double.MaxValue, header.Left);
            right = Math.Max(right ?? double.MinValue, header.Right);
            size = header.Size;
            bottom = Math.Min(bottom ?? double.MaxValue, header.BottomBaseline);
        }

        return left is null ? null : (page, left.Value, right!.Value, size!.Value, bottom!.Value);
    }

    private static PdfTextBlock? Find(List<PdfFragment> fragments, string text, (int Page, double Baseline) after) =>
        FindAll(fragments, text).FirstOrDefault(b => b.Page > after.Page || (b.Page == after.Page && b.TopBaseline < after.Baseline - 0.5));

    /// <summary>Every place <paramref name="text"/> is drawn as whole lines (wrapped lines stacked under one another), in reading order.</summary>
    private static IEnumerable<PdfTextBlock> FindAll(List<PdfFragment> fragments, string text)
    {
        var target = Normalise(text);
        for (var i = 0; i < fragments.Count; i++)
        {
            var first = fragments[i];
            var piece = Normalise(first.Text);
            if (piece.Length == 0 || !target.StartsWith(piece, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = target[piece.Length..];
            var last = first;
            var (left, right) = (first.Left, first.Right);
            while (rest.Length > 0)
            {
                var next = fragments.Skip(i + 1)
                    .Where(f => f.Page == first.Page && f.Baseline < last.Baseline - (0.5 * last.Size) && f.Baseline > last.Baseline - (2 * last.Size)
                        && f.Left < last.Right && f.Right > last.Left)
                    .FirstOrDefault(f => Normalise(f.Text).Length > 0 && rest.StartsWith(Normalise(f.Text), StringComparison.Ordinal));
                if (next is null)
                {
                    break;
                }

                rest = rest[Normalise(next.Text).Length..];
                (left, right) = (Math.Min(left, next.Left), Math.Max(right, next.Right));
                last = next;
            }

            if (rest.Length == 0)
            {
                yield return new PdfTextBlock(first.Page, left, right, first.Baseline, last.Baseline, first.Size);
            }
        }
    }

    private static string Normalise(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Normalize(System.Text.NormalizationForm.FormKC);
}
