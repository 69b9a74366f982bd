using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Reports;

/// <summary>
/// The PDF that publishing stores, and the reviewer's preview of it, drawn from one place: the same document,
/// the same 更正说明 for a corrected revision, the same renderer. Only two things differ, by design: the preview
/// carries the mark <see cref="PreviewMark"/> (it is not the published record) and the date it was drawn, where the
/// publication carries its publication date.
/// </summary>
public sealed class PublicationPdf(IGovDisclosureDb db, IReportPdfRenderer renderer, TimeProvider clock)
{
    /// <summary>The diagonal mark on the reviewer's preview.</summary>
    public const string PreviewMark = "审核预览";

    /// <summary>The reviewer's preview of the report in the reviewer's scope, as it would be published now; null when out of scope.</summary>
    public async Task<(byte[] Pdf, string FileName)?> PreviewAsync(UserScope scope, int reportId, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().ReviewableBy(scope).Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return null;
        }

        var (document, options) = await ForPublicationAsync(db, report, clock.GetUtcNow(), ct);
        var pdf = renderer.Render(document, options with { Watermark = PreviewMark });
        return (pdf, $"{report.Year}-{report.Agency!.Code}-第{report.Revision}版-审核预览.pdf");
    }

    /// <summary>What publishing the report at <paramref name="now"/> renders: its document and the render options.</summary>
    internal static async Task<(ReportDocument Document, PdfRenderOptions Options)> ForPublicationAsync(IGovDisclosureDb db, AnnualReport report, DateTimeOffset now, CancellationToken ct)
    {
        var document = report.ToDocument(report.Agency!.Name);

        // A corrected revision states what it changed against the revision it replaces (its 更正说明).
        var replaced = report.Revision > 1 ? await PublishedDocuments.ForYearAsync(db, report.AgencyId, report.Year, ct) : null;
        var correction = replaced is null ? null
            : RevisionChanges.Between(replaced, document, report.Revision, Deadlines.BeijingDate(now), report.CorrectionReason ?? string.Empty);
        return (document, new PdfRenderOptions(DocumentDate: now, Correction: correction));
    }
}
