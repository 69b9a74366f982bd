using GovDisclosure.Infrastructure.Pdf.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GovDisclosure.Infrastructure.Pdf.Layout;

/// <summary>A font at a size with its line pitch: what a block needs to set and measure text.</summary>
internal sealed class TextStyle
{
    // Unicode encoding writes a ToUnicode map, so pdftotext and copy-paste give back the Chinese text;
    // TryComputeSubset embeds only the glyphs used (the CJK faces are 10–20 MB each), but keeps every glyph slot of the
    // face it is given, which is why that face is the compact one whenever the text allows (docs/decisions/0012).
    public static readonly XPdfFontOptions PdfFontOptions = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    public TextStyle(ReportFace face, double size, double lineHeight, XGraphics graphics, bool bold = false)
    {
        Measurer = new FontMeasurer(face, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, PdfFontOptions, graphics);
        LineHeight = lineHeight;
    }

    public FontMeasurer Measurer { get; }

    public XFont Font => Measurer.Font;

    public double Size => Measurer.Size;

    public double LineHeight { get; }

    /// <summary>Where the baseline of a line sits below the line's top: the ideographic em box centred in the pitch.</summary>
    public double BaselineOffset => ((LineHeight - Size) / 2) + (0.86 * Size);

    public double Width(string text) => Measurer.Width(text);

    public void Draw(XGraphics graphics, string text, double x, double lineTop) =>
        graphics.DrawString(text, Measurer.FontFor(text), XBrushes.Black, x, lineTop + BaselineOffset, XStringFormats.Default);
}
