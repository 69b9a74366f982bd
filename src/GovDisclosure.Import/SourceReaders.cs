using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Import;

/// <summary>Turns each supported format into <see cref="SourceLine"/>s. Placement is not done here.</summary>
internal static partial class SourceReaders
{
    /// <summary>More than this many nested elements is an attack or a broken export, not a report.</summary>
    internal const int MaxHtmlDepth = 256;

    /// <summary>No statutory table spans more than 15 columns or 22 rows; 1000 leaves room for odd layouts.</summary>
    internal const int MaxSpan = 1000;

    /// <summary>A label broken over two lines by the Word extraction leaves a short tail such as 「量」 or 「维持」.</summary>
    private const int MaxContinuationLength = 12;

    // ---- Plain text ------------------------------------------------------------------------------

    /// <summary>
    /// Plain text as extracted from Word or copied from a browser. Three shapes occur, often in one file, so the
    /// shape is decided line by line from each line's own neighbours, never by counting the whole file:
    /// <list type="bullet">
    /// <item>one cell per line, each line starting with a tab, rows separated by empty lines (samples 000, 001);</item>
    /// <item>one row per line, its cells tab-separated (sample 003);</item>
    /// <item>a browser's copy of an HTML table (<see cref="ReadBrowserBlock"/>): a cell written as a paragraph
    /// stands between empty lines, and the tab that separates it from the next cell stands on a line of its own.</item>
    /// </list>
    /// A section without any tab is read one cell per line, empty lines being blank cells.
    /// </summary>
    public static List<SourceLine> ReadText(string content)
    {
        var lines = content.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var tablessSection = SectionsWithoutTabs(lines);

        var result = new List<SourceLine>();
        var previousWasSingleLabelCell = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var wasSingle = previousWasSingleLabelCell;
            previousWasSingleLabelCell = false;
            if (Headings.SectionOf(line) is not null)
            {
                result.Add(SourceLine.Prose(line.Trim()));
                continue;
            }

            if (IsBrowserLine(lines, i))
            {
                i = ReadBrowserBlock(lines, i, result) - 1;
                continue;
            }

            if (line.Contains('\t', StringComparison.Ordinal))
            {
                if (IsOneCellLine(lines, i))
                {
                    var cell = line[1..];
                    result.Add(SourceLine.Row([cell]));
                    previousWasSingleLabelCell = !string.IsNullOrWhiteSpace(cell) && !ValueParser.LooksNumeric(cell);
                    continue;
                }

                var fields = line.Split('\t');
                var softTail = Enumerable.Reverse(fields).TakeWhile(string.IsNullOrWhiteSpace).Count();
                if (softTail < fields.Length)
                {
                    result.Add(SourceLine.Row(fields, softTail));
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                // Among tabs an empty line separates rows; in a section without any, it is the blank cell itself.
                if (tablessSection[i])
                {
                    result.Add(SourceLine.Row([string.Empty]));
                }

                continue;
            }

            if (wasSingle && line.Trim().Length <= MaxContinuationLength && result.Count > 0 && result[^1].Cells is [var head])
            {
                // A line break inside a label: 「上一年项目数」 + 「量」.
                result[^1] = SourceLine.Row([head + line.Trim()]);
                continue;
            }

            result.Add(SourceLine.Prose(line));
        }

        return result;
    }

    /// <summary>For each line, whether its section (between headings) has no tab at all.</summary>
    private static bool[] SectionsWithoutTabs(List<string> lines)
    {
        var result = new bool[lines.Count];
        var start = 0;
        for (var i = 0; i <= lines.Count; i++)
        {
            if (i == lines.Count || (i > start && Headings.SectionOf(lines[i]) is not null))
            {
                var noTabs = !lines.Skip(start).Take(i - start).Any(l => l.Contains('\t', StringComparison.Ordinal));
                Array.Fill(result, noTabs, start, i - start);
                start = i;
            }
        }

        return result;
    }

    private static bool IsEmpty(List<string> lines, int i) => i < 0 || i >= lines.Count || lines[i].Length == 0;

    /// <summary>「\t规章」: one tab, at the start, and something after it.</summary>
    private static bool IsTabPrefixed(string line) => line.Length > 1 && line[0] == '\t' && line.IndexOf('\t', 1) < 0 && !string.IsNullOrWhiteSpace(line);

