namespace GovDisclosure.Domain.Similarity;

/// <summary>
/// MinHash signatures and LSH band hashes. Two sets whose Jaccard similarity is J agree on each
/// signature position with probability J, so a band of r positions matches with probability J^r and
/// at least one of b bands with 1 − (1 − J^r)^b: the index finds near-copies by equal band hashes
/// instead of comparing every pair.
/// </summary>
/// <remarks>
/// The hash family is fixed (seeded constants, not Random.Shared): signatures are stored, and a
/// signature computed today must compare with one computed last year. Changing the seeds, the
/// shingle hash or the band layout changes <see cref="SimilarityIndex.FormatVersion"/>.
/// </remarks>
public sealed class MinHasher
{
    private readonly ulong[] multipliers;
    private readonly ulong[] addends;

    public MinHasher(int bands, int rowsPerBand)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerBand, 1);
        Bands = bands;
        RowsPerBand = rowsPerBand;
        var length = bands * rowsPerBand;
        multipliers = new ulong[length];
        addends = new ulong[length];
        var state = 0x2545F4914F6CDD1DUL;
        for (var i = 0; i < length; i++)
        {
            // Odd multipliers make x ↦ (a·x + b) >> 32 a multiply-shift hash, close enough to min-wise independent for shingles.
            multipliers[i] = SplitMix(ref state) | 1UL;
            addends[i] = SplitMix(ref state);
        }
    }

    public int Bands { get; }

    public int RowsPerBand { get; }

    public int Length => Bands * RowsPerBand;

    /// <summary>The signature of a set of shingle hashes (empty set: all positions uint.MaxValue).</summary>
    public uint[] Signature(ReadOnlySpan<uint> shingles)
    {
        var signature = new uint[Length];
        Array.Fill(signature, uint.MaxValue);
        for (var i = 0; i < signature.Length; i++)
        {
            var a = multipliers[i];
            var b = addends[i];
            var min = uint.MaxValue;
            foreach (var x in shingles)
            {
                var v = (uint)(((a * x) + b) >> 32);
                if (v < min)
                {
                    min = v;
                }
            }

            signature[i] = min;
        }

        return signature;
    }

    /// <summary>One hash per band; the band number is mixed in so that equal rows in different bands never collide.</summary>
    public ulong[] BandHashes(ReadOnlySpan<uint> signature)
    {
        var hashes = new ulong[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var h = 0xcbf29ce484222325UL ^ (ulong)band;
            foreach (var v in signature.Slice(band * RowsPerBand, RowsPerBand))
            {
                h = Mix(h ^ v);
            }

            hashes[band] = h;
        }

        return hashes;
    }

    /// <summary>The share of equal positions: an unbiased estimate of the sets' Jaccard similarity.</summary>
    public static double EstimatedJaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return (double)equal / a.Length;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Mix(ulong h)
    {
        h *= 0x9E3779B97F4A7C15UL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 32);
    }
}
