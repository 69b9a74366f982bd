using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Import.Tests;

/// <summary>The sample files beside this source file (Import/Samples), read without copying them to the output.</summary>
internal static class SampleFiles
{
    public const string Yinzhou2020 = "000_ffb7cb016be5db93.txt";
    public const string Beilun2020 = "001_34264c7ee48481bb.txt";
    public const string Xinhua2021 = "003_07ea97a0e0dbb2b9.txt";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory(), "Samples", name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));

    private static string Directory([CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path)!;
}

/// <summary>
/// Writes a report the way other sources publish it, from the template's own grid (merged headers, row
/// labels with their spans): tab-separated rows, Markdown pipe tables, or HTML with rowspan/colspan. The
/// variant tests import what this writes and expect the cells back.
/// </summary>
internal static class ReportWriter
{
    public sealed record Options
    {
        /// <summary>Writes the unit into each amount cell (「3.27万元」) or not.</summary>
        public bool UnitInAmountCells { get; init; } = true;

        /// <summary>Repeats table 三's header rows before this data row index, as a paginated export does.</summary>
        public int? RepeatHeaderBeforeRow { get; init; }

        /// <summary>Writes label line breaks as an export from Word does (「本年新<br/>制作数量」).</summary>
        public bool BreakLongLabels { get; init; }
    }

    public static string Tabs(ReportDocument report, Options? options = null) =>
        Write(report, options ?? new(), rows => rows.Select(r => string.Join('\t', r)), heading => heading);

    public static string Markdown(ReportDocument report, Options? options = null) =>
        Write(report, options ?? new(), rows =>
        {
            var lines = new List<string>();
            var first = true;
            foreach (var row in rows)
            {
                lines.Add("| " + string.Join(" | ", row) + " |");
                if (first)
                {
                    lines.Add("|" + string.Concat(Enumerable.Repeat("---|", row.Count)));
                    first = false;
                }
            }

            return lines;
        }, heading => "## " + heading);

    public static string Html(ReportDocument report, Options? options = null)
    {
        options ??= new();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(report.Title)}</title></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{WebUtility.HtmlEncode(report.Title)}</h1>\n");
        foreach (var section in report.Definition.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{section.Heading}</h2>\n");
            foreach (var line in report.SectionText(section.Key).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(line)}</p>\n");
            }

            foreach (var table in section.Tables)
            {
                html.Append("<table border=\"1\">\n<thead>\n");
                foreach (var row in table.HeaderRows)
                {
                    html.Append(HtmlRow(report, row, options));
                }

                html.Append("</thead>\n<tbody>\n");
                for (var i = 0; i < table.BodyRows.Count; i++)
                {
                    if (table.Id == "s3" && options.RepeatHeaderBeforeRow == i)
                    {
                        foreach (var row in table.HeaderRows)
                        {
                            html.Append(HtmlRow(report, row, options));
                        }
                    }

                    html.Append(HtmlRow(report, table.BodyRows[i], options));
                }

                html.Append("</tbody>\n</table>\n");
            }
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string HtmlRow(ReportDocument report, GridRow row, Options options)
    {
        var html = new StringBuilder("<tr>");
        foreach (var cell in row.Cells)
        {
            var spans = (cell.ColSpan > 1 ? $" colspan=\"{cell.ColSpan}\"" : string.Empty) + (cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan}\"" : string.Empty);
            var text = cell.IsData ? Value(report, cell.CellCode!, options) : WebUtility.HtmlEncode(cell.Text ?? string.Empty);
            if (!cell.IsData && options.BreakLongLabels && text.Length > 6)
            {
                text = text[..3] + "<br/>\n" + text[3..];
            }

            html.Append(CultureInfo.InvariantCulture, $"<td{spans}>{text}</td>");
        }

        return html.Append("</tr>\n").ToString();
    }

    private static string Write(ReportDocument report, Options options, Func<List<List<string>>, IEnumerable<string>> table, Func<string, string> heading)
    {
        var text = new StringBuilder();
        text.AppendLine(report.Title);
        foreach (var section in report.Definition.Sections)
        {
            text.AppendLine(heading(section.Heading));
            foreach (var line in report.SectionText(section.Key).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                text.AppendLine(line);
            }

            foreach (var t in section.Tables)
            {
                var rows = new List<List<string>>();
                var header = Expand(report, t, t.HeaderRows, options);
                rows.AddRange(header);
                var body = Expand(report, t, t.BodyRows, options);
                for (var i = 0; i < body.Count; i++)
                {
                    if (t.Id == "s3" && options.RepeatHeaderBeforeRow == i)
                    {
                        rows.AddRange(header);
                    }

                    rows.Add(body[i]);
                }

                foreach (var line in table(rows))
                {
                    text.AppendLine(line);
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>The grid with spans expanded: a merged cell's text in its first slot, blanks in the others.</summary>
    private static List<List<string>> Expand(ReportDocument report, TableDefinition table, IReadOnlyList<GridRow> rows, Options options)
    {
        var result = new List<List<string>>();
        var pending = new int[table.ColumnCount];
        foreach (var row in rows)
        {
            var line = new string?[table.ColumnCount];
            for (var c = 0; c < table.ColumnCount; c++)
            {
                if (pending[c] > 0)
                {
                    line[c] = string.Empty;
                    pending[c]--;
                }
            }

            var col = 0;
            foreach (var cell in row.Cells)
            {
                while (col < table.ColumnCount && line[col] is not null)
                {
                    col++;
                }

                var text = cell.IsData ? Value(report, cell.CellCode!, options) : cell.Text ?? string.Empty;
                for (var k = 0; k < cell.ColSpan && col + k < table.ColumnCount; k++)
                {
                    line[col + k] = k == 0 ? text : string.Empty;
                    pending[col + k] = cell.RowSpan - 1;
                }

                col += cell.ColSpan;
            }

            result.Add(line.Select(s => s ?? string.Empty).ToList());
        }

        return result;
    }

    private static string Value(ReportDocument report, string code, Options options)
    {
        var cell = report.Definition.Cell(code);
        if (report.Cells.Get(code) is not { } value)
        {
            return string.Empty;
        }

        var text = InterchangeJson.FormatValue(cell.Kind, value);
        return cell.Kind == CellKind.Amount && options.UnitInAmountCells ? text + "万元" : text;
    }
}
