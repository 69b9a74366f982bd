using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace GovDisclosure.Import.Documents.Tests;

/// <summary>Hostile and broken files, written byte by byte so each test says exactly what it feeds the reader.</summary>
internal static class HostileFiles
{
    /// <summary>A minimal PDF: the given page content streams, each compressed or not, and an optional image.</summary>
    public static byte[] Pdf(IReadOnlyList<string> pageContents, bool compress, bool withImage = false)
    {
        var objects = new List<byte[]>();
        var pageCount = pageContents.Count;
        int catalog = 1, pages = 2, font = 3, image = 4, firstPage = 5;
        var kids = string.Join(' ', Enumerable.Range(0, pageCount).Select(i => $"{firstPage + (2 * i)} 0 R"));
        objects.Add(Ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.Add(Ascii($"<< /Type /Pages /Kids [{kids}] /Count {pageCount} >>"));
        objects.Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        objects.Add(Stream("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", [0, 255, 255, 0], compress: false));
        for (var i = 0; i < pageCount; i++)
        {
            var resources = withImage ? $"<< /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >>" : $"<< /Font << /F1 {font} 0 R >> >>";
            objects.Add(Ascii($"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents {firstPage + (2 * i) + 1} 0 R >>"));
            objects.Add(Stream("<<", Encoding.ASCII.GetBytes(pageContents[i]), compress));
        }

        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, $"{i + 1} 0 obj\n");
            pdf.Write(objects[i]);
            Write(pdf, "\nendobj\n");
        }

        var xref = pdf.Position;
        Write(pdf, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(pdf, offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write(pdf, $"trailer\n<< /Size {objects.Count + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>A page of <paramref name="count"/> one-letter text objects, each in its own BT … ET.</summary>
    public static string TinyTextObjects(int count)
    {
        var content = new StringBuilder(count * 40);
        for (var i = 0; i < count; i++)
        {
            content.Append(CultureInfo.InvariantCulture, $"BT /F1 1 Tf {i % 500} {i / 500 % 800} Td (a) Tj ET\n");
        }

        return content.ToString();
    }

    /// <summary>A page that only draws a picture, as a scanner writes it.</summary>
    public static string ImageOnly => "q 595 0 0 842 0 0 cm /Im1 Do Q\n";

    /// <summary>A .docx-shaped zip whose document.xml inflates to <paramref name="bytes"/> of the same character.</summary>
    public static byte[] ZipBomb(long bytes)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using var document = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (long written = 0; written < bytes; written += block.Length)
            {
                document.Write(block);
            }
        }

        return zip.ToArray();
    }

    /// <summary>A valid zip that is not a Word document.</summary>
    public static byte[] ZipWithout(string entryName)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(entryName).Open());
            writer.Write("hello");
        }

        return zip.ToArray();
    }

    /// <summary>A stream that never ends, for the size caps.</summary>
    public sealed class Endless : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'P');
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static byte[] Stream(string dictionaryStart, byte[] data, bool compress)
    {
        if (compress)
        {
            using var packed = new MemoryStream();
            using (var z = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(data);
            }

            data = packed.ToArray();
        }

        var head = Ascii($"{dictionaryStart} /Length {data.Length}{(compress ? " /Filter /FlateDecode" : string.Empty)} >>\nstream\n");
        return [.. head, .. data, .. Ascii("\nendstream")];
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
