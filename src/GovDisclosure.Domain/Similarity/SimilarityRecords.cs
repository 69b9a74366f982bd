namespace GovDisclosure.Domain.Similarity;

/// <summary>Where a source report stands; the caller's visibility predicate reads it.</summary>
public enum SourceStatus
{
    Submitted,
    Published,
}

/// <summary>The report a section came from: what a reviewer is told about a match, and what the visibility predicate judges.</summary>
/// <param name="SectionKey">One of <see cref="Templates.SectionKeys"/>.</param>
public sealed record SimilaritySource(int ReportId, int AgencyId, int Year, string SectionKey, SourceStatus Status);

/// <summary>
/// One indexed section as the database would store it: the metadata, the sorted distinct shingle
/// hashes without the statutory boilerplate (the exact comparison reads them), the MinHash signature
/// and one hash per LSH band (the band table is keyed by these).
/// </summary>
public sealed record SectionFingerprint(SimilaritySource Source, uint[] Shingles, uint[] Signature, ulong[] BandHashes);

/// <summary>A run of the checked text found in the source: [Start, Start + Length) of the checked section's text as written.</summary>
public sealed record RepeatedPassage(int Start, int Length, string Text);

/// <summary>One source the checked section repeats.</summary>
/// <param name="Containment">Share of the checked section's shingles found in the source: 「xx%与…雷同」.</param>
/// <param name="Jaccard">Shared shingles over the union: high only when the two texts are about the same size.</param>
public sealed record SourceMatch(SimilaritySource Source, double Containment, double Jaccard, IReadOnlyList<RepeatedPassage> Passages)
{
    /// <summary>The figure shown to the reviewer, a whole percent (half away from zero, so 12.5 % reads 13 % everywhere).</summary>
    public int Percent => SectionSimilarity.ToPercent(Containment);
}

/// <summary>The result for one section of the checked report.</summary>
/// <param name="Matches">The visible sources above the naming threshold, most similar first.</param>
public sealed record SectionSimilarity(string SectionKey, int Shingles, IReadOnlyList<SourceMatch> Matches)
{
    /// <summary>The highest containment among the visible sources, 0 when none was found.</summary>
    public double Containment => Matches.Count == 0 ? 0 : Matches[0].Containment;

    public int Percent => ToPercent(Containment);

    internal static int ToPercent(double share) => (int)Math.Round(share * 100, MidpointRounding.AwayFromZero);
}

/// <summary>Tuning of the index. The defaults are the ones docs/benchmarks.md measured.</summary>
public sealed record SimilarityOptions
{
    /// <summary>LSH bands × rows = signature length. Two rows per band keep recall high down to Jaccard ≈ 0.2, which a half-copied section reaches.</summary>
    public int Bands { get; init; } = 64;

    public int RowsPerBand { get; init; } = 2;

    /// <summary>Sections with fewer distinct shingles (「无。」, one short line) are neither indexed nor checked: a percentage of a dozen characters means nothing.</summary>
    public int MinShingles { get; init; } = 12;

    /// <summary>A shingle in at least this share of the indexed reports is habitual boilerplate and does not count as copying…</summary>
    public double CommonShare { get; init; } = 0.2;

    /// <summary>…once at least this many reports are indexed; below it every shingle would look common.</summary>
    public int MinReportsForFrequency { get; init; } = 200;

    /// <summary>A source is named only when at least this share of the checked section is found in it.</summary>
    public double MinContainment { get; init; } = 0.3;

    /// <summary>…and shares at least this many (≈ 34 characters, two clauses): short sections otherwise match on one common clause.</summary>
    public int MinSharedShingles { get; init; } = 30;

    /// <summary>A passage is at least this many matching shingles (≈ 12 characters): shorter runs are set phrases, not copying.</summary>
    public int MinPassageShingles { get; init; } = 8;

    /// <summary>The most sources listed per section.</summary>
    public int MaxSourcesPerSection { get; init; } = 5;

    /// <summary>The most LSH candidates verified exactly per section, the most-colliding first: bounds the check's time on a corpus full of near-boilerplate.</summary>
    public int MaxCandidatesPerSection { get; init; } = 400;

    /// <summary>Sentences a region adds to the statutory boilerplate.</summary>
    public IReadOnlyList<string> ExtraBoilerplate { get; init; } = [];
}

/// <summary>
/// What the 雷同 rule (W_COPY) is told about one section: its highest share found in one published source (or the
/// agency's own earlier report), the source by name, and the region's threshold. Computed by the application from
/// the stored index, so the rule itself stays free of I/O.
/// </summary>
/// <param name="Percent">The whole percent of the section found in the source (<see cref="SectionSimilarity.Percent"/>).</param>
/// <param name="ThresholdPercent">The region's 提示线: from this percent on, the section needs a 说明.</param>
/// <param name="SourceAgency">The source's agency name as the public knows it.</param>
public sealed record CopiedSection(string SectionKey, int Percent, int ThresholdPercent, string SourceAgency, int SourceYear);
