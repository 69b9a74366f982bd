using System.Collections.Concurrent;
using GovDisclosure.Infrastructure.Pdf.Fonts;
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
    private readonly Lazy<XFont> fullReferenceFont;
    private readonly Lazy<XFont> fullFont;
    private readonly ReportFace face;

    // XFont objects are immutable and resolving one costs a font-cache lookup under a lock: keep them.
    private static readonly ConcurrentDictionary<(string Family, double Size, XFontStyleEx Style), XFont> Fonts = new();

    public FontMeasurer(ReportFace face, double size, XFontStyleEx style, XPdfFontOptions options, XGraphics graphics)
    {
        this.face = face;
        Font = Fonts.GetOrAdd((face.Compact, size, style), key => new XFont(key.Family, key.Size, key.Style, options));
        // The full face is loaded only for a run that needs it: PDFsharp would otherwise parse and hold 10–20 MB per face.
        fullFont = new Lazy<XFont>(() => Fonts.GetOrAdd((face.Full, size, style), key => new XFont(key.Family, key.Size, key.Style, options)));
        this.graphics = graphics;
        // The compact face's advances are the full face's, so both share one cache under the full face's name.
        advances = Cache.GetOrAdd((face.Full, style), _ => new ConcurrentDictionary<int, double>());
        referenceFont = Fonts.GetOrAdd((face.Compact, 100, style), key => new XFont(key.Family, key.Size, key.Style, options));
        fullReferenceFont = new Lazy<XFont>(() => Fonts.GetOrAdd((face.Full, 100, style), key => new XFont(key.Family, key.Size, key.Style, options)));
    }

    /// <summary>The compact face at this size.</summary>
    public XFont Font { get; }

    /// <summary>The full face at this size, for a run with a character the compact face lacks.</summary>
    public XFont FullFont => fullFont.Value;

    /// <summary>The font that draws <paramref name="text"/> with a real glyph for every character it can.</summary>
    public XFont FontFor(ReadOnlySpan<char> text) => face.DrawsWithCompact(text) ? Font : FullFont;

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
                var character = text.Slice(i, length);
                var reference = face.Covers(character) ? referenceFont : fullReferenceFont.Value;
                advance = graphics.MeasureString(character.ToString(), reference).Width / 100.0;
                advances[code] = advance;
            }

            total += advance;
            i += length - 1;
        }

        return total * Font.Size;
    }
}
