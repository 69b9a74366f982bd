using System.Buffers.Binary;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Infrastructure.Pdf.Fonts;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;

namespace GovDisclosure.Infrastructure.Tests.Pdf;

/// <summary>
/// The compact faces the renderer embeds from (docs/decisions/0012): the same glyphs as the full faces for everyday
/// text, a real glyph for a rare character, and a PDF far smaller than one embedding from the full faces.
/// </summary>
public sealed class CompactFaceTests
{
    private const string UMing = "/usr/share/fonts/truetype/arphic/uming.ttc";
    private const string ZenHei = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    /// <summary>Not in GB 2312, so outside the compact repertoire; AR PL UMing draws all four.</summary>
    private const string RareCharacters = "堃喆龑昇";

    private static readonly Lazy<(TrueTypeFont Full, TrueTypeFont Compact, CompactFace Face, byte[] FullBytes)> Song = new(() => Parse(UMing));
    private static readonly Lazy<(TrueTypeFont Full, TrueTypeFont Compact, CompactFace Face, byte[] FullBytes)> Hei = new(() => Parse(ZenHei));

    [Fact]
    public void Every_character_of_the_compact_song_face_has_the_full_faces_advance_and_outline() =>
        AssertSameGlyphs(Song.Value);

    [Fact]
    public void Every_character_of_the_compact_hei_face_has_the_full_faces_advance_and_outline() =>
        AssertSameGlyphs(Hei.Value);

    [Fact]
    public void The_compact_faces_hold_the_common_hanzi_in_a_few_thousand_glyph_slots()
    {
        var (_, compact, face, _) = Song.Value;

        Assert.True(face.Covers("政府信息公开工作年度报告，（一）主动公开：１２３ABC。"));
        Assert.False(face.Covers(RareCharacters.AsSpan(0, 1)));
        Assert.InRange(face.GlyphCount, 7_000, 8_500);
    }

    [Fact]
    public void A_narrative_with_characters_outside_the_compact_faces_shows_each_with_a_real_glyph()
    {
        var report = PdfTestSupport.LoadFixture("sample-003-xinhua-2021.json");
        var narrative = $"本机关负责人{RareCharacters}同志主持年度报告编制工作。";
        var pdf = PdfTestSupport.Renderer.Render(WithOverview(report, narrative));

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPages().SelectMany(p => p.Letters).ToList();
        foreach (var rare in RareCharacters)
        {
            var letter = Assert.Single(letters, l => l.Value == rare.ToString());
            // .notdef of AR PL UMing is empty; a drawn character has ink.
            Assert.True(letter.BoundingBox.Width > 1 && letter.BoundingBox.Height > 1, $"{rare} has no glyph");
        }

        // The rest of the line is drawn alike and reads back whole.
        Assert.Contains("同志主持年度报告编制工作", PdfTestSupport.PdfToText(pdf), StringComparison.Ordinal);
        var common = letters.First(l => l.Value == "政");
        Assert.True(common.BoundingBox.Width > 1);
    }

    [Fact]
    public void A_report_of_common_text_embeds_only_compact_faces()
    {
        var pdf = PdfTestSupport.Renderer.Render(PdfTestSupport.LoadFixture("sample-000-yinzhou-2020.json"));

        using var document = PdfDocument.Open(pdf);
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.Equal(2, fonts.Count); // 宋 and 黑, once each
    }

    [Theory]
    [InlineData("sample-000-yinzhou-2020.json")]
    [InlineData("sample-003-xinhua-2021.json")]
    public void A_published_report_pdf_stays_under_210_KB(string fixture)
    {
        // From the full faces each was about 270 KB, nearly all of it glyph slots the document never uses.
        var pdf = PdfTestSupport.Renderer.Render(PdfTestSupport.LoadFixture(fixture));

        Assert.InRange(pdf.Length, 10_000, 210_000);
    }

    [Fact]
    public void A_report_with_a_rare_character_still_renders_byte_identically_twice()
    {
        var report = WithOverview(PdfTestSupport.LoadFixture("sample-000-yinzhou-2020.json"), $"负责人{RareCharacters}。");

        Assert.Equal(PdfTestSupport.Renderer.Render(report), new Infrastructure.Pdf.PdfSharpReportRenderer().Render(report));
    }

