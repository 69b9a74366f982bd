using System.Text;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;

namespace GovDisclosure.Tests.Shared;

/// <summary>
/// The one stand-in for PDFsharp in tests that are not about the PDF (the PDF tests use the real renderer):
/// distinct, deterministic bytes per title and content, with the correction facts the publish use case passed
/// written out so tests can read what the 更正说明 would print. Set <see cref="Fail"/> to make rendering fail as
/// a missing font or a full disk would.
/// </summary>
public sealed class StandInPdfRenderer : IReportPdfRenderer
{
    public bool Fail { get; set; }

    public byte[] Render(ReportDocument report, PdfRenderOptions? options = null) => Fail
        ? throw new IOException("disk full")
        : Encoding.UTF8.GetBytes($"%PDF-1.7 {report.Title} {report.Cells.Count} {string.Join(',', report.Cells.Select(c => c.Value))}{Correction(options?.Correction)}");

    private static string Correction(RevisionChanges? c) =>
        c is null ? string.Empty
        : $"\n更正说明 第{c.Revision}版 {c.Date:yyyy-MM-dd} 更正原因：{c.Reason}\n"
          + string.Concat(c.Cells.Select(x => $"{x.DisplayName}：{x.Old ?? "空白"} → {x.New ?? "空白"}\n"))
          + $"文字：{string.Join("；", c.ChangedSections)}";
}
