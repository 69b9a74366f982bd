using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>
/// Stands in for PDFsharp (the PDF tests cover it): distinct, deterministic bytes per title and content, and the
/// correction facts the publish use case passed, written out so tests can read what the 更正说明 would print.
/// </summary>
public sealed class StandInPdfRenderer : IReportPdfRenderer
{
    public byte[] Render(ReportDocument report, PdfRenderOptions? options = null) =>
        System.Text.Encoding.UTF8.GetBytes($"%PDF-1.7 {report.Title} {report.Cells.Count} {string.Join(',', report.Cells.Select(c => c.Value))}{Correction(options?.Correction)}");

    private static string Correction(RevisionChanges? c) =>
        c is null ? string.Empty
        : $"\n更正说明 第{c.Revision}版 {c.Date:yyyy-MM-dd} 更正原因：{c.Reason}\n"
          + string.Concat(c.Cells.Select(x => $"{x.DisplayName}：{x.Old ?? "空白"} → {x.New ?? "空白"}\n"))
          + $"文字：{string.Join("；", c.ChangedSections)}";
}
