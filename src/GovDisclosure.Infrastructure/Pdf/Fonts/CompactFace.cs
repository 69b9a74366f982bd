using System.Buffers.Binary;
using System.Text;

namespace GovDisclosure.Infrastructure.Pdf.Fonts;

/// <summary>A compact TrueType face and the characters it draws (docs/decisions/0012).</summary>
public sealed class CompactFace
{
    private readonly bool[] covered;

    internal CompactFace(byte[] bytes, bool[] covered, int glyphCount)
    {
        Bytes = bytes;
        this.covered = covered;
        GlyphCount = glyphCount;
    }

    /// <summary>The font file.</summary>
    public byte[] Bytes { get; }

    /// <summary>Glyph slots in the face, .notdef included.</summary>
    public int GlyphCount { get; }

    /// <summary>Whether every character of <paramref name="text"/> has its glyph in this face; a surrogate pair never has.</summary>
    public bool Covers(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!covered[c])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Builds from a full TrueType face a face holding only the glyphs of <see cref="Repertoire"/> that the face maps
    /// (and the glyphs their composites use), renumbered in code point order. PDFsharp's subset keeps every glyph slot
    /// of the face it is given (its loca and hmtx have one entry per slot, tens of thousands for a CJK face), so giving it
    /// this face instead is what makes each PDF small and cheap to read back. The outlines, advances and side bearings
    /// are the original's, byte for byte; hinting programs are kept; tables indexed by glyph that are not rebuilt
    /// (bitmaps, layout, kerning, vertical metrics) are dropped, as PDF text drawn by PDFsharp uses none of them.
    /// </summary>
    public static CompactFace Build(ReadOnlySpan<byte> font)
    {
        var tables = ReadTables(font);
        var head = Table(font, tables, "head");
        var maxp = Table(font, tables, "maxp");
        var hhea = Table(font, tables, "hhea");
        var hmtx = Table(font, tables, "hmtx");
        var loca = Table(font, tables, "loca");
        var glyf = Table(font, tables, "glyf");
        var cmap = Table(font, tables, "cmap");
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(maxp[4..]);
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head[50..]) == 1;
        var numberOfHMetrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);

        var offsets = new int[numGlyphs + 1];
        for (var gid = 0; gid <= numGlyphs; gid++)
        {
            offsets[gid] = longLoca
                ? checked((int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * gid)..]))
                : 2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * gid)..]);
            if (offsets[gid] > glyf.Length || (gid > 0 && offsets[gid] < offsets[gid - 1]))
            {
                throw new InvalidDataException("The font's loca table points outside its glyf table.");
            }
        }

        // The characters kept, each with its original glyph, in code point order.
        var unicode = CharacterMap.Read(cmap);
        var mapped = new List<(int Code, int Glyph)>();
        foreach (var code in Repertoire.CodePoints)
        {
            if (unicode.TryGetValue(code, out var gid) && gid > 0 && gid < numGlyphs)
            {
                mapped.Add((code, gid));
            }
        }

        // New glyph ids: .notdef, then the mapped glyphs in code point order, then the components they need.
        var newId = new Dictionary<int, int> { [0] = 0 };
        var order = new List<int> { 0 };
        void Keep(int gid)
        {
            if (newId.TryAdd(gid, order.Count))
            {
                order.Add(gid);
            }
        }

        foreach (var (_, gid) in mapped)
        {
            Keep(gid);
        }

        for (var i = 0; i < order.Count; i++)
        {
            var start = offsets[order[i]];
            var end = offsets[order[i] + 1];
            foreach (var (component, _) in Components(glyf, start, end))
            {
                if (component < numGlyphs)
                {
                    Keep(component);
                }
            }
        }

        // glyf with components renumbered, and a long-format loca.
        var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (order.Count + 1)];
        for (var i = 0; i < order.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * i), (uint)newGlyf.Length);
            var start = offsets[order[i]];
            var end = offsets[order[i] + 1];
            if (end > start)
            {
                var glyph = glyf[start..end].ToArray();
                foreach (var (component, at) in Components(glyf, start, end))
                {
                    BinaryPrimitives.WriteUInt16BigEndian(glyph.AsSpan(at - start), (ushort)newId[component]);
                }

                newGlyf.Write(glyph);
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * order.Count), (uint)newGlyf.Length);

        // Every glyph gets a full metric, taken from the original (whose trailing glyphs share the last advance).
        var newHmtx = new byte[4 * order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var gid = order[i];
            var advance = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(4 * Math.Min(gid, numberOfHMetrics - 1))..]);
            var lsb = gid < numberOfHMetrics
                ? BinaryPrimitives.ReadInt16BigEndian(hmtx[((4 * gid) + 2)..])
                : BinaryPrimitives.ReadInt16BigEndian(hmtx[((4 * numberOfHMetrics) + (2 * (gid - numberOfHMetrics)))..]);
            BinaryPrimitives.WriteUInt16BigEndian(newHmtx.AsSpan(4 * i), advance);
            BinaryPrimitives.WriteInt16BigEndian(newHmtx.AsSpan((4 * i) + 2), lsb);
        }

        var newHead = head.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0);
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1);
        var newHhea = hhea.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(newHhea.AsSpan(34), (ushort)order.Count);
        var newMaxp = maxp.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(newMaxp.AsSpan(4), (ushort)order.Count);

        // post version 3: no glyph names, which are indexed by glyph and which PDF text does not need.
        var newPost = new byte[32];
        if (tables.ContainsKey("post"))
        {
            Table(font, tables, "post")[..16].CopyTo(newPost);
        }

        BinaryPrimitives.WriteUInt32BigEndian(newPost, 0x00030000);

        var covered = new bool[0x10000];
        var cmapPairs = new List<(int Code, int Glyph)>(mapped.Count);
        foreach (var (code, gid) in mapped)
        {
            covered[code] = true;
            cmapPairs.Add((code, newId[gid]));
        }

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["cmap"] = CharacterMap.Write(cmapPairs),
            ["glyf"] = newGlyf.ToArray(),
            ["head"] = newHead,
            ["hhea"] = newHhea,
            ["hmtx"] = newHmtx,
            ["loca"] = newLoca,
            ["maxp"] = newMaxp,
            ["post"] = newPost,
        };

        // Tables not indexed by glyph, copied as they are: names and metrics for the PDF's font descriptor, and hinting.
        output["name"] = Renamed(Table(font, tables, "name"));
        foreach (var tag in new[] { "OS/2", "cvt ", "fpgm", "prep", "gasp" })
        {
            if (tables.ContainsKey(tag))
            {
                output[tag] = Table(font, tables, tag).ToArray();
            }
        }

        return new CompactFace(TrueTypeCollection.Assemble(0x00010000, output), covered, order.Count);
    }

    /// <summary>
    /// The name table with 「 GB」 (「-GB」 in the PostScript name) after the family, unique, full and PostScript names:
    /// PDFsharp caches faces by name and refuses a second face of the same name with other bytes, and a PDF that embeds
    /// both the compact and the full face of one family must name them apart.
    /// </summary>
    private static byte[] Renamed(ReadOnlySpan<byte> name)
    {
        if (BinaryPrimitives.ReadUInt16BigEndian(name) != 0)
        {
            throw new InvalidDataException("Only version 0 name tables are rewritten.");
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        var stringOffset = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        var strings = new MemoryStream();
        var records = new byte[12 * count];
        for (var i = 0; i < count; i++)
        {
            var record = name.Slice(6 + (12 * i), 12);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var nameId = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
            var offset = BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            var text = name.Slice(stringOffset + offset, length).ToArray();
            if (nameId is 1 or 3 or 4 or 6)
            {
                var suffix = nameId == 6 ? "-GB" : " GB";
                text = [.. text, .. platform == 1 ? Encoding.ASCII.GetBytes(suffix) : Encoding.BigEndianUnicode.GetBytes(suffix)];
            }

            record.CopyTo(records.AsSpan(12 * i));
            BinaryPrimitives.WriteUInt16BigEndian(records.AsSpan((12 * i) + 8), (ushort)text.Length);
            BinaryPrimitives.WriteUInt16BigEndian(records.AsSpan((12 * i) + 10), (ushort)strings.Length);
            strings.Write(text);
        }

        var header = new byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), count);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)(6 + records.Length));
        return [.. header, .. records, .. strings.ToArray()];
    }

    /// <summary>The components of a composite glyph and where each one's glyph index sits in the glyf table.</summary>
    private static List<(int Glyph, int At)> Components(ReadOnlySpan<byte> glyf, int start, int end)
    {
        var components = new List<(int, int)>();
        if (end - start < 10 || BinaryPrimitives.ReadInt16BigEndian(glyf[start..]) >= 0)
        {
            return components;
        }

        const int Arg1And2AreWords = 0x0001, HaveScale = 0x0008, MoreComponents = 0x0020, HaveXAndYScale = 0x0040, HaveTwoByTwo = 0x0080;
        var at = start + 10;
        int flags;
        do
        {
            if (at + 4 > end)
            {
                throw new InvalidDataException("A composite glyph runs past its end.");
            }

            flags = BinaryPrimitives.ReadUInt16BigEndian(glyf[at..]);
            components.Add((BinaryPrimitives.ReadUInt16BigEndian(glyf[(at + 2)..]), at + 2));
            at += 4 + ((flags & Arg1And2AreWords) != 0 ? 4 : 2);
            at += (flags & HaveScale) != 0 ? 2 : (flags & HaveXAndYScale) != 0 ? 4 : (flags & HaveTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0);

        return components;
    }

    private static Dictionary<string, (int Offset, int Length)> ReadTables(ReadOnlySpan<byte> font)
    {
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < numTables; i++)
        {
            var record = font[(12 + (16 * i))..];
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            if ((long)offset + length > font.Length)
            {
                throw new InvalidDataException("A table of the font lies outside the file.");
            }

            tables[Encoding.ASCII.GetString(record[..4])] = (offset, length);
        }

        return tables;
    }

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> font, Dictionary<string, (int Offset, int Length)> tables, string tag) =>
        tables.TryGetValue(tag, out var t)
            ? font.Slice(t.Offset, t.Length)
            : throw new InvalidDataException($"The font has no {tag} table.");
}

