namespace GovDisclosure.Domain.Similarity;

/// <summary>
/// A narrative reduced to what copying preserves: CJK ideographs, letters and numbers, each
/// normalised character remembering the range of the original text it came from, and the hash of
/// every run of <see cref="ShingledText.Size"/> consecutive normalised characters (a shingle).
/// </summary>
/// <remarks>
/// Whitespace, punctuation and symbols are dropped: re-punctuating or re-wrapping a copied paragraph
/// must not hide it. A run of digits (ASCII or full-width, with a decimal point or thousands separator
/// inside) becomes one placeholder character: a report copied from last year changes 2020 to 2021 and
/// 11500余条 to 12000余条, and keeping the digits would break every shingle that touches a number
/// (one number every ~15 characters in these narratives, so most shingles). The cost is that two texts
/// that differ only in their numbers read as identical, which is exactly what a reviewer means by 雷同.
/// Chinese numerals (一、二、三) stay characters: they are also parts of ordinary words (统一, 一步).
/// </remarks>
public sealed class ShingledText
{
    /// <summary>Five characters: shorter shingles match common two-word phrases across unrelated reports, longer ones break on every small edit.</summary>
    public const int Size = 5;

    internal const char NumberClass = '#';

    private ShingledText(string original, char[] normalised, int[] starts, int[] ends, uint[] hashes)
    {
        Original = original;
        Normalised = new string(normalised);
        CharStarts = starts;
        CharEnds = ends;
        Hashes = hashes;
    }

    /// <summary>The text as written.</summary>
    public string Original { get; }

    /// <summary>The normalised characters (for diagnostics and tests).</summary>
    public string Normalised { get; }

    /// <summary>For normalised character i, the index in <see cref="Original"/> where it starts.</summary>
    internal int[] CharStarts { get; }

    /// <summary>For normalised character i, the index in <see cref="Original"/> just after it (a number spans several).</summary>
    internal int[] CharEnds { get; }

    /// <summary>Shingle i covers normalised characters i … i+Size-1; its hash, in text order, duplicates kept.</summary>
    public uint[] Hashes { get; }

    /// <summary>The original character range [start, end) of shingles first … last.</summary>
    internal (int Start, int End) Range(int firstShingle, int lastShingle) =>
        (CharStarts[firstShingle], CharEnds[lastShingle + Size - 1]);

    public static ShingledText From(string? text)
    {
        text ??= string.Empty;
        var normalised = new List<char>(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i + 1 < text.Length && (char.IsAsciiDigit(Fold(text[i + 1])) || (IsNumberJoiner(Fold(text[i + 1])) && i + 2 < text.Length && char.IsAsciiDigit(Fold(text[i + 2])))))
                {
                    i++;
                }

                normalised.Add(NumberClass);
                starts.Add(start);
                ends.Add(i + 1);
            }
            else if (IsIdeograph(c) || char.IsAsciiLetter(c))
            {
                normalised.Add(char.ToLowerInvariant(c));
                starts.Add(i);
                ends.Add(i + 1);
            }
        }

        var chars = normalised.ToArray();
        var hashes = new uint[Math.Max(0, chars.Length - Size + 1)];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = Hash(chars.AsSpan(i, Size));
        }

        return new ShingledText(text, chars, [.. starts], [.. ends], hashes);
    }

    /// <summary>The distinct shingle hashes of a text, sorted (the set that Jaccard and containment compare).</summary>
    public static uint[] DistinctSorted(IEnumerable<uint> hashes)
    {
        var set = hashes.ToArray();
        Array.Sort(set);
        var n = 0;
        for (var i = 0; i < set.Length; i++)
        {
            if (n == 0 || set[n - 1] != set[i])
            {
                set[n++] = set[i];
            }
        }

        return set[..n];
    }

    // FNV-1a over UTF-16 code units, then a murmur finaliser so that MinHash's multiply-shift sees well-mixed bits.
    // Stored signatures depend on this function: changing it means re-indexing every section (SimilarityIndex.FormatVersion).
    private static uint Hash(ReadOnlySpan<char> shingle)
    {
        var h = 2166136261u;
        foreach (var c in shingle)
        {
            h = (h ^ c) * 16777619u;
        }

        h ^= h >> 16;
        h *= 0x85ebca6bu;
        h ^= h >> 13;
        h *= 0xc2b2ae35u;
        h ^= h >> 16;
        return h;
    }

    private static char Fold(char c) => c switch
    {
        >= '０' and <= '９' => (char)(c - '０' + '0'),
        >= 'Ａ' and <= 'Ｚ' => (char)(c - 'Ａ' + 'A'),
        >= 'ａ' and <= 'ｚ' => (char)(c - 'ａ' + 'a'),
        '．' => '.',
        _ => c,
    };

    private static bool IsNumberJoiner(char c) => c is '.' or ',';

    private static bool IsIdeograph(char c) =>
        c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf') or (>= '\uf900' and <= '\ufaff') or '〇';
}
