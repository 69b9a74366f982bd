using UglyToad.PdfPig.Tokens;

namespace GovDisclosure.Import.Documents;

/// <summary>
/// Whether a PDF's letters can be placed without loading its embedded font programs. The reader needs each
/// letter's text (from the ToUnicode map), its origin and its advance; a composite (CID) TrueType font's
/// advances are in its /W array, which is what a viewer draws by (the PDF spec lets /W override the program's
/// metrics). PdfPig nevertheless parses every embedded program and, for the first letter's bounds, every glyph
/// outline in it: for the portal's own PDFs (two CJK faces, ~600 outlines, 230 KB) that was half of the read
/// (docs/benchmarks.md, "Issue 10 (sixth session)"; docs/decisions/0013). So when every font in the file is a CID TrueType font
/// with a /W array, the programs are not decoded and letters are placed by their advances alone.
/// Simple fonts (TrueType, Type 1) are left alone: PdfPig takes their encoding from the program when the PDF
/// gives none. Anything the raw bytes cannot show (fonts inside object streams) also keeps the programs.
/// </summary>
internal static class PdfFontPrograms
{
    public static bool CanPlaceByWidths(ReadOnlySpan<byte> pdf)
    {
        // Dictionaries packed in compressed object streams are invisible to this scan.
        if (pdf.IndexOf("/ObjStm"u8) >= 0)
        {
            return false;
        }

        var composite = Count(pdf, "/CIDFontType2"u8);
        if (composite == 0 || composite != Count(pdf, "/Type0"u8))
        {
            return false;
        }

        foreach (var other in new[] { "/TrueType"u8.ToArray(), "/Type1"u8.ToArray(), "/MMType1"u8.ToArray(), "/Type3"u8.ToArray(), "/CIDFontType0"u8.ToArray() })
        {
            if (Count(pdf, other) > 0)
            {
                return false;
            }
        }

        // Without /W every advance would be the default 1,000 units, and Latin letters would drift apart.
        return CountWidthArrays(pdf) >= composite;
    }

    /// <summary>A TrueType program's stream carries /Length1 (FontFile2); so does a Type 1 program's, never met here.</summary>
    public static bool IsTrueTypeProgram(DictionaryToken streamDictionary) => streamDictionary.Data.ContainsKey("Length1");

    /// <summary>A name token as a whole: "/Type1" must not count "/Type1C" nor "/Type0" count "/Type0x".</summary>
    private static int Count(ReadOnlySpan<byte> pdf, ReadOnlySpan<byte> name)
    {
        var count = 0;
        for (var at = pdf.IndexOf(name); at >= 0;)
        {
            var end = at + name.Length;
            if (end >= pdf.Length || IsDelimiter(pdf[end]))
            {
                count++;
            }

            var next = pdf[end..].IndexOf(name);
            at = next < 0 ? -1 : end + next;
        }

        return count;
    }

    /// <summary>"/W[" or "/W [" or "/W 12 0 R", not /Widths, /WMode or /W2.</summary>
    private static int CountWidthArrays(ReadOnlySpan<byte> pdf)
    {
        var count = 0;
        for (var at = pdf.IndexOf("/W"u8); at >= 0;)
        {
            var end = at + 2;
            if (end < pdf.Length && (pdf[end] == '[' || pdf[end] == ' ' || pdf[end] == '\n' || pdf[end] == '\r'))
            {
                count++;
            }

            var next = pdf[end..].IndexOf("/W"u8);
            at = next < 0 ? -1 : end + next;
        }

        return count;
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'/' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'(' or (byte)'<';
}

/// <summary>Thrown from the filter for a font program the reader does not need; PdfPig catches it.</summary>
internal sealed class FontProgramSkippedException : Exception
{
    public FontProgramSkippedException()
        : base("The font program is not needed to place letters by their advances.")
    {
    }
}
