using GovDisclosure.Application.Common;
using GovDisclosure.Application.Oversight;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Templates;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Similarity;

/// <summary>A source a section repeats, as the reviewer is told it: whose, which year, how much, and whether it is public.</summary>
/// <param name="Number">The source's number within the section (①, ②…), which the highlighted passages refer to.</param>
public sealed record SimilaritySourceView(int Number, int ReportId, string AgencyName, int Year, string SectionHeading, int Percent, bool IsPublished, int Passages);

/// <summary>A run of the section's text: repeated (with the numbers of the sources it is found in) or not.</summary>
public sealed record TextSegment(string Text, IReadOnlyList<int> Sources)
{
    public bool IsRepeated => Sources.Count > 0;
}

public sealed record SectionSimilarityView(string Key, string Heading, int Percent, bool ReachesThreshold, IReadOnlyList<TextSegment> Segments, IReadOnlyList<SimilaritySourceView> Sources);

/// <summary>The review page's 雷同 panel: each section with text, its figure and its visible sources.</summary>
/// <param name="ThresholdPercent">The region's 提示线 (0 = no warning).</param>
public sealed record SimilarityReview(IReadOnlyList<SectionSimilarityView> Sections, int ThresholdPercent);

/// <summary>The public page's per-section figure (only where the region chose to show it).</summary>
public sealed record PublicSectionFigure(string Heading, int Percent);

/// <summary>What the 雷同 panels read: for the reviewer within their scope, and for the public page from the published text.</summary>
public sealed class SimilarityQueries(IGovDisclosureDb db, SimilarityCheck check, ReviewSettingsAdmin settings)
{
    /// <summary>Null when the report is not the reviewer's to review (the page answers NotFound before this runs).</summary>
    public async Task<SimilarityReview?> ForReviewAsync(UserScope scope, int reportId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var report = await db.Reports.AsNoTracking().ReviewableBy(scope).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return null;
        }

        var definition = ReportTemplates.Get(report.Template);
        var threshold = (await settings.InForceAsync(report.AgencyId, ct)).CopyThresholdPercent;
        var results = await check.CheckAsync(report.Id, report.AgencyId, report.Sections, SimilarityViewer.Reviewer(scope), ct);
        var names = await check.AgencyNamesAsync(results.SelectMany(r => r.Matches).Select(m => m.Source.AgencyId), ct);
        var views = new List<SectionSimilarityView>();
        foreach (var section in definition.Sections)
        {
            var text = report.Sections.GetValueOrDefault(section.Key);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var result = results.FirstOrDefault(r => r.SectionKey == section.Key);
            var matches = result?.Matches ?? [];
            var sources = matches.Select((m, i) => new SimilaritySourceView(
                i + 1, m.Source.ReportId, names.GetValueOrDefault(m.Source.AgencyId, "其他机关"), m.Source.Year,
                definition.Sections.FirstOrDefault(s => s.Key == m.Source.SectionKey)?.Heading ?? m.Source.SectionKey,
                m.Percent, m.Source.Status == SourceStatus.Published, m.Passages.Count)).ToList();
            var percent = result?.Percent ?? 0;
            views.Add(new SectionSimilarityView(section.Key, section.Heading, percent, threshold > 0 && percent >= threshold, Segments(text, matches), sources));
        }

        return new SimilarityReview(views, threshold);
    }

    /// <summary>
    /// Each section's figure for the public page of a published revision, against published sources only; null
    /// when the region does not show it.
    /// </summary>
    public async Task<IReadOnlyList<PublicSectionFigure>?> ForPublicAsync(int reportId, int agencyId, int revision, CancellationToken ct = default)
    {
        // The region's setting first: it is off unless a region turns it on, and every uncached public report page asks,
        // so the snapshot (tens of KB) is read only when the figure is shown.
        if (!(await settings.InForceAsync(agencyId, ct)).ShowCopyFigurePublicly)
        {
            return null;
        }

        var json = await db.Publications.AsNoTracking().Where(p => p.ReportId == reportId && p.Revision == revision)
            .Select(p => p.InterchangeJson).SingleOrDefaultAsync(ct);
        if (json is null)
        {
            return null;
        }

        var document = InterchangeJson.Read(json);
        var results = await check.CheckAsync(reportId, agencyId, document.Sections, SimilarityViewer.Public, ct);
        return document.Definition.Sections
            .Where(s => !string.IsNullOrWhiteSpace(document.SectionText(s.Key)))
            .Select(s => new PublicSectionFigure(s.Heading, results.FirstOrDefault(r => r.SectionKey == s.Key)?.Percent ?? 0))
            .ToList();
    }

    /// <summary>The text cut where the set of sources covering it changes, so each repeated run names its sources.</summary>
    internal static IReadOnlyList<TextSegment> Segments(string text, IReadOnlyList<SourceMatch> matches)
    {
        var cover = new List<int>?[text.Length];
        for (var m = 0; m < matches.Count; m++)
        {
            foreach (var passage in matches[m].Passages)
            {
                for (var i = passage.Start; i < Math.Min(text.Length, passage.Start + passage.Length); i++)
                {
                    (cover[i] ??= []).Add(m + 1);
                }
            }
        }

        var segments = new List<TextSegment>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || !SameSources(cover[i], cover[start]))
            {
                segments.Add(new TextSegment(text[start..i], cover[start] ?? []));
                start = i;
            }
        }

        return segments;
    }

    private static bool SameSources(List<int>? a, List<int>? b) =>
        (a is null && b is null) || (a is not null && b is not null && a.SequenceEqual(b));
}