/// <summary>
/// The characters a compact face keeps: printable ASCII and Latin-1, general and CJK punctuation, full-width forms,
/// enclosed numbers, and all of GB 2312 (its 6,763 Hanzi and 682 symbols), enumerated through code page 936 so no
/// data file is needed. Everyday report text stays inside it; a run of text with anything else uses the full face.
/// </summary>
public static class Repertoire
{
    public static IReadOnlyList<int> CodePoints { get; } = Build();

    private static int[] Build()
    {
        var set = new SortedSet<int>();
        void Range(int from, int to)
        {
            for (var c = from; c <= to; c++)
            {
                set.Add(c);
            }
        }

        Range(0x20, 0x7E);
        Range(0xA0, 0xFF);
        Range(0x2000, 0x206F);  // general punctuation: — ‘ ’ “ ” … ‰
        Range(0x2150, 0x218F);  // number forms: Ⅰ Ⅱ Ⅲ
        Range(0x2460, 0x24FF);  // enclosed alphanumerics: ① ⑴ ⒈
        Range(0x3000, 0x303F);  // CJK punctuation: 、。〇《》「」【】
        Range(0x3200, 0x32FF);  // enclosed CJK: ㈠ ㊀
        Range(0xFF00, 0xFFEF);  // full-width forms: （）：；０-９

        // GB 2312 occupies rows 0xA1–0xF7 and cells 0xA1–0xFE of code page 936; the rest of GBK is left out.
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)
            ?? throw new InvalidOperationException("Code page 936 is not available.");
        Span<byte> pair = stackalloc byte[2];
        Span<char> decoded = stackalloc char[2];
        for (var row = 0xA1; row <= 0xF7; row++)
        {
            for (var cell = 0xA1; cell <= 0xFE; cell++)
            {
                pair[0] = (byte)row;
                pair[1] = (byte)cell;
                if (gbk.GetChars(pair, decoded) == 1 && decoded[0] != '\uFFFD' && decoded[0] is < '\uE000' or > '\uF8FF')
                {
                    set.Add(decoded[0]);
                }
            }
        }

