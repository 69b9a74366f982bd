namespace GovDisclosure.Domain.Similarity;

/// <summary>A checked section reduced to what the comparison needs; prepared once, then compared with any store's candidates.</summary>
public sealed class PreparedSection
{
    internal PreparedSection(string key, ShingledText text, bool[] statutory, uint[] signedSet, uint[]? signature, ulong[] bandHashes)
    {
        Key = key;
        Text = text;
        Statutory = statutory;
        SignedSet = signedSet;
        Signature = signature;
        BandHashes = bandHashes;
    }

    public string Key { get; }

    internal ShingledText Text { get; }

    internal bool[] Statutory { get; }

    /// <summary>The distinct shingles outside the statutory boilerplate (what the signature was computed from).</summary>
    public uint[] SignedSet { get; }

    /// <summary>Null when the section is too short to judge; it is then neither looked up nor compared.</summary>
    internal uint[]? Signature { get; }

    /// <summary>The bands to look up (empty for a section too short to judge).</summary>
    public ulong[] BandHashes { get; }
}

/// <summary>A section a band lookup found, before its shingles are read: enough to rank it and to estimate its containment.</summary>
/// <param name="Collisions">How many of the checked section's bands it shares; the agency's own sections count as more than all.</param>
public sealed record SimilarityCandidate(long Id, SimilaritySource Source, uint[] Signature, int ShingleCount, int Collisions);

/// <summary>
/// The comparison steps of the 雷同 check, apart from where the fingerprints live: prepare a section, shortlist the
/// candidates a band lookup found (visible ones only, ranked, estimated), and compare the shortlist exactly.
/// <see cref="SimilarityIndex"/> feeds it from memory; the application's store feeds it from PostgreSQL.
/// </summary>
public sealed class SimilarityMatcher
{
    public SimilarityMatcher(SimilarityOptions? options = null)
    {
        Options = options ?? new SimilarityOptions();
        Hasher = new MinHasher(Options.Bands, Options.RowsPerBand);
        Boilerplate = Options.ExtraBoilerplate.Count == 0 ? StatutoryBoilerplate.Default : StatutoryBoilerplate.Create(Options.ExtraBoilerplate);
    }

    public SimilarityOptions Options { get; }

    public MinHasher Hasher { get; }

    public StatutoryBoilerplate Boilerplate { get; }

    /// <summary>
    /// The share of indexed reports from which a shingle is habitual boilerplate, or int.MaxValue while too few
    /// reports are indexed for frequencies to mean anything.
    /// </summary>
    public int CommonFrom(int reportCount) => reportCount >= Options.MinReportsForFrequency
        ? Math.Max(2, (int)Math.Ceiling(Options.CommonShare * reportCount))
        : int.MaxValue;

    /// <summary>The fingerprint of one section's text, or null when it is too short to judge.</summary>
    public SectionFingerprint? Fingerprint(SimilaritySource source, string? text)
    {
        var shingled = ShingledText.From(text);
        var statutory = Boilerplate.StatutoryShingles(shingled);
        var shingles = ShingledText.DistinctSorted(shingled.Hashes.Where((_, i) => !statutory[i]));
        if (shingles.Length < Options.MinShingles)
        {
            return null;
        }

        var signature = Hasher.Signature(shingles);
        return new SectionFingerprint(source, shingles, signature, Hasher.BandHashes(signature));
    }

    /// <summary>The fingerprints of a report's sections (those long enough to judge).</summary>
    public IReadOnlyList<SectionFingerprint> Fingerprints(int reportId, int agencyId, int year, SourceStatus status, IReadOnlyDictionary<string, string> sectionTexts) =>
        sectionTexts
            .Select(s => Fingerprint(new SimilaritySource(reportId, agencyId, year, s.Key, status), s.Value))
            .OfType<SectionFingerprint>()
            .ToList();

    public PreparedSection Prepare(string key, string? text)
    {
        var shingled = ShingledText.From(text);

        // Statutory shingles are left out of the signature (as when indexing); habitual ones only out of the exact
        // comparison (Compare), because their frequency moves as reports are added while stored signatures stay.
        var statutory = Boilerplate.StatutoryShingles(shingled);
        var signedSet = ShingledText.DistinctSorted(shingled.Hashes.Where((_, i) => !statutory[i]));
        if (signedSet.Length < Options.MinShingles)
        {
            return new PreparedSection(key, shingled, statutory, signedSet, null, []);
        }

        var signature = Hasher.Signature(signedSet);
        return new PreparedSection(key, shingled, statutory, signedSet, signature, Hasher.BandHashes(signature));
    }

    /// <summary>
    /// The candidates worth an exact comparison: visible ones only (a hidden source is never compared, named or
    /// counted), the most-colliding first, at most <see cref="SimilarityOptions.MaxCandidatesPerSection"/>, and of
    /// another agency only those whose signature-estimated containment reaches half the threshold.
    /// </summary>
    public IReadOnlyList<SimilarityCandidate> Shortlist(
        PreparedSection section, IEnumerable<SimilarityCandidate> candidates, int? reportId, int? agencyId, Func<SimilaritySource, bool> isVisible)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(isVisible);
        if (section.Signature is not { } signature)
        {
            return [];
        }

