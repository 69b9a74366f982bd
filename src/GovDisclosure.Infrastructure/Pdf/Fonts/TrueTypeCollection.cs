using System.Buffers.Binary;

namespace GovDisclosure.Infrastructure.Pdf.Fonts;

/// <summary>
/// Cuts one face out of a TrueType collection (.ttc) as a standalone .ttf. PDFsharp 6 reads single
/// fonts only (its FontResolverInfo.CollectionNumber is "not yet implemented"), and the Debian CJK fonts
/// ship as collections, so the renderer hands PDFsharp the rebuilt face instead.
/// </summary>
public static class TrueTypeCollection
{
    private const uint TtcTag = 0x74746366; // 'ttcf'
    private const uint HeadTag = 0x68656164; // 'head'
    private const uint ChecksumMagic = 0xB1B0AFBA;

    public static bool IsCollection(ReadOnlySpan<byte> font) =>
        font.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(font) == TtcTag;

    /// <summary>The number of faces in a collection; 1 for a plain font file.</summary>
    public static int FaceCount(ReadOnlySpan<byte> font) =>
        IsCollection(font) ? checked((int)BinaryPrimitives.ReadUInt32BigEndian(font[8..])) : 1;

    /// <summary>
    /// Returns face <paramref name="index"/> as a standalone font: a fresh table directory whose records
    /// point at 4-byte aligned copies of that face's tables, with every table checksum and the head
    /// table's checkSumAdjustment recomputed. A plain font file is returned unchanged for index 0.
    /// </summary>
    public static byte[] ExtractFace(ReadOnlySpan<byte> font, int index = 0)
    {
        if (!IsCollection(font))
        {
            if (index != 0)
            {
                throw new InvalidDataException($"Not a font collection, so face {index} does not exist.");
            }

            return font.ToArray();
        }

        var count = FaceCount(font);
        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"The collection has {count} faces.");
        }

        var faceOffset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(font[(12 + (4 * index))..]));
        var sfntVersion = BinaryPrimitives.ReadUInt32BigEndian(font[faceOffset..]);
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(font[(faceOffset + 4)..]);
        var tables = new (uint Tag, int Offset, int Length)[numTables];
        for (var i = 0; i < numTables; i++)
        {
            var record = font[(faceOffset + 12 + (16 * i))..];
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            if (offset < 0 || length < 0 || (long)offset + length > font.Length)
            {
                throw new InvalidDataException("A table of the collection lies outside the file.");
            }

            tables[i] = (BinaryPrimitives.ReadUInt32BigEndian(record), offset, length);
        }

        // Table records must stay sorted by tag; the collection already has them sorted, but do not rely on it.
        Array.Sort(tables, (a, b) => a.Tag.CompareTo(b.Tag));

        var directoryLength = 12 + (16 * numTables);
        var total = directoryLength + tables.Sum(t => Align4(t.Length));
        var output = new byte[total];
        var span = output.AsSpan();

        var entrySelector = numTables == 0 ? 0 : (int)Math.Floor(Math.Log2(numTables));
        var searchRange = (1 << entrySelector) * 16;
        BinaryPrimitives.WriteUInt32BigEndian(span, sfntVersion);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], numTables);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((numTables * 16) - searchRange));

        var position = directoryLength;
        var headOffset = -1;
        for (var i = 0; i < tables.Length; i++)
        {
            var (tag, offset, length) = tables[i];
            font.Slice(offset, length).CopyTo(span[position..]);
            if (tag == HeadTag && length >= 12)
            {
                headOffset = position;
                BinaryPrimitives.WriteUInt32BigEndian(span[(position + 8)..], 0);
            }

            var record = span[(12 + (16 * i))..];
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(span.Slice(position, Align4(length))));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            position += Align4(length);
        }

        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(ChecksumMagic - Checksum(span)));
        }

        return output;
    }

    /// <summary>Writes a font file from its tables (tags in ordinal order), with checksums and checkSumAdjustment set.</summary>
    internal static byte[] Assemble(uint sfntVersion, SortedDictionary<string, byte[]> tables)
    {
        var numTables = tables.Count;
        var directoryLength = 12 + (16 * numTables);
        var output = new byte[directoryLength + tables.Values.Sum(t => Align4(t.Length))];
        var span = output.AsSpan();
        var entrySelector = (int)Math.Floor(Math.Log2(numTables));
        var searchRange = (1 << entrySelector) * 16;
        BinaryPrimitives.WriteUInt32BigEndian(span, sfntVersion);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)numTables);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((numTables * 16) - searchRange));
        var position = directoryLength;
        var headOffset = -1;
        var i = 0;
        foreach (var (tag, data) in tables)
        {
            data.CopyTo(span[position..]);
            if (tag == "head")
            {
                headOffset = position;
                BinaryPrimitives.WriteUInt32BigEndian(span[(position + 8)..], 0);
            }

            var record = span[(12 + (16 * i++))..];
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(span.Slice(position, Align4(data.Length))));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            position += Align4(data.Length);
        }

        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(ChecksumMagic - Checksum(span)));
        }

        return output;
    }

    private static int Align4(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (whole < data.Length)
        {
            Span<byte> tail = stackalloc byte[4];
            tail.Clear();
            data[whole..].CopyTo(tail);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(tail));
        }

        return sum;
    }
}
