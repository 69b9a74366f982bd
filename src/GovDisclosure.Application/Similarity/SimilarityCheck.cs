using GovDisclosure.Application.Common;
using GovDisclosure.Application.Oversight;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Similarity;

/// <summary>Who a check is for, which decides the sources it may name.</summary>
/// <param name="SubmittedWithinPath">A reviewer's subtree, whose submitted reports may be named; null: published ones and the agency's own only.</param>
/// <param name="PublishedOnly">The public page: published sources only, not even the agency's own submitted reports.</param>
public sealed record SimilarityViewer(string? SubmittedWithinPath, bool PublishedOnly = false)
{
    /// <summary>What the filler's warning (W_COPY) is built on: the same for every viewer, so a 说明 is written for what the reviewer sees too.</summary>
    public static readonly SimilarityViewer Rules = new((string?)null);

    public static readonly SimilarityViewer Public = new(null, PublishedOnly: true);

    public static SimilarityViewer Reviewer(UserScope scope) => new(scope.CoversSubtree ? scope.AgencyPath : null);
}

/// <summary>
/// The 雷同 check of one report's sections against the stored index: the domain's matcher fed by the store's band
/// lookup. The sources are filtered twice, in SQL (so the candidate limit is spent on visible ones) and here, before
/// anything is compared: a published source, or a submitted one of the agency itself or within the reviewer's
/// scope while it is still under review. Another agency's draft is never indexed at all.
/// </summary>
public sealed class SimilarityCheck(IGovDisclosureDb db, ISimilarityStore store, SimilarityMatcher matcher, ReviewSettingsAdmin settings)
{
    public SimilarityMatcher Matcher => matcher;

    public async Task<IReadOnlyList<SectionSimilarity>> CheckAsync(
        int? reportId, int agencyId, IReadOnlyDictionary<string, string> sectionTexts, SimilarityViewer viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sectionTexts);
        ArgumentNullException.ThrowIfNull(viewer);
        var prepared = sectionTexts.Select(s => matcher.Prepare(s.Key, s.Value)).ToList();
        if (prepared.All(p => p.BandHashes.Length == 0))
        {
            return prepared.Select(p => new SectionSimilarity(p.Key, p.SignedSet.Length, [])).ToList();
        }

        // Two round trips whatever the number of sections: every section's band lookup with the document
        // frequencies, then the shingles of the candidates the signature estimate keeps.
        var probed = prepared.Where(p => p.BandHashes.Length > 0).ToList();
        var stored = await store.CandidatesAsync(
            new CandidateQuery(
                probed.Select(p => p.BandHashes).ToList(),
                reportId,
                agencyId,
                viewer.PublishedOnly ? null : viewer.SubmittedWithinPath,
                viewer.PublishedOnly,
                matcher.Options.Bands + 1,
                matcher.Options.MaxCandidatesPerSection,
                // Every section's, banded or not: the shingle count reported for a short section leaves habitual ones out too.
                prepared.SelectMany(p => p.SignedSet).Distinct().ToList()),
            ct);
        var shortlists = probed
            .Select((section, i) =>
            {
                var bySource = stored.Candidates[i].ToDictionary(c => c.Candidate.Source);
                return (section.Key, Shortlist: matcher.Shortlist(section, bySource.Values.Select(c => c.Candidate), reportId, agencyId, s => IsVisible(bySource[s], agencyId, viewer)));
            })
            .ToDictionary(s => s.Key, s => s.Shortlist);
        var shingles = await store.ShinglesAsync(shortlists.Values.SelectMany(s => s).Select(c => c.Id).Distinct().ToList(), ct);
        var commonFrom = matcher.CommonFrom(stored.ReportCount);
        bool IsCommon(uint shingle) => stored.Frequencies.TryGetValue(shingle, out var reports) && reports >= commonFrom;
        return prepared.Select(section => matcher.Compare(
                section,
                shortlists.GetValueOrDefault(section.Key, [])
                    .Where(c => shingles.ContainsKey(c.Id))
                    .Select(c => new SectionFingerprint(c.Source, shingles[c.Id], c.Signature, [])),
                IsCommon))
            .ToList();
    }

    /// <summary>
    /// The facts for W_COPY: per section, the most similar source the rules may name and the region's threshold. Empty
    /// when the region switched the warning off.
    /// </summary>
    public async Task<IReadOnlyList<CopiedSection>> CopiesForRulesAsync(AnnualReport report, ReportDocument content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(content);
        var threshold = (await settings.InForceAsync(report.AgencyId, ct)).CopyThresholdPercent;
        if (threshold == 0)
        {
            return [];
        }

        var results = await CheckAsync(report.Id, report.AgencyId, content.Sections, SimilarityViewer.Rules, ct);
        var top = results.Where(r => r.Matches.Count > 0).ToList();
        var names = await AgencyNamesAsync(top.Select(r => r.Matches[0].Source.AgencyId), ct);
        return top.Select(r => new CopiedSection(r.SectionKey, r.Percent, threshold, names.GetValueOrDefault(r.Matches[0].Source.AgencyId, "其他机关"), r.Matches[0].Source.Year)).ToList();
    }

    public async Task<IReadOnlyDictionary<int, string>> AgencyNamesAsync(IEnumerable<int> agencyIds, CancellationToken ct = default)
    {
        var ids = agencyIds.Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<int, string>()
            : await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }

    private static bool IsVisible(StoredCandidate candidate, int ownAgency, SimilarityViewer viewer)
    {
        if (candidate.Candidate.Source.Status == SourceStatus.Published)
        {
            return true;
        }

        if (viewer.PublishedOnly || candidate.ReportState is not (ReportState.Submitted or ReportState.Approved))
        {
            return false;
        }

        return candidate.Candidate.Source.AgencyId == ownAgency
            || (viewer.SubmittedWithinPath is { } path && candidate.AgencyPath is { } agencyPath && agencyPath.StartsWith(path, StringComparison.Ordinal));
    }
}