    /// <summary>「\t」, 「\t\u00a0」: a blank cell, or a browser's tab between two cells.</summary>
    private static bool IsTabOnly(string line) => line.Contains('\t', StringComparison.Ordinal) && string.IsNullOrWhiteSpace(line);

    /// <summary>
    /// A tab-prefixed line is one cell when it sits among other one-cell lines (a Word extraction that writes
    /// each cell on its own line); alone among tab-separated rows it is a row whose first cell is empty.
    /// </summary>
    private static bool IsOneCellLine(List<string> lines, int i)
    {
        if (!IsTabPrefixed(lines[i]) && !IsTabOnly(lines[i]))
        {
            return false;
        }

        bool OneCell(int j) => j >= 0 && j < lines.Count && (IsTabPrefixed(lines[j]) || (IsTabOnly(lines[j]) && lines[j].Count(c => c == '\t') == 1));
        return OneCell(i - 1) || OneCell(i + 1);
    }

    /// <summary>
    /// What a browser's copy has and a Word extraction has not: a tab next to an empty line. A lone tab, or a
    /// single tab-prefixed cell, between two empty lines; or cells on a line that an empty line precedes or follows.
    /// </summary>
    private static bool IsBrowserLine(List<string> lines, int i)
    {
        var line = lines[i];
        if (!line.Contains('\t', StringComparison.Ordinal))
        {
            return false;
        }

        if (IsTabOnly(line) || IsTabPrefixed(line))
        {
            return IsEmpty(lines, i - 1) && IsEmpty(lines, i + 1);
        }

        return IsEmpty(lines, i - 1) || IsEmpty(lines, i + 1);
    }

    /// <summary>
    /// Reads a browser's copy of table rows, from the browser line at <paramref name="start"/>, and returns the
    /// index of the first line after it. The copy joins a row's cells with a tab and its rows with a line feed,
    /// and puts empty lines around every cell written as a paragraph; so a tab is the boundary between two
    /// cells wherever it stands, two tabs with nothing between them are an empty cell, two cells with no tab
    /// between them are two rows, and a line feed inside a cell (「结果」 + 「维持」) continues it. Each row
    /// becomes one source line, as a tab-separated row would.
    /// </summary>
    private static int ReadBrowserBlock(List<string> lines, int start, List<SourceLine> result)
    {
        // The row's first cell may stand before the first tab, as a paragraph of its own.
        if (start >= 2 && IsEmpty(lines, start - 1) && IsCellText(lines[start - 2]) && result.Count > 0 && result[^1].Paragraph == lines[start - 2])
        {
            result.RemoveAt(result.Count - 1);
            start -= 2;
        }

        var end = start;
        var lastTab = start;
        while (end < lines.Count)
        {
            var line = lines[end];
            if (Headings.SectionOf(line) is not null || (line.Contains('\t', StringComparison.Ordinal) && !IsBrowserLine(lines, end))
                || (!line.Contains('\t', StringComparison.Ordinal) && line.Length > 0 && !IsCellText(line)))
            {
                break;
            }

            if (line.Contains('\t', StringComparison.Ordinal))
            {
                lastTab = end;
            }

            end++;
        }

        // After the last tab only the cell that tab opens belongs to the table.
        if (end > lastTab + 1)
        {
            var next = lastTab + 1;
            while (next < end && lines[next].Length == 0)
            {
                next++;
            }

            end = next < end && !lines[lastTab].EndsWith('\t') && lines[lastTab].Trim().Length > 0 ? lastTab + 1 : Math.Min(end, next + 1);
        }

        var row = new List<string>();
        var boundary = false;
        var previousContent = false;

        void EndRow()
        {
            if (row.Count > 0)
            {
                result.Add(SourceLine.Row(row));
                row = [];
            }

            boundary = false;
        }

        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                previousContent = false;
                continue;
            }

            if (!line.Contains('\t', StringComparison.Ordinal))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    // 「&nbsp;」: a paragraph that holds only a non-breaking space is an empty cell.
                    if (!boundary && row.Count > 0)
                    {
                        EndRow();
                    }

