using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Oversight;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Oversight;

/// <summary>The review page's anomaly hints and the thresholds they were judged by.</summary>
public sealed record AnomalyReview(IReadOnlyList<CellAnomaly> Anomalies, ReviewSettings Settings, int Peers, int EarlierYears);

/// <summary>
/// Anomaly hints for a reviewer: the report's cells against the agency's published earlier years and against the
/// reports of agencies of the same kind and level within the reviewer's scope for the same year (submitted,
/// approved or published, never drafts). Only numbers are shown, never a peer's name.
/// </summary>
public sealed class AnomalyQueries(IGovDisclosureDb db, ReviewSettingsAdmin settings)
{
    /// <summary>How many earlier years a jump is judged against.</summary>
    public const int EarlierYears = 3;

    public async Task<AnomalyReview?> ForReviewAsync(UserScope scope, int reportId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var report = await db.Reports.AsNoTracking().ReviewableBy(scope).Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return null;
        }

        var inForce = await settings.InForceAsync(report.AgencyId, ct);
        var earlier = new List<(int Year, IReadOnlyDictionary<string, decimal> Cells)>();
        for (var year = report.Year - EarlierYears; year < report.Year; year++)
        {
            if (await PublishedDocuments.ForYearAsync(db, report.AgencyId, year, ct) is { } document)
            {
                earlier.Add((year, document.Cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal)));
            }
        }

        var kind = report.Agency!.Kind;
        var level = report.Agency.Level;
        var peers = await db.Reports.AsNoTracking().VisibleTo(scope)
            .Where(r => r.Id != report.Id && r.Year == report.Year && r.Agency!.Kind == kind && r.Agency.Level == level
                && (r.State == ReportState.Submitted || r.State == ReportState.Approved || r.State == ReportState.Published))
            .ToListAsync(ct);
        var anomalies = CellAnomalies.Find(ReportTemplates.Get(report.Template), report.Cells, earlier, peers.Select(p => p.Cells).ToList(), inForce);
        return new AnomalyReview(anomalies, inForce, peers.Count, earlier.Count);
    }
}
