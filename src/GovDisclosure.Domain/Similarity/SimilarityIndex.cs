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

    public SimilarityIndex(SimilarityOptions? options = null) => Matcher = new SimilarityMatcher(options);

    /// <summary>The comparison steps, shared with the database-backed store.</summary>
    public SimilarityMatcher Matcher { get; }

    public SimilarityOptions Options => Matcher.Options;

    public MinHasher Hasher => Matcher.Hasher;

    public StatutoryBoilerplate Boilerplate => Matcher.Boilerplate;

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
    public SectionFingerprint? Fingerprint(SimilaritySource source, string? text) => Matcher.Fingerprint(source, text);

    /// <summary>Indexes (or re-indexes, after a correction) a report's sections by key.</summary>
    public void Add(int reportId, int agencyId, int year, SourceStatus status, IReadOnlyDictionary<string, string> sectionTexts)
    {
        Add(reportId, Matcher.Fingerprints(reportId, agencyId, year, status, sectionTexts));
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
            var commonFrom = Matcher.CommonFrom(byReport.Count);
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
        var prepared = Matcher.Prepare(key, text);
        var collisions = new Dictionary<int, int>();
        foreach (var band in prepared.BandHashes)
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

        if (prepared.BandHashes.Length > 0 && agencyId is { } own && slotsByAgency.TryGetValue(own, out var ownSlots))
        {
            foreach (var slot in ownSlots)
            {
                collisions[slot] = Options.Bands + 1;
            }
        }

        var candidates = collisions
            .Where(c => sections[c.Key] is not null)
            .Select(c => (Slot: c.Key, Fingerprint: sections[c.Key]!, Collisions: c.Value))
            .Select(c => new SimilarityCandidate(c.Slot, c.Fingerprint.Source, c.Fingerprint.Signature, c.Fingerprint.Shingles.Length, c.Collisions));
        var shortlist = Matcher.Shortlist(prepared, candidates, reportId, agencyId, isVisible);
        return Matcher.Compare(prepared, shortlist.Select(c => sections[(int)c.Id]!), h => reportsWithShingle.GetValueOrDefault(h) >= commonFrom);
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
