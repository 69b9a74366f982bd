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
    /// Plain text as extracted from Word. Two extraction styles occur: one cell per line, each line starting
    /// with a tab, rows separated by empty lines (samples 000, 001); or one row per line with its cells
    /// tab-separated (sample 003). Text without tabs is read one cell per line, blank lines being blank cells.
    /// </summary>
    public static List<SourceLine> ReadText(string content)
    {
        var lines = content.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var singleLeadingTab = lines.Count(l => l.Length > 1 && l[0] == '\t' && l.IndexOf('\t', 1) < 0 && !string.IsNullOrWhiteSpace(l));
        var multiTab = lines.Count(l => l.Contains('\t', StringComparison.Ordinal) && !(l.Length > 0 && l[0] == '\t' && l.IndexOf('\t', 1) < 0));
        var tabPrefixed = singleLeadingTab > multiTab;
        var anyTabs = singleLeadingTab + multiTab > 0;

        var result = new List<SourceLine>();
        var previousWasSingleLabelCell = false;
        foreach (var line in lines)
        {
            var wasSingle = previousWasSingleLabelCell;
            previousWasSingleLabelCell = false;
            if (Headings.SectionOf(line) is not null)
            {
                result.Add(SourceLine.Prose(line.Trim()));
                continue;
            }

            if (line.Contains('\t', StringComparison.Ordinal))
            {
                if (tabPrefixed && line[0] == '\t' && line.IndexOf('\t', 1) < 0)
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
                // With tabs, an empty line separates rows; without, it is the blank cell itself.
                if (!anyTabs)
                {
                    result.Add(SourceLine.Row([string.Empty]));
                }

                continue;
            }

            if (tabPrefixed && wasSingle && line.Trim().Length <= MaxContinuationLength && result.Count > 0 && result[^1].Cells is [var head])
            {
                // A line break inside a label: 「上一年项目数」 + 「量」.
                result[^1] = SourceLine.Row([head + line.Trim()]);
                continue;
            }

            result.Add(SourceLine.Prose(line));
        }

        return result;
    }

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

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex MarkdownSeparator();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
