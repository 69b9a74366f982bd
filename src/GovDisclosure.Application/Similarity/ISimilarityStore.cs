using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Application.Similarity;

/// <summary>A section a band lookup found, with what the visibility rule needs to judge it.</summary>
/// <param name="AgencyPath">The source agency's path; null for a published source, which every viewer may see.</param>
/// <param name="ReportState">The source report's state; null for a published source.</param>
public sealed record StoredCandidate(SimilarityCandidate Candidate, string? AgencyPath, ReportState? ReportState);

/// <summary>
/// One check's band lookup, all its sections at once. The store keeps only what the viewer may see (published
/// sections; unless <see cref="PublishedOnly"/>, submitted ones of reports still under review, of the own agency or
/// within <see cref="SubmittedWithinPath"/>) before the per-section limit, so the limit is spent on visible sources;
/// the caller checks the same rule again before comparing.
/// </summary>
/// <param name="Bands">Per checked section, its band hashes.</param>
/// <param name="OwnAgencyId">The checked report's agency: all its other sections come back for every section, banded or not.</param>
/// <param name="SubmittedWithinPath">The reviewer's subtree; null for a viewer who may see only published reports and their own.</param>
/// <param name="OwnRank">The collision count given to the own agency's sections (more than any band count), so they rank first.</param>
/// <param name="Limit">The most candidates per section, the most-colliding first.</param>
/// <param name="Shingles">The checked report's shingles whose document frequency the comparison needs.</param>
public sealed record CandidateQuery(
    IReadOnlyList<ulong[]> Bands,
    int? ExcludeReportId,
    int? OwnAgencyId,
    string? SubmittedWithinPath,
    bool PublishedOnly,
    int OwnRank,
    int Limit,
    IReadOnlyCollection<uint> Shingles);

/// <summary>What a check's first round trip reads.</summary>
/// <param name="Candidates">Per queried section, in the query's order: the visible candidates, the most-colliding first.</param>
/// <param name="ReportCount">Reports with at least one indexed entry: the denominator of document frequency.</param>
/// <param name="Frequencies">For the queried shingles found in the index, how many indexed entries hold each.</param>
public sealed record StoredCandidates(IReadOnlyList<IReadOnlyList<StoredCandidate>> Candidates, int ReportCount, IReadOnlyDictionary<uint, int> Frequencies);

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
    /// The candidates of every checked section with their signatures, and the document frequencies the comparison
    /// needs, in one round trip; the caller shortlists them (<see cref="SimilarityMatcher.Shortlist"/>) and reads the
    /// survivors' shingles with <see cref="ShinglesAsync"/>, the second and last round trip of a check.
    /// </summary>
    Task<StoredCandidates> CandidatesAsync(CandidateQuery query, CancellationToken ct);

    /// <summary>The sorted shingles of the given sections, by section id.</summary>
    Task<IReadOnlyDictionary<long, uint[]>> ShinglesAsync(IReadOnlyCollection<long> sectionIds, CancellationToken ct);
}
