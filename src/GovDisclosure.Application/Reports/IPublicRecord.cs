using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Application.Reports;

/// <summary>
/// What the public reads of a publication, kept by the database beside the publication itself: the report page's
/// read model (cells with their derived totals as displayed, findings, revision list) and the region rollup (sums per
/// region, year, template and cell). Both are written by the same SaveChanges as the publication, in its transaction,
/// so a reader never sees one without the other and a rolled-back publication leaves neither.
/// Infrastructure implements it (decisions/0010).
/// </summary>
public interface IPublicRecord
{
    /// <summary>
    /// Adds the publication's read model and its rollup contribution to the pending save. A correction replaces the
    /// revision it corrects: its page is overwritten and its contribution to every region is taken out again.
    /// </summary>
    /// <param name="document">The published content, as the snapshot holds it.</param>
    /// <param name="source">The original file of an imported historical report; null for a portal report.</param>
    void Published(Publication publication, ReportDocument document, HistoricalSource? source);

    /// <summary>
    /// Adds to the pending save the rollup change of an agency (and its subtree) moving from under one region to
    /// another: its subtree's sums leave the regions it left and join the regions it joined.
    /// </summary>
    /// <param name="oldPath">The agency's path before the move; the agency entity carries the new one.</param>
    void AgencyMoved(int agencyId, string oldPath);
}