    [Fact]
    public void Drawing_a_character_outside_the_compact_faces_warns_the_operator_once_per_character()
    {
        var logger = new CapturingLogger();
        var renderer = new Infrastructure.Pdf.PdfSharpReportRenderer(new Infrastructure.Pdf.PdfOptions(), logger);
        var report = WithOverview(PdfTestSupport.LoadFixture("sample-000-yinzhou-2020.json"), $"负责人{RareCharacters}，副职{RareCharacters[0]}。");

        renderer.Render(report);
        renderer.Render(report);

        Assert.Equal(RareCharacters.Length, logger.Warnings.Count);
        foreach (var rare in RareCharacters)
        {
            Assert.Single(logger.Warnings, w => w.Contains(rare, StringComparison.Ordinal) && w.Contains("uming", StringComparison.Ordinal));
        }

        // Everyday text never warns.
        var quiet = new CapturingLogger();
        new Infrastructure.Pdf.PdfSharpReportRenderer(new Infrastructure.Pdf.PdfOptions(), quiet).Render(PdfTestSupport.LoadFixture("sample-003-xinhua-2021.json"));
        Assert.Empty(quiet.Warnings);
    }

    private sealed class CapturingLogger : Microsoft.Extensions.Logging.ILogger<Infrastructure.Pdf.PdfSharpReportRenderer>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }

    private static ReportDocument WithOverview(ReportDocument report, string text)
    {
        var copy = report.Clone();
        var key = copy.Definition.Sections[0].Key;
        copy.Sections[key] = text + "\n" + copy.SectionText(key);
        return copy;
    }

    private static (TrueTypeFont Full, TrueTypeFont Compact, CompactFace Face, byte[] FullBytes) Parse(string path)
    {
        var fullBytes = TrueTypeCollection.ExtractFace(File.ReadAllBytes(path), 0);
        var face = CompactFace.Build(fullBytes);
        return (TrueTypeFontParser.Parse(new TrueTypeDataBytes(fullBytes)), TrueTypeFontParser.Parse(new TrueTypeDataBytes(face.Bytes)), face, fullBytes);
    }

    private static void AssertSameGlyphs((TrueTypeFont Full, TrueTypeFont Compact, CompactFace Face, byte[] FullBytes) fonts)
    {
        var (full, compact, face, fullBytes) = fonts;
        var compared = 0;
        var outlines = 0;
        foreach (var code in Repertoire.CodePoints)
        {
            var fullGlyph = full.WindowsUnicodeCMap.CharacterCodeToGlyphIndex(code);
            var compactGlyph = compact.WindowsUnicodeCMap.CharacterCodeToGlyphIndex(code);
            if (fullGlyph == 0)
            {
                Assert.Equal(0, compactGlyph);
                Assert.False(face.Covers(((char)code).ToString()));
                continue;
            }

            Assert.True(face.Covers(((char)code).ToString()), $"U+{code:X4} not covered");
            Assert.Equal(Metrics(fullBytes, fullGlyph), Metrics(face.Bytes, compactGlyph));
            var hasPath = full.TryGetPath(code, _ => fullGlyph, out var fullPath);
            Assert.True(hasPath == compact.TryGetPath(code, _ => compactGlyph, out var compactPath), $"U+{code:X4}: glyph {fullGlyph} → {compactGlyph}, outline {hasPath}");
            if (hasPath)
            {
                Assert.Equal(Svg(fullPath), Svg(compactPath));
                outlines += fullPath.Count > 0 ? 1 : 0;
            }

            compared++;
        }

        Assert.True(compared > 7_000, $"only {compared} characters compared");
        Assert.True(outlines > 7_000, $"only {outlines} outlines compared");
    }

    /// <summary>A glyph's advance and left side bearing, read from the font's own hmtx (PdfPig gives no advance for an empty glyph).</summary>
    private static (int Advance, int Lsb) Metrics(byte[] font, int glyph)
    {
        int TableOffset(string tag)
        {
            for (var i = 0; i < BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4)); i++)
            {
                if (System.Text.Encoding.ASCII.GetString(font, 12 + (16 * i), 4) == tag)
                {
                    return (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + (16 * i) + 8));
                }
            }

            throw new InvalidDataException(tag);
        }

        var metrics = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(TableOffset("hhea") + 34));
        var hmtx = TableOffset("hmtx");
        var advance = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(hmtx + (4 * Math.Min(glyph, metrics - 1))));
        var lsb = glyph < metrics
            ? BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(hmtx + (4 * glyph) + 2))
            : BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(hmtx + (4 * metrics) + (2 * (glyph - metrics))));
        return (advance, lsb);
    }

    private static string Svg(IReadOnlyList<PdfSubpath> paths)
    {
        var svg = new System.Text.StringBuilder();
        foreach (var command in paths.SelectMany(p => p.Commands))
        {
            command.WriteSvg(svg, 0);
        }

        return svg.ToString();
    }
}
