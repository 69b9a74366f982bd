using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Application.Common;

/// <summary>
/// Renders the published PDF of an annual report in the standard layout. The one seam between the
/// portal and a PDF engine: PDFsharp (AGPL-3.0) today, a licensed engine could replace it behind this
/// interface without touching callers (docs/decisions/0001-pdfsharp-agpl.md).
/// </summary>
public interface IReportPdfRenderer
{
    /// <summary>The PDF bytes. The same report and options always give the same bytes.</summary>
    byte[] Render(ReportDocument report, PdfRenderOptions? options = null);
}

/// <summary>Per-render choices.</summary>
/// <param name="DocumentDate">
/// The creation and modification date written into the PDF, normally the publication date. When absent,
/// 1 January of the year after the report year (the earliest day a report on that year can appear), so
/// that output never depends on the clock.
/// </param>
/// <param name="Watermark">A diagonal mark such as 「草稿」 for previews of unpublished reports; null for none.</param>
/// <param name="Correction">For a corrected revision, what changed and why: printed as its 更正说明, and its number in the footer; null for a first revision.</param>
public sealed record PdfRenderOptions(DateTimeOffset? DocumentDate = null, string? Watermark = null, RevisionChanges? Correction = null);
