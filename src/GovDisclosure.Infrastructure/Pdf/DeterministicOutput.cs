using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GovDisclosure.Infrastructure.Pdf;

/// <summary>
/// PDFsharp 6.5 puts two kinds of randomness into every file: the six-letter subset tags of embedded
/// fonts ("HUETXS+AR PL UMing CN") and the XMP DocumentID/InstanceID UUIDs; neither can be seeded.
/// Both sit in uncompressed dictionaries and the XMP stream, so they are rewritten in place with values
/// derived from the document ID, keeping every byte offset (and so the xref table) valid.
/// </summary>
internal static partial class DeterministicOutput
{
    public static byte[] Normalize(byte[] pdf, string seed)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        text = SubsetTag().Replace(text, m =>
        {
            var font = m.Groups["font"].Value;
            if (!tags.TryGetValue(m.Groups["tag"].Value, out var tag))
            {
                tag = Tag(seed + "\n" + font);
                tags[m.Groups["tag"].Value] = tag;
            }

            return "/" + tag + "+" + font;
        });
        text = XmpUuid().Replace(text, m => m.Groups["head"].Value + Uuid(seed + "\n" + m.Groups["kind"].Value));

        var result = Encoding.Latin1.GetBytes(text);
        return result.Length == pdf.Length
            ? result
            : throw new InvalidOperationException("Normalising the PDF changed its length; the xref table would be wrong.");
    }

    private static string Tag(string basis)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(basis));
        return new string([.. hash.Take(6).Select(b => (char)('A' + (b % 26)))]);
    }

    private static string Uuid(string basis)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(basis));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // a name-based (v5-style) UUID
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    [GeneratedRegex(@"/(?<tag>[A-Z]{6})\+(?<font>[^/\s<>\[\]()]+)")]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"(?<head><xmpMM:(?<kind>DocumentID|InstanceID)>uuid:)[0-9a-fA-F-]{36}")]
    private static partial Regex XmpUuid();
}
