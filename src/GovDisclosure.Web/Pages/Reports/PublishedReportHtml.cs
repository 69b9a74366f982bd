using System.Globalization;
using System.Text.Encodings.Web;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Web.Pages.Shared.Report;
using Microsoft.AspNetCore.Html;

namespace GovDisclosure.Web.Pages.Reports;

/// <summary>
/// The body of a published report (title, six sections, their texts and tables) written straight from the stored
/// read model (<see cref="PublicPage"/>) and the template's grids. A full report is about 200 cells, so the markup
/// per cell is kept to what a reader needs: the tables carry their structure (caption, column and row headers with
/// scope) for assistive technology instead of a title repeated on every cell, and nothing is indented. The staff
/// pages keep the shared _ReportTable partial, which has inputs, notes and last year's figures to show.
/// </summary>
/// <param name="Warnings">The page's warnings in list order; a cell a warning names links to its entry.</param>
public sealed class PublishedReportHtml(PublicPage page, IReadOnlyList<Public.PublicWarning> warnings) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        var definition = page.Definition;
        var findingsByCell = FindingsByCell();
        var derived = page.Derived.ToHashSet(StringComparer.Ordinal);

        writer.Write("<article class=\"report-document\"><h1 class=\"report-title\">");
        encoder.Encode(writer, page.Title);
        writer.Write("</h1>");
        foreach (var section in definition.Sections)
        {
            writer.Write("<section class=\"report-section\" id=\"section-");
            writer.Write(section.Key);
            writer.Write("\" aria-labelledby=\"heading-");
            writer.Write(section.Key);
            writer.Write("\">\n<h2 id=\"heading-");
            writer.Write(section.Key);
            writer.Write("\">");
            encoder.Encode(writer, section.Heading);
            writer.Write("</h2>\n");
            foreach (var paragraph in page.SectionText(section.Key).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                writer.Write("<p>");
                encoder.Encode(writer, paragraph);
                writer.Write("</p>\n");
            }

            foreach (var table in section.Tables)
            {
                WriteTable(writer, encoder, table, table.Caption ?? section.Heading, derived, findingsByCell);
            }

            writer.Write("</section>\n");
        }

        writer.Write("</article>");
    }

    private void WriteTable(
        TextWriter writer, HtmlEncoder encoder, TableDefinition table, string label, HashSet<string> derived, Dictionary<string, List<int>> findingsByCell)
    {
        // A scrolling box a keyboard can reach, named by the table's own caption.
        var captionId = "caption-" + table.Id;
        writer.Write("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"");
        writer.Write(captionId);
        writer.Write("\"><table class=\"report-table\" data-table=\"");
        writer.Write(table.Id);
        writer.Write("\"><caption class=\"visually-hidden\" id=\"");
        writer.Write(captionId);
        writer.Write("\">");
        encoder.Encode(writer, label);
        writer.Write("</caption>\n<thead>");
        foreach (var row in table.HeaderRows)
        {
            writer.Write("<tr>");
            foreach (var cell in row.Cells)
            {
                Header(writer, encoder, "col", cell);
            }

            writer.Write("</tr>\n");
        }

        writer.Write("</thead>\n<tbody>");
        foreach (var row in table.BodyRows)
        {
            writer.Write("<tr>");
            foreach (var cell in row.Cells)
            {
                if (!cell.IsData)
                {
                    Header(writer, encoder, "row", cell);
                    continue;
                }

                var code = cell.CellCode!;
                var warned = findingsByCell.TryGetValue(code, out var findings);
                writer.Write("<td id=\"");
                writer.Write(ReportTableModel.CellId(code));
                writer.Write('"');
                if (derived.Contains(code) || warned)
                {
                    // A total the agency left blank reads as computed; a cell a warning names is marked and described by it.
                    writer.Write(" class=\"");
                    writer.Write(derived.Contains(code) ? (warned ? "cell-value--derived cell--warning" : "cell-value--derived") : "cell--warning");
                    writer.Write('"');
                }

                if (warned)
                {
                    writer.Write(" aria-describedby=\"");
                    writer.Write(string.Join(' ', findings!.Select(ReportTableModel.FindingId)));
                    writer.Write('"');
                }

                Spans(writer, cell);
                writer.Write('>');
                if (page.Cells.TryGetValue(code, out var shown))
                {
                    encoder.Encode(writer, shown);
                }

                writer.Write("</td>");
            }

            writer.Write("</tr>\n");
        }

        writer.Write("</tbody></table></div>\n");
    }

    private static void Header(TextWriter writer, HtmlEncoder encoder, string scope, GridCell cell)
    {
        writer.Write("<th scope=\"");
        writer.Write(scope);
        writer.Write('"');
        Spans(writer, cell);
        writer.Write('>');
        encoder.Encode(writer, cell.Text ?? string.Empty);
        writer.Write("</th>");
    }

    private static void Spans(TextWriter writer, GridCell cell)
    {
        if (cell.ColSpan > 1)
        {
            writer.Write(" colspan=\"");
            writer.Write(cell.ColSpan.ToString(CultureInfo.InvariantCulture));
            writer.Write('"');
        }

        if (cell.RowSpan > 1)
        {
            writer.Write(" rowspan=\"");
            writer.Write(cell.RowSpan.ToString(CultureInfo.InvariantCulture));
            writer.Write('"');
        }
    }

    private Dictionary<string, List<int>> FindingsByCell()
    {
        var byCell = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < warnings.Count; i++)
        {
            foreach (var code in warnings[i].CellCodes)
            {
                if (!byCell.TryGetValue(code, out var list))
                {
                    byCell[code] = list = [];
                }

                list.Add(i);
            }
        }

        return byCell;
    }
}
