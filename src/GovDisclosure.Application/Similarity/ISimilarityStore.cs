using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Application.Similarity;

/// <summary>A section a band lookup found, with what the visibility rule needs to judge it.</summary>
/// <param name="Candidate">Its signature is empty: the store applied the signature estimate already, so none is shipped.</param>
public sealed record StoredCandidate(SimilarityCandidate Candidate, string AgencyPath, ReportState ReportState);

/// <summary>One checked section as the lookup needs it: its bands, its signature and how many shingles it was signed from.</summary>
public sealed record SectionProbe(ulong[] Bands, uint[] Signature, int ShingleCount);

/// <summary>
/// One check's lookup, all sections at once. The store keeps only what the viewer may see (published sections; unless
/// <see cref="PublishedOnly"/>, submitted ones of reports still under review, of the own agency or within
/// <see cref="SubmittedWithinPath"/>) before the limit, so the limit is spent on visible sources; the caller checks the
/// same rule again before comparing. Then, as <see cref="SimilarityMatcher.Shortlist"/> does, it keeps another agency's
/// candidate only when the signature-estimated containment reaches <see cref="MinEstimatedContainment"/>.
/// </summary>
/// <param name="OwnAgencyId">The checked report's agency: all its other sections come back for every section, banded or not.</param>
/// <param name="SubmittedWithinPath">The reviewer's subtree; null for a viewer who may see only published reports and their own.</param>
/// <param name="OwnRank">The collision count given to the own agency's sections (more than any band count), so they rank first.</param>
/// <param name="Limit">The most candidates per section, the most-colliding first, counted before the estimate.</param>
/// <param name="Shingles">The checked report's shingles whose document frequency the comparison needs.</param>
public sealed record ShortlistQuery(
    IReadOnlyList<SectionProbe> Sections,
    int? ExcludeReportId,
    int? OwnAgencyId,
    string? SubmittedWithinPath,
    bool PublishedOnly,
    int OwnRank,
    int Limit,
    double MinEstimatedContainment,
    IReadOnlyCollection<uint> Shingles);

/// <summary>What one check read from the store, in one round trip.</summary>
/// <param name="Candidates">Per probed section, in the query's order: the shortlisted candidates, the most-colliding first.</param>
/// <param name="Shingles">The sorted shingles of every shortlisted section, by section id.</param>
/// <param name="ReportCount">Reports with at least one indexed entry: the denominator of document frequency.</param>
/// <param name="Frequencies">For the queried shingles found in the index, how many indexed entries hold each.</param>
public sealed record StoredShortlist(
    IReadOnlyList<IReadOnlyList<StoredCandidate>> Candidates,
    IReadOnlyDictionary<long, uint[]> Shingles,
    int ReportCount,
    IReadOnlyDictionary<uint, int> Frequencies);

/// <summary>
/// The stored 雷同 index (decisions/0007): section fingerprints, their LSH bands and each shingle's document frequency,
/// in PostgreSQL. Infrastructure implements it with SQL the band index answers; a check never scans the corpus.
/// </summary>
public interface ISimilarityStore
{
    /// <summary>
    /// Indexes a report's sections under a status. A publication replaces every entry of the report (its submission
    /// included); a submission replaces only the report's submitted entry, so its published revision stays a source.
    /// </summary>
    Task ReplaceAsync(int reportId, SourceStatus status, IReadOnlyList<SectionFingerprint> sections, CancellationToken ct);

    /// <summary>Whether the report has a published entry of the current format (the backfill skips those).</summary>
    Task<bool> HasPublishedAsync(int reportId, CancellationToken ct);

    /// <summary>
    /// The candidates of every checked section, their shingles and the document frequencies the comparison needs: the
    /// whole read of one check, so a check costs one round trip to the database whatever the number of sections.
    /// </summary>
    Task<StoredShortlist> ShortlistAsync(ShortlistQuery query, CancellationToken ct);
}
