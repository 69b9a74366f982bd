using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Application.Similarity;

/// <summary>A section a band lookup found, with what the visibility rule needs to judge it.</summary>
public sealed record StoredCandidate(SimilarityCandidate Candidate, string AgencyPath, ReportState ReportState);

/// <summary>
/// One section's candidate lookup. The store already keeps only what the viewer may see (published sections; submitted
/// ones of reports still under review, of the own agency or within <see cref="SubmittedWithinPath"/>), so the limit is
/// spent on visible sources; the caller checks the same rule again before comparing.
/// </summary>
/// <param name="OwnAgencyId">The checked report's agency: all its other sections come back, banded or not.</param>
/// <param name="SubmittedWithinPath">The reviewer's subtree; null for a viewer who may see only published reports and their own.</param>
public sealed record CandidateQuery(ulong[] Bands, int? ExcludeReportId, int? OwnAgencyId, string? SubmittedWithinPath, int OwnRank, int Limit);

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

    Task<IReadOnlyList<StoredCandidate>> CandidatesAsync(CandidateQuery query, CancellationToken ct);

    /// <summary>The sorted shingles of the given sections, by section id.</summary>
    Task<IReadOnlyDictionary<long, uint[]>> ShinglesAsync(IReadOnlyCollection<long> sectionIds, CancellationToken ct);

    /// <summary>Reports with at least one indexed entry: the denominator of document frequency.</summary>
    Task<int> ReportCountAsync(CancellationToken ct);

    /// <summary>Those of <paramref name="shingles"/> found in at least <paramref name="commonFrom"/> indexed reports.</summary>
    Task<IReadOnlySet<uint>> CommonShinglesAsync(IReadOnlyCollection<uint> shingles, int commonFrom, CancellationToken ct);
}
