using System.Security.Cryptography;
using System.Text;

namespace GovDisclosure.Infrastructure.Pdf;

/// <summary>
/// PDFsharp 6.5 puts two kinds of randomness into every file: the six-letter subset tags of embedded
/// fonts ("HUETXS+AR PL UMing CN") and the XMP DocumentID/InstanceID UUIDs; neither can be seeded.
/// Both sit in uncompressed dictionaries and the XMP stream, so they are overwritten in place with
/// values derived from the document ID: every byte offset (and so the xref table) stays valid.
/// </summary>
internal static class DeterministicOutput
{
    public static byte[] Normalize(byte[] pdf, string seed)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        ReplaceSubsetTags(pdf, "/FontName/"u8, seed, tags);
        ReplaceSubsetTags(pdf, "/BaseFont/"u8, seed, tags);
        ReplaceUuid(pdf, "<xmpMM:DocumentID>uuid:"u8, seed + "\nDocumentID");
        ReplaceUuid(pdf, "<xmpMM:InstanceID>uuid:"u8, seed + "\nInstanceID");
        return pdf;
    }

    private static void ReplaceSubsetTags(byte[] pdf, ReadOnlySpan<byte> key, string seed, Dictionary<string, string> tags)
    {
        var span = pdf.AsSpan();
        for (var at = span.IndexOf(key); at >= 0;)
        {
            var tag = span.Slice(at + key.Length, 7);
            if (tag[6] == (byte)'+' && IsUpper(tag[..6]))
            {
                var old = Encoding.ASCII.GetString(tag[..6]);
                if (!tags.TryGetValue(old, out var replacement))
                {
                    // The font's name follows the tag, so each face keeps its own stable tag.
                    var nameEnd = span[(at + key.Length + 7)..].IndexOfAny("/>\n\r "u8);
                    var name = Encoding.ASCII.GetString(span.Slice(at + key.Length + 7, Math.Max(0, nameEnd)));
                    replacement = Tag(seed + "\n" + name);
                    tags[old] = replacement;
                }

                Encoding.ASCII.GetBytes(replacement, tag);
            }

            var next = span[(at + key.Length)..].IndexOf(key);
            at = next < 0 ? -1 : at + key.Length + next;
        }
    }

    private static void ReplaceUuid(byte[] pdf, ReadOnlySpan<byte> key, string basis)
    {
        var span = pdf.AsSpan();
        var at = span.IndexOf(key);
        if (at >= 0 && at + key.Length + 36 <= span.Length)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(basis));
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // a name-based (version 5 style) UUID
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            Encoding.ASCII.GetBytes(new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D"), span.Slice(at + key.Length, 36));
        }
    }

    private static bool IsUpper(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < (byte)'A' or > (byte)'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static string Tag(string basis)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(basis));
        return new string([.. hash.Take(6).Select(b => (char)('A' + (b % 26)))]);
    }
}
