using System.Buffers.Binary;
using GovDisclosure.Infrastructure.Pdf.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GovDisclosure.Infrastructure.Tests.Pdf;

public sealed class TrueTypeCollectionTests
{
    private const string ZenHei = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    private const string UMing = "/usr/share/fonts/truetype/arphic/uming.ttc";

    [Fact]
    public void The_debian_cjk_fonts_are_collections_with_several_faces()
    {
        var bytes = File.ReadAllBytes(UMing);

        Assert.True(TrueTypeCollection.IsCollection(bytes));
        Assert.Equal(4, TrueTypeCollection.FaceCount(bytes));
    }

    [Fact]
    public void An_extracted_face_is_a_standalone_truetype_font_with_valid_checksums()
    {
        var face = TrueTypeCollection.ExtractFace(File.ReadAllBytes(ZenHei), 0);

        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(face));
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(face.AsSpan(4));
        var tags = new List<string>();
        for (var i = 0; i < numTables; i++)
        {
            var record = face.AsSpan(12 + (16 * i));
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            Assert.True(offset % 4 == 0 && offset + length <= face.Length, $"table {tag} misplaced");
            if (tag != "head")
            {
                Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(record[4..]), Checksum(face.AsSpan(offset, (length + 3) & ~3)));
            }

            tags.Add(tag);
        }

        Assert.Equal(tags.Order(StringComparer.Ordinal), tags);
        Assert.Contains("glyf", tags);
        Assert.Contains("cmap", tags);
        Assert.Equal(0xB1B0AFBAu, Checksum(face)); // head.checkSumAdjustment makes the whole file sum to the magic
    }

    [Fact]
    public void A_face_index_beyond_the_collection_is_refused()
    {
        var bytes = File.ReadAllBytes(ZenHei);

        Assert.Throws<ArgumentOutOfRangeException>(() => TrueTypeCollection.ExtractFace(bytes, 3));
    }

    [Fact]
    public void PDFsharp_accepts_the_extracted_face_and_embeds_it_with_extractable_chinese_text()
    {
        // The renderer installs the resolver; a face registered by path is then usable by its family name.
        _ = PdfTestSupport.Renderer;
        var family = ReportFontResolver.Register(new FontSource(UMing, 1)); // face 1: AR PL UMing HK
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var g = XGraphics.FromPdfPage(page))
        {
            var font = new XFont(family.Full, 20, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            g.DrawString("政府信息公开", font, XBrushes.Black, 50, 100);
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        var pdf = stream.ToArray();

        Assert.Contains("政府信息公开", PdfTestSupport.PdfToText(pdf), StringComparison.Ordinal);
        Assert.Contains("AR PL UMing HK", PdfTestSupport.PdfFonts(pdf), StringComparison.Ordinal);
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        return sum;
    }
}
