using System.Net;
using System.Text;

namespace GovDisclosure.Import.Documents;

/// <summary>
/// The small HTML subset both readers emit: the importer's HTML path reads p/h1–h6 as prose and tr/td with
/// colspan/rowspan as table rows, so this is all a document needs to become to be placed by the same engine.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder html = new();

    public HtmlWriter(string? title)
    {
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
        if (!string.IsNullOrWhiteSpace(title))
        {
            html.Append("<title>").Append(WebUtility.HtmlEncode(title.Trim())).Append("</title>");
        }

        html.Append("</head><body>\n");
    }

    public void Paragraph(string text, int headingLevel = 0)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return;
        }

        var tag = headingLevel is >= 1 and <= 6 ? "h" + headingLevel : "p";
        html.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(text)).Append("</").Append(tag).Append(">\n");
    }

    public void BeginTable() => html.Append("<table border=\"1\">\n");

    public void EndTable() => html.Append("</table>\n");

    public void BeginRow() => html.Append("<tr>");

    public void EndRow() => html.Append("</tr>\n");

    /// <summary>A cell; its paragraphs are separated by line breaks, which the HTML reader drops inside a cell.</summary>
    public void Cell(IReadOnlyList<string> paragraphs, int colSpan = 1, int rowSpan = 1)
    {
        html.Append("<td");
        if (colSpan > 1)
        {
            html.Append(" colspan=\"").Append(colSpan).Append('"');
        }

        if (rowSpan > 1)
        {
            html.Append(" rowspan=\"").Append(rowSpan).Append('"');
        }

        html.Append('>');
        var first = true;
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (!first)
            {
                html.Append("<br/>");
            }

            html.Append(WebUtility.HtmlEncode(text));
            first = false;
        }

        html.Append("</td>");
    }

    public override string ToString() => html.ToString() + "</body></html>\n";
}
