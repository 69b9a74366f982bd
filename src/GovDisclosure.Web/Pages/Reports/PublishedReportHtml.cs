using System.Globalization;
using System.Runtime.CompilerServices;
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
    // The markup of a template's body is the same for every report but for the title, the section texts and the data
    // cells, so it is written once per template (and encoder) into literal runs between those holes: a view then
    // writes about 250 ready strings and 200 cells instead of encoding every header again (docs/benchmarks.md).
    private static readonly ConditionalWeakTable<TemplateDefinition, Skeleton> Skeletons = new();

    private enum Hole
    {
        None,
        Title,
        SectionText,
        Cell,
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        var definition = page.Definition;
        if (!Skeletons.TryGetValue(definition, out var skeleton) || !ReferenceEquals(skeleton.Encoder, encoder))
        {
            skeleton = Skeleton.Build(definition, encoder);
            Skeletons.AddOrUpdate(definition, skeleton);
        }

        var findingsByCell = FindingsByCell();
        var derived = page.Derived.Count == 0 ? null : page.Derived.ToHashSet(StringComparer.Ordinal);
        foreach (var part in skeleton.Parts)
        {
            switch (part.Hole)
            {
                case Hole.None:
                    writer.Write(part.Text);
                    break;
                case Hole.Title:
                    encoder.Encode(writer, page.Title);
                    break;
                case Hole.SectionText:
                    foreach (var paragraph in page.SectionText(part.Text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        writer.Write("<p>");
                        encoder.Encode(writer, paragraph);
                        writer.Write("</p>\n");
                    }

                    break;
                case Hole.Cell:
                    WriteCell(writer, encoder, part, derived, findingsByCell);
                    break;
            }
        }
    }

    /// <summary>A data cell after its <c>&lt;td id="…"</c>: its marks, its spans and its value.</summary>
    private void WriteCell(TextWriter writer, HtmlEncoder encoder, Part part, HashSet<string>? derived, Dictionary<string, List<int>>? findingsByCell)
    {
        var code = part.Text;
        List<int>? findings = null;
        var warned = findingsByCell?.TryGetValue(code, out findings) == true;
        var isDerived = derived?.Contains(code) == true;
        if (isDerived || warned)
        {
            // A total the agency left blank reads as computed; a cell a warning names is marked and described by it.
            writer.Write(isDerived ? (warned ? " class=\"cell-value--derived cell--warning\"" : " class=\"cell-value--derived\"") : " class=\"cell--warning\"");
        }

        if (warned)
        {
            writer.Write(" aria-describedby=\"");
            writer.Write(string.Join(' ', findings!.Select(ReportTableModel.FindingId)));
            writer.Write('"');
        }

        writer.Write(part.AfterAttributes);
        if (page.Cells.TryGetValue(code, out var shown))
        {
            encoder.Encode(writer, shown);
        }
    }

    private Dictionary<string, List<int>>? FindingsByCell()
    {
        if (warnings.Count == 0)
        {
            return null;
        }

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

    /// <param name="Text">The literal markup, the section key or the cell code.</param>
    /// <param name="AfterAttributes">For a cell: its spans and the tag's closing bracket.</param>
    private readonly record struct Part(Hole Hole, string Text, string AfterAttributes = "");

    private sealed class Skeleton(HtmlEncoder encoder, IReadOnlyList<Part> parts)
    {
        public HtmlEncoder Encoder { get; } = encoder;

        public IReadOnlyList<Part> Parts { get; } = parts;

        public static Skeleton Build(TemplateDefinition definition, HtmlEncoder encoder)
        {
            var parts = new List<Part>();
            using var literal = new StringWriter(CultureInfo.InvariantCulture);
            void Flush()
            {
                if (literal.GetStringBuilder().Length > 0)
                {
                    parts.Add(new Part(Hole.None, literal.ToString()));
                    literal.GetStringBuilder().Clear();
                }
            }

            literal.Write("<article class=\"report-document\"><h1 class=\"report-title\">");
            Flush();
            parts.Add(new Part(Hole.Title, string.Empty));
            literal.Write("</h1>");
            foreach (var section in definition.Sections)
            {
                literal.Write("<section class=\"report-section\" id=\"section-");
                literal.Write(section.Key);
                literal.Write("\" aria-labelledby=\"heading-");
                literal.Write(section.Key);
                literal.Write("\">\n<h2 id=\"heading-");
                literal.Write(section.Key);
                literal.Write("\">");
                encoder.Encode(literal, section.Heading);
                literal.Write("</h2>\n");
                Flush();
                parts.Add(new Part(Hole.SectionText, section.Key));
                foreach (var table in section.Tables)
                {
                    Table(literal, encoder, table, table.Caption ?? section.Heading, cell =>
                    {
                        Flush();
                        parts.Add(new Part(Hole.Cell, cell.CellCode!, Spans(cell) + ">"));
                    });
                }

                literal.Write("</section>\n");
            }

            literal.Write("</article>");
            Flush();
            return new Skeleton(encoder, parts);
        }

        private static void Table(TextWriter writer, HtmlEncoder encoder, TableDefinition table, string label, Action<GridCell> dataCell)
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

                    writer.Write("<td id=\"");
                    writer.Write(ReportTableModel.CellId(cell.CellCode!));
                    writer.Write('"');
                    dataCell(cell);
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
            writer.Write(Spans(cell));
            writer.Write('>');
            encoder.Encode(writer, cell.Text ?? string.Empty);
            writer.Write("</th>");
        }

        private static string Spans(GridCell cell) =>
            (cell.ColSpan > 1 ? " colspan=\"" + cell.ColSpan.ToString(CultureInfo.InvariantCulture) + "\"" : string.Empty)
            + (cell.RowSpan > 1 ? " rowspan=\"" + cell.RowSpan.ToString(CultureInfo.InvariantCulture) + "\"" : string.Empty);
    }
}