        return [.. set];
    }
}

/// <summary>Reads a font's Unicode cmap (formats 4 and 12) and writes a format 4 one.</summary>
internal static class CharacterMap
{
    public static Dictionary<int, int> Read(ReadOnlySpan<byte> cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        var best = -1;
        var bestRank = 0;
        for (var i = 0; i < count; i++)
        {
            var record = cmap[(4 + (8 * i))..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]));
            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            var rank = (platform, encoding, format) switch
            {
                (3, 10, 12) => 4,
                (0, _, 12) => 3,
                (3, 1, 4) => 2,
                (0, _, 4) => 1,
                _ => 0,
            };
            if (rank > bestRank)
            {
                (best, bestRank) = (offset, rank);
            }
        }

        if (best < 0)
        {
            throw new InvalidDataException("The font has no Unicode cmap.");
        }

        var map = new Dictionary<int, int>();
        var table = cmap[best..];
        if (BinaryPrimitives.ReadUInt16BigEndian(table) == 12)
        {
            var groups = checked((int)BinaryPrimitives.ReadUInt32BigEndian(table[12..]));
            for (var g = 0; g < groups; g++)
            {
                var group = table[(16 + (12 * g))..];
                var start = (int)BinaryPrimitives.ReadUInt32BigEndian(group);
                var end = (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
                var glyph = (int)BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
                for (var c = start; c <= end && c <= 0xFFFF; c++)
                {
                    map[c] = glyph + (c - start);
                }
            }

            return map;
        }

        var segCount = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = 14;
        var starts = ends + (2 * segCount) + 2;
        var deltas = starts + (2 * segCount);
        var rangeOffsets = deltas + (2 * segCount);
        for (var s = 0; s < segCount; s++)
        {
            var end = BinaryPrimitives.ReadUInt16BigEndian(table[(ends + (2 * s))..]);
            var start = BinaryPrimitives.ReadUInt16BigEndian(table[(starts + (2 * s))..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(table[(deltas + (2 * s))..]);
            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(table[(rangeOffsets + (2 * s))..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start));
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(table[at..]);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    map[c] = glyph;
                }
            }
        }

        return map;
    }

    /// <summary>A cmap with one (3,1) format 4 subtable: one segment per run of consecutive characters and glyphs.</summary>
    public static byte[] Write(IReadOnlyList<(int Code, int Glyph)> pairs)
    {
        var segments = new List<(int Start, int End, int Glyph)>();
        foreach (var (code, glyph) in pairs)
        {
            if (segments.Count > 0 && segments[^1].End == code - 1 && segments[^1].Glyph + (code - segments[^1].Start) == glyph)
            {
                segments[^1] = (segments[^1].Start, code, segments[^1].Glyph);
            }
            else
            {
                segments.Add((code, code, glyph));
            }
        }

        segments.Add((0xFFFF, 0xFFFF, 0));
        var segCount = segments.Count;
        var subtableLength = 16 + (8 * segCount);
        if (subtableLength > 0xFFFF)
        {
            throw new InvalidDataException("Too many cmap segments for format 4.");
        }

        var cmap = new byte[12 + subtableLength];
        var span = cmap.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 1);      // one encoding record
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 3);      // Windows
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], 1);      // Unicode BMP
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 12);
        var t = span[12..];
        var entrySelector = (int)Math.Floor(Math.Log2(segCount));
        var searchRange = 2 * (1 << entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(t, 4);
        BinaryPrimitives.WriteUInt16BigEndian(t[2..], (ushort)subtableLength);
        BinaryPrimitives.WriteUInt16BigEndian(t[6..], (ushort)(2 * segCount));
        BinaryPrimitives.WriteUInt16BigEndian(t[8..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(t[10..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(t[12..], (ushort)((2 * segCount) - searchRange));
        var ends = 14;
        var starts = ends + (2 * segCount) + 2;
        var deltas = starts + (2 * segCount);
        for (var s = 0; s < segCount; s++)
        {
            var (start, end, glyph) = segments[s];
            BinaryPrimitives.WriteUInt16BigEndian(t[(ends + (2 * s))..], (ushort)end);
            BinaryPrimitives.WriteUInt16BigEndian(t[(starts + (2 * s))..], (ushort)start);
            BinaryPrimitives.WriteUInt16BigEndian(t[(deltas + (2 * s))..], (ushort)((glyph - start) & 0xFFFF));
        }

        // The last segment maps 0xFFFF with delta 1 to glyph 0, as the format requires; range offsets stay 0.
        BinaryPrimitives.WriteUInt16BigEndian(t[(deltas + (2 * (segCount - 1)))..], 1);
        return cmap;
    }
}
