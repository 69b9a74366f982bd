namespace GovDisclosure.Domain.Similarity;

/// <summary>
/// The 雷同 index: every indexed section's <see cref="SectionFingerprint"/>, a band table from
/// (band hash) to sections, and each shingle's document frequency. Checking a report is one lookup
/// per band per section, then an exact comparison with the few candidates the bands name: never a
/// scan of the corpus.
/// </summary>
/// <remarks>
/// The in-memory shape is the table shape the persistence layer will give PostgreSQL:
/// <code>
/// similarity_sections (id bigserial PK, report_id int, agency_id int, year int, section_key text,
///                      status text, format_version int, shingles int4[] /* sorted, distinct */,
///                      signature int4[] /* Bands × RowsPerBand */)
/// similarity_bands    (hash bigint /* band number mixed in */, section_id bigint, PRIMARY KEY (hash, section_id))
/// similarity_shingle_reports (shingle int4 PK, reports int)   -- document frequency, updated on publication
/// </code>
/// A check reads <c>SELECT section_id, count(*) FROM similarity_bands WHERE hash = ANY(@bands) GROUP BY 1</c>,
/// then the candidates' rows; the 5-gram table (~160 million rows for 10,000 reports) is never built.
/// Writers (publication) are serialised by a lock; checks run concurrently with each other.
/// </remarks>
public sealed class SimilarityIndex : IDisposable
{
    /// <summary>Bumped when the shingle hash, the MinHash seeds or the band layout change: stored fingerprints of another version are rebuilt.</summary>
    public const int FormatVersion = 1;

    private readonly ReaderWriterLockSlim gate = new();
    private readonly List<SectionFingerprint?> sections = [];
    private readonly Dictionary<ulong, int> bandHeads = [];
    private readonly List<int> postingSection = [];
    private readonly List<int> postingNext = [];
    private readonly Dictionary<uint, int> reportsWithShingle = [];
    private readonly Dictionary<int, (int[] Slots, uint[] Shingles)> byReport = [];
    private readonly Dictionary<int, List<int>> slotsByAgency = [];

    /// <summary>The index lives as long as its owner (the process's singleton); disposing releases the lock's wait handles.</summary>
    public void Dispose() => gate.Dispose();

    public SimilarityIndex(SimilarityOptions? options = null)
    {
        Options = options ?? new SimilarityOptions();
        Hasher = new MinHasher(Options.Bands, Options.RowsPerBand);
        Boilerplate = Options.ExtraBoilerplate.Count == 0 ? StatutoryBoilerplate.Default : StatutoryBoilerplate.Create(Options.ExtraBoilerplate);
    }

    public SimilarityOptions Options { get; }

    public MinHasher Hasher { get; }

    public StatutoryBoilerplate Boilerplate { get; }

    /// <summary>Reports indexed (the denominator of document frequency).</summary>
    public int ReportCount
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return byReport.Count;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

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

    /// <summary>Indexes (or re-indexes, after a correction) a report's sections by key.</summary>
    public void Add(int reportId, int agencyId, int year, SourceStatus status, IReadOnlyDictionary<string, string> sectionTexts)
    {
        var fingerprints = sectionTexts
            .Select(s => Fingerprint(new SimilaritySource(reportId, agencyId, year, s.Key, status), s.Value))
            .OfType<SectionFingerprint>()
            .ToList();
        Add(reportId, fingerprints);
    }