                    row.Add(string.Empty);
                    boundary = false;
                    previousContent = false;
                    continue;
                }

                if (previousContent && !boundary && row.Count > 0)
                {
                    row[^1] += line.Trim();
                }
                else
                {
                    if (!boundary && row.Count > 0)
                    {
                        EndRow();
                    }

                    row.Add(line.Trim());
                    boundary = false;
                }

                previousContent = true;
                continue;
            }

            var fields = line.Split('\t');
            if (previousContent && fields[0].Length == 0)
            {
                // A line feed, then a tab: a new row whose first cell is empty (a merged label column).
                EndRow();
                row.Add(string.Empty);
            }

            for (var k = 0; k < fields.Length; k++)
            {
                if (k > 0)
                {
                    if (boundary)
                    {
                        row.Add(string.Empty);
                    }

                    boundary = true;
                }

                var field = fields[k];
                if (field.Trim().Length > 0)
                {
                    if (k == 0 && !boundary && row.Count > 0)
                    {
                        EndRow();
                    }

                    row.Add(field.Trim());
                    boundary = false;
                }
                else if (field.Length > 0 && k > 0)
                {
                    row.Add(string.Empty);
                    boundary = false;
                }
            }

            previousContent = !line.EndsWith('\t') && fields[^1].Trim().Length > 0;
        }

        if (row.Count > 0)
        {
            // A tab the block ends with opens a cell that is not there: a blank, or only the end of the row.
            var soft = boundary ? 1 : 0;
            if (boundary)
            {
                row.Add(string.Empty);
            }

            result.Add(SourceLine.Row(row, soft));
        }

        return end;
    }

    /// <summary>A line that can be a cell of a copied table: not a heading and not a sentence of the narrative.</summary>
    private static bool IsCellText(string line) =>
        line.Length > 0 && !line.Contains('\t', StringComparison.Ordinal) && Headings.SectionOf(line) is null && !RowWalker.IsProse(line.Trim());

    // ---- Markdown --------------------------------------------------------------------------------

    public static List<SourceLine> ReadMarkdown(string content)
    {
        var result = new List<SourceLine>();
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '|')
            {
                var cells = SplitPipes(line);
                if (cells.All(c => MarkdownSeparator().IsMatch(c.Trim())))
                {
                    continue;
                }

                // A converter that finds no header row in the PDF invents one (「数据1 | 数据2 | …」): it says nothing.
                if (cells.All(c => c.Trim().Length == 0 || PlaceholderHeader().IsMatch(c.Trim())) && cells.Any(c => c.Trim().Length > 0))
                {
                    continue;
                }

                result.Add(SourceLine.Row(cells.Select(c => BreakTag().Replace(c, string.Empty).Replace("**", string.Empty, StringComparison.Ordinal)).ToList()));
                continue;
            }

            var text = line.TrimStart('#', '>', ' ').Replace("**", string.Empty, StringComparison.Ordinal);
            if (text.Length > 0)
            {
                result.Add(SourceLine.Prose(text));
            }
        }

        return result;
    }

    private static List<string> SplitPipes(string line)
    {
        var inner = line[1..];
        if (inner.EndsWith('|') && !inner.EndsWith("\\|", StringComparison.Ordinal))
        {
            inner = inner[..^1];
        }

        var cells = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (inner[i] == '|')
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(inner[i]);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }

    // ---- HTML ------------------------------------------------------------------------------------

    /// <summary>A report exported from Word with inline styles has a few thousand tags.</summary>
    internal const int MaxHtmlTags = 200_000;

    public static List<SourceLine> ReadHtml(string content)
    {
        // Counted before AngleSharp builds a DOM: megabytes of tags cost seconds to parse.
        if (content.AsSpan().Count('<') > MaxHtmlTags)
        {
            throw new ReportFormatException($"HTML标签超过{MaxHtmlTags}个，远多于年度报告，不是政府信息公开工作年度报告。");
        }

        CheckHtmlNesting(content);
        var document = new HtmlParser().ParseDocument(content);
        if (document.Body is not { } body)
        {
            throw new ReportFormatException("HTML文档没有正文（body）。");
        }

        CheckDomDepth(body);
        var result = new List<SourceLine>();
        if (!string.IsNullOrWhiteSpace(document.Title))
        {
            result.Add(SourceLine.Prose(Collapse(document.Title)));
        }

        var blocks = body.QuerySelectorAll("p,h1,h2,h3,h4,h5,h6,li,tr,caption,pre");
        foreach (var element in blocks)
        {
            if (element.LocalName == "tr")
            {
                // A table nested in a cell is read as that cell's text.
                if (element.Closest("table")?.ParentElement?.Closest("td,th") is not null)
                {
                    continue;
                }

                var cells = new List<string>();
                foreach (var cell in element.Children.Where(c => c.LocalName is "td" or "th"))
                {
                    CheckSpan(cell, "colspan");
                    CheckSpan(cell, "rowspan");
                    cells.Add(CellText(cell));
                }

                if (cells.Count > 0)
                {
                    result.Add(SourceLine.Row(cells));
                }

                continue;
            }

            if (element.Closest("td,th") is not null || (element.LocalName == "caption" && element.Closest("table") is null))
            {
                continue;
            }

            if (element.LocalName == "pre")
            {
                result.AddRange(ReadText(element.TextContent));
                continue;
            }

            // Nested paragraphs (a p inside an li) are read once, at the innermost block.
            if (element.QuerySelector("p,h1,h2,h3,h4,h5,h6,li,table") is not null)
            {
                continue;
            }

            var text = Collapse(element.TextContent);
            if (text.Length > 0)
            {
                result.Add(SourceLine.Prose(text));
            }
        }

        if (!result.Any(l => !l.IsProse) && !result.Skip(1).Any())
        {
            // An HTML page without block markup: read its text as plain text.
            result.AddRange(ReadText(body.TextContent));
        }

        return result;
    }

    /// <summary>A label written over lines (「本年新<br/>制作数量」) is one label: line breaks inside a cell are dropped.</summary>
    private static string CellText(IElement cell)
    {
        var builder = new StringBuilder();
        foreach (var node in cell.GetDescendants())
        {
            if (node is IText text)
            {
                builder.Append(text.Data);
            }
        }

        return WhitespaceRun().Replace(builder.ToString(), " ").Trim();
    }

    private static string Collapse(string text) => WhitespaceRun().Replace(text, " ").Trim();

    private static void CheckSpan(IElement cell, string attribute)
    {
        var value = cell.GetAttribute(attribute);
        if (value is not null && int.TryParse(value.Trim(), out var span) && span > MaxSpan)
        {
            throw new ReportFormatException($"HTML表格的{attribute}={span}超出合理范围（最多{MaxSpan}），不是年度报告表格。");
        }

        if (value is not null && value.Trim().Length > 9)
        {
            throw new ReportFormatException($"HTML表格的{attribute}属性值异常（{value[..Math.Min(value.Length, 20)]}…），不是年度报告表格。");
        }
    }

    /// <summary>
    /// Counts element depth before parsing: elements whose end tag HTML lets a document omit (p, li, td …)
    /// are not counted, so a well-formed table without end tags does not trip the limit.
    /// </summary>
    private static void CheckHtmlNesting(string html)
    {
        var depth = 0;
        for (var i = 0; i < html.Length - 1; i++)
        {
            if (html[i] != '<')
            {
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && end - start < 12 && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                continue;
            }

            var name = html[start..end].ToLowerInvariant();
            if (OptionalEndOrVoid.Contains(name))
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            var close = html.IndexOf('>', end);
            if (close > 0 && html[close - 1] == '/')
            {
                continue;
            }

            if (++depth > MaxHtmlDepth)
            {
                throw new ReportFormatException($"HTML嵌套层数超过{MaxHtmlDepth}层，不是正常的年度报告文档。");
            }
        }
    }

    private static void CheckDomDepth(IElement root)
    {
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth > MaxHtmlDepth * 2)
            {
                throw new ReportFormatException($"HTML嵌套层数超过{MaxHtmlDepth * 2}层，不是正常的年度报告文档。");
            }

            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }
    }

    private static readonly HashSet<string> OptionalEndOrVoid = new(StringComparer.Ordinal)
    {
        "p", "li", "td", "th", "tr", "thead", "tbody", "tfoot", "colgroup", "dt", "dd", "option", "optgroup", "rb", "rt", "rp",
        "html", "head", "body", "br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source", "embed",
        "param", "track",
    };

    [GeneratedRegex(@"^(数据|数值|列|栏|字段|第|column|col|field|data)\s*\d{1,2}\s*列?$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderHeader();

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex MarkdownSeparator();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
