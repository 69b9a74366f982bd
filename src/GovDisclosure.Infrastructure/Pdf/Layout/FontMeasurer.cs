using System.Collections.Concurrent;
using PdfSharp.Drawing;

namespace GovDisclosure.Infrastructure.Pdf.Layout;

/// <summary>
/// Measures text in one font by summing cached per-character advances. CJK text has no kerning, and
/// asking PDFsharp to measure every candidate line would dominate the render time.
/// </summary>
internal sealed class FontMeasurer : ITextMeasurer
{
    // Advances at 1 pt, per face and style, shared by every render in the process.
    private static readonly ConcurrentDictionary<(string Family, XFontStyleEx Style), ConcurrentDictionary<int, double>> Cache = new();

    private readonly ConcurrentDictionary<int, double> advances;
    private readonly XGraphics graphics;
    private readonly XFont referenceFont;

    // XFont objects are immutable and resolving one costs a font-cache lookup under a lock: keep them.
    private static readonly ConcurrentDictionary<(string Family, double Size, XFontStyleEx Style), XFont> Fonts = new();

    public FontMeasurer(string family, double size, XFontStyleEx style, XPdfFontOptions options, XGraphics graphics)
    {
        Font = Fonts.GetOrAdd((family, size, style), key => new XFont(key.Family, key.Size, key.Style, options));
        this.graphics = graphics;
        advances = Cache.GetOrAdd((family, style), _ => new ConcurrentDictionary<int, double>());
        referenceFont = Fonts.GetOrAdd((family, 100, style), key => new XFont(key.Family, key.Size, key.Style, options));
    }

    public XFont Font { get; }

    public double Size => Font.Size;

    public double Width(ReadOnlySpan<char> text)
    {
        var total = 0.0;
        for (var i = 0; i < text.Length; i++)
        {
            int code = text[i];
            var length = 1;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length)
            {
                code = char.ConvertToUtf32(text[i], text[i + 1]);
                length = 2;
            }

            if (!advances.TryGetValue(code, out var advance))
            {
                advance = graphics.MeasureString(text.Slice(i, length).ToString(), referenceFont).Width / 100.0;
                advances[code] = advance;
            }

            total += advance;
            i += length - 1;
        }

        return total * Font.Size;
    }
}