    /// <summary>Indexes fingerprints already computed (as the database would load them).</summary>
    public void Add(int reportId, IReadOnlyList<SectionFingerprint> fingerprints)
    {
        gate.EnterWriteLock();
        try
        {
            RemoveLocked(reportId);
            var slots = new int[fingerprints.Count];
            for (var i = 0; i < fingerprints.Count; i++)
            {
                var slot = sections.Count;
                sections.Add(fingerprints[i]);
                slots[i] = slot;
                var agency = fingerprints[i].Source.AgencyId;
                if (!slotsByAgency.TryGetValue(agency, out var agencySlots))
                {
                    slotsByAgency[agency] = agencySlots = [];
                }

                agencySlots.Add(slot);
                foreach (var band in fingerprints[i].BandHashes)
                {
                    postingSection.Add(slot);
                    postingNext.Add(bandHeads.TryGetValue(band, out var head) ? head : -1);
                    bandHeads[band] = postingSection.Count - 1;
                }
            }

            // Document frequency counts reports, not sections: a phrase every report repeats in two sections is as common as one repeated once.
            var reportShingles = ShingledText.DistinctSorted(fingerprints.SelectMany(f => f.Shingles));
            foreach (var shingle in reportShingles)
            {
                reportsWithShingle[shingle] = reportsWithShingle.GetValueOrDefault(shingle) + 1;
            }

            byReport[reportId] = (slots, reportShingles);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    public void Remove(int reportId)
    {
        gate.EnterWriteLock();
        try
        {
            RemoveLocked(reportId);
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Compares each section of a report with every indexed section the predicate lets the viewer see.
    /// A source the predicate refuses is never verified, never named and never counted in a percentage.
    /// </summary>
    /// <param name="reportId">The checked report's own id, so that its indexed copy is not its own source; null for a text not yet saved.</param>
    /// <param name="agencyId">
    /// The checked report's agency: its own earlier reports are always compared exactly, not only when a band collides.
    /// LSH finds sources by Jaccard, and one paragraph carried over from last year's long 总体情况 has a high containment but a
    /// low Jaccard; within one agency the few sections are cheap to compare outright.
    /// </param>
    /// <param name="sectionTexts">Section key → narrative.</param>
    /// <param name="isVisible">Published, or submitted within the viewer's scope; never another agency's draft.</param>
    public IReadOnlyList<SectionSimilarity> Check(int? reportId, int? agencyId, IReadOnlyDictionary<string, string> sectionTexts, Func<SimilaritySource, bool> isVisible)
    {
        ArgumentNullException.ThrowIfNull(isVisible);
        var results = new List<SectionSimilarity>(sectionTexts.Count);
        gate.EnterReadLock();
        try
        {
            var commonFrom = byReport.Count >= Options.MinReportsForFrequency
                ? Math.Max(2, (int)Math.Ceiling(Options.CommonShare * byReport.Count))
                : int.MaxValue;
            foreach (var (key, text) in sectionTexts)
            {
                results.Add(CheckSection(reportId, agencyId, key, text, isVisible, commonFrom));
            }
        }
        finally
        {
            gate.ExitReadLock();
        }

        return results;
    }

    private SectionSimilarity CheckSection(int? reportId, int? agencyId, string key, string text, Func<SimilaritySource, bool> isVisible, int commonFrom)
    {
        var shingled = ShingledText.From(text);
        var hashes = shingled.Hashes;

        // Statutory shingles are left out of the signature (as when indexing); habitual ones only out of the exact comparison,
        // because their frequency moves as reports are added while stored signatures stay.
        var statutory = Boilerplate.StatutoryShingles(shingled);
        var counted = new bool[hashes.Length];
        var signed = new List<uint>(hashes.Length);
        var kept = new List<uint>(hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            if (!statutory[i])
            {
                signed.Add(hashes[i]);
                counted[i] = reportsWithShingle.GetValueOrDefault(hashes[i]) < commonFrom;
                if (counted[i])
                {
                    kept.Add(hashes[i]);
                }
            }
        }

        var signedSet = ShingledText.DistinctSorted(signed);
        var keptSet = ShingledText.DistinctSorted(kept);
        if (signedSet.Length < Options.MinShingles || keptSet.Length < Options.MinShingles)
        {
            return new SectionSimilarity(key, keptSet.Length, []);
        }

        var signature = Hasher.Signature(signedSet);
        var collisions = new Dictionary<int, int>();
        foreach (var band in Hasher.BandHashes(signature))
        {
            if (!bandHeads.TryGetValue(band, out var posting))
            {
                continue;
            }

            for (; posting >= 0; posting = postingNext[posting])
            {
                var slot = postingSection[posting];
                collisions[slot] = collisions.GetValueOrDefault(slot) + 1;
            }
        }

        if (agencyId is { } own && slotsByAgency.TryGetValue(own, out var ownSlots))
        {
            foreach (var slot in ownSlots)
            {
                collisions[slot] = Options.Bands + 1;
            }
        }

        var candidates = collisions
            .Where(c => sections[c.Key] is { } s && s.Source.ReportId != reportId && isVisible(s.Source))
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key)
            .Take(Options.MaxCandidatesPerSection)
            .Select(c => sections[c.Key]!);

        var matches = new List<SourceMatch>();
        foreach (var candidate in candidates)
        {
            // The signatures estimate Jaccard; with both set sizes that bounds the containment (|A∩B| = J(|A|+|B|)/(1+J)).
            // Half the threshold leaves room for the estimate's error (±0.09 at 128 positions) before the exact merge.
            // The agency's own sections skip it: they are few, and a kept paragraph is exactly the low-Jaccard case.
            var j = MinHasher.EstimatedJaccard(signature, candidate.Signature);
            var estimated = j * (signedSet.Length + candidate.Shingles.Length) / ((1 + j) * signedSet.Length);
            if (candidate.Source.AgencyId != agencyId && estimated < Options.MinContainment / 2)
            {
                continue;
            }

            var shared = SharedCount(keptSet, candidate.Shingles);
            var containment = (double)shared / keptSet.Length;
            if (containment < Options.MinContainment || shared < Options.MinSharedShingles)
            {
                continue;
            }

            var sourceCounted = commonFrom == int.MaxValue
                ? candidate.Shingles.Length
                : candidate.Shingles.Count(h => reportsWithShingle.GetValueOrDefault(h) < commonFrom);
            var jaccard = (double)shared / (keptSet.Length + sourceCounted - shared);
            matches.Add(new SourceMatch(candidate.Source, containment, jaccard, Passages(shingled, counted, statutory, candidate.Shingles)));
        }

        var ordered = matches
            .OrderByDescending(m => m.Containment)
            .ThenByDescending(m => m.Source.Year)
            .ThenBy(m => m.Source.ReportId)
            .ThenBy(m => m.Source.SectionKey, StringComparer.Ordinal)
            .Take(Options.MaxSourcesPerSection)
            .ToList();
        return new SectionSimilarity(key, keptSet.Length, ordered);
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

    private void RemoveLocked(int reportId)
    {
        if (!byReport.Remove(reportId, out var old))
        {
            return;
        }

        // The slots stay as tombstones (their postings are skipped); the database deletes the rows instead.
        foreach (var slot in old.Slots)
        {
            if (sections[slot] is { } removed && slotsByAgency.TryGetValue(removed.Source.AgencyId, out var agencySlots))
            {
                agencySlots.Remove(slot);
            }

            sections[slot] = null;
        }

        foreach (var shingle in old.Shingles)
        {
            if (--FrequencyRef(shingle) == 0)
            {
                reportsWithShingle.Remove(shingle);
            }
        }
    }

    private ref int FrequencyRef(uint shingle) =>
        ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(reportsWithShingle, shingle);
}
