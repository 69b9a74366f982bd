using PdfSharp.Drawing;

namespace GovDisclosure.Infrastructure.Pdf.Layout;

internal enum ParagraphAlignment
{
    Left,
    Center,
}

/// <summary>A paragraph of Chinese text set line by line; lines flow onto the next page as needed.</summary>
internal static class ParagraphBlock
{
    public static void Compose(PageFlow flow, string text, TextStyle style, double firstLineIndent = 0, ParagraphAlignment alignment = ParagraphAlignment.Left)
    {
        var lines = alignment == ParagraphAlignment.Center
            ? CjkLineBreaker.BreakBalanced(text, flow.Width, style.Measurer)
            : CjkLineBreaker.Break(text, flow.Width, style.Measurer, firstLineIndent);
        for (var i = 0; i < lines.Count; i++)
        {
            flow.EnsureSpace(style.LineHeight);
            var line = lines[i];
            var x = alignment == ParagraphAlignment.Center
                ? flow.Left + ((flow.Width - style.Width(line)) / 2)
                : flow.Left + (i == 0 ? firstLineIndent : 0);
            style.Draw(flow.Graphics, line, x, flow.Y);
            flow.Y += style.LineHeight;
        }
    }

    /// <summary>Splits section text into paragraphs: one per non-empty line, with hand-typed indents removed.</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n')
            .Select(p => p.Trim(' ', '\t', '\u3000', '\u00A0'))
            .Where(p => p.Length > 0);

    public static void DrawCentered(XGraphics graphics, string text, TextStyle style, double left, double width, double lineTop) =>
        style.Draw(graphics, text, left + ((width - style.Width(text)) / 2), lineTop);
}