        return candidates
            .Where(c => c.Source.ReportId != reportId && isVisible(c.Source))
            .OrderByDescending(c => c.Collisions)
            .ThenBy(c => c.Id)
            .Take(Options.MaxCandidatesPerSection)
            .Where(c =>
            {
                // The signatures estimate Jaccard; with both set sizes that bounds the containment (|A∩B| = J(|A|+|B|)/(1+J)).
                // Half the threshold leaves room for the estimate's error (±0.09 at 128 positions) before the exact merge.
                // The agency's own sections skip it: they are few, and a kept paragraph is exactly the low-Jaccard case.
                if (c.Source.AgencyId == agencyId)
                {
                    return true;
                }

                var j = MinHasher.EstimatedJaccard(signature, c.Signature);
                var estimated = j * (section.SignedSet.Length + c.ShingleCount) / ((1 + j) * section.SignedSet.Length);
                return estimated >= Options.MinContainment / 2;
            })
            .ToList();
    }

    /// <summary>
    /// Exact containment, Jaccard and the repeated passages against the shortlisted sources' shingles.
    /// </summary>
    /// <param name="isCommon">Whether a shingle is habitual boilerplate (in too many indexed reports) and so does not count.</param>
    public SectionSimilarity Compare(PreparedSection section, IEnumerable<SectionFingerprint> shortlisted, Func<uint, bool> isCommon)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(isCommon);
        var hashes = section.Text.Hashes;
        var counted = new bool[hashes.Length];
        var kept = new List<uint>(hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            if (!section.Statutory[i])
            {
                counted[i] = !isCommon(hashes[i]);
                if (counted[i])
                {
                    kept.Add(hashes[i]);
                }
            }
        }

        var keptSet = ShingledText.DistinctSorted(kept);
        if (section.Signature is null || keptSet.Length < Options.MinShingles)
        {
            return new SectionSimilarity(section.Key, keptSet.Length, []);
        }

        var matches = new List<SourceMatch>();
        foreach (var candidate in shortlisted)
        {
            var shared = SharedCount(keptSet, candidate.Shingles);
            var containment = (double)shared / keptSet.Length;
            if (containment < Options.MinContainment || shared < Options.MinSharedShingles)
            {
                continue;
            }

            var sourceCounted = candidate.Shingles.Count(h => !isCommon(h));
            var jaccard = (double)shared / Math.Max(1, keptSet.Length + sourceCounted - shared);
            matches.Add(new SourceMatch(candidate.Source, containment, jaccard, Passages(section.Text, counted, section.Statutory, candidate.Shingles)));
        }

        var ordered = matches
            .OrderByDescending(m => m.Containment)
            .ThenByDescending(m => m.Source.Year)
            .ThenBy(m => m.Source.ReportId)
            .ThenBy(m => m.Source.SectionKey, StringComparer.Ordinal)
            .Take(Options.MaxSourcesPerSection)
            .ToList();
        return new SectionSimilarity(section.Key, keptSet.Length, ordered);
    }

    /// <summary>Shared elements of two sorted sets (the checked one already without habitual boilerplate).</summary>
    private static int SharedCount(uint[] a, uint[] b)
    {
        var shared = 0;
        int i = 0, k = 0;
        while (i < a.Length && k < b.Length)
        {
            if (a[i] < b[k])
            {
                i++;
            }
            else if (a[i] > b[k])
            {
                k++;
            }
            else
            {
                shared++;
                i++;
                k++;
            }
        }

        return shared;
    }

    /// <summary>
    /// Maximal runs of the checked text's shingles found in the source, as character ranges of the text as written.
    /// Boilerplate inside a copied run (a heading, a citation, a common phrase) does not break it, but a run
    /// never starts or ends on boilerplate, so the highlight covers what was copied and not what every report says.
    /// </summary>
    private List<RepeatedPassage> Passages(ShingledText text, bool[] counted, bool[] statutory, uint[] source)
    {
        var passages = new List<RepeatedPassage>();
        var hashes = text.Hashes;
        var first = -1;
        var last = -1;
        var matched = 0;
        for (var i = 0; i <= hashes.Length; i++)
        {
            var isMatch = i < hashes.Length && counted[i] && Array.BinarySearch(source, hashes[i]) >= 0;
            var isNeutral = i < hashes.Length && !isMatch && (statutory[i] || !counted[i]);
            if (isMatch)
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
                matched++;
            }
            else if (!isNeutral)
            {
                if (first >= 0 && matched >= Options.MinPassageShingles)
                {
                    var (start, end) = text.Range(first, last);
                    passages.Add(new RepeatedPassage(start, end - start, text.Original[start..end]));
                }

                first = -1;
                matched = 0;
            }
        }

        return passages;
    }
}
