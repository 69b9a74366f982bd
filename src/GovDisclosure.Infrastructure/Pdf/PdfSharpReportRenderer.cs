using System.Security.Cryptography;
using System.Text;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Infrastructure.Pdf.Fonts;
using GovDisclosure.Infrastructure.Pdf.Layout;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PdfSharp.Pdf;

namespace GovDisclosure.Infrastructure.Pdf;

/// <summary>
/// <see cref="IReportPdfRenderer"/> on PDFsharp 6 (AGPL-3.0). Thread-safe: each render builds its own
/// document; fonts are loaded once, at construction, so a missing font fails at start-up.
/// </summary>
public sealed class PdfSharpReportRenderer : IReportPdfRenderer
{
    /// <summary>Bumped when the layout changes, so document IDs of old and new renders differ.</summary>
    private const string LayoutVersion = "gd-pdf-2";

    /// <summary>Room for a usual report's PDF (about 270 KB) without growing.</summary>
    private const int OutputCapacity = 512 * 1024;

    // The output buffer is reused by the renders on a thread (Render is synchronous): a fresh MemoryStream grew through
    // 128, 256 and 512 KB on the large object heap for every document, and during a surge those arrays drove the gen 2 collections.
    [ThreadStatic]
    private static MemoryStream? output;

    private readonly ReportFontFamilies fonts;

    /// <param name="logger">Where a character outside the compact faces is reported (docs/decisions/0012); none by default.</param>
    public PdfSharpReportRenderer(PdfOptions options, ILogger<PdfSharpReportRenderer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ReportFontResolver.EnsureInstalled();
        var notice = new FullFaceNotice(logger ?? (ILogger)NullLogger.Instance);
        fonts = new ReportFontFamilies(
            ReportFontResolver.Register(FontLocator.Locate(options.SongFont, "Pdf:SongFont")) with { Notice = notice },
            ReportFontResolver.Register(FontLocator.Locate(options.HeiFont, "Pdf:HeiFont")) with { Notice = notice });
    }

    public PdfSharpReportRenderer()
        : this(new PdfOptions())
    {
    }

    public byte[] Render(ReportDocument report, PdfRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new PdfRenderOptions();

        using var document = new PdfDocument();
        var title = ReportPdfComposer.TitleOf(report);
        document.Info.Title = title;
        document.Info.Author = report.Agency;
        document.Info.Subject = $"{report.Year}年度政府信息公开工作年度报告";
        document.Info.Keywords = "政府信息公开,年度报告";
        document.Info.Creator = "GovDisclosure";
        var date = (options.DocumentDate ?? new DateTimeOffset(report.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero)).UtcDateTime;
        document.Info.CreationDate = date;
        document.Info.ModificationDate = date;
        document.Language = "zh-CN";
        document.PageLayout = PdfPageLayout.SinglePage;
        // Each embedded CJK subset is a few hundred kilobytes before compression; the fastest zlib level
        // roughly halves the time spent saving, for a larger file (docs/benchmarks.md).
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

        // PDFsharp draws a random document ID; one derived from the content and the options (and
        // DeterministicOutput for the rest of PDFsharp's randomness) keeps renders byte-identical, as a
        // published document's hash must be.
        var id = DocumentId(report, options);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        var composer = new ReportPdfComposer(report, fonts, options);
        using (var flow = new PageFlow(document, PageGeometry.A4Official, composer.DecoratePage))
        {
            composer.Compose(flow);
        }

        var stream = output ??= new MemoryStream(OutputCapacity);
        stream.SetLength(0);
        document.Save(stream, closeStream: false);
        var pdf = stream.ToArray();
        if (stream.Capacity > 2 * OutputCapacity)
        {
            // An unusually long report does not keep a large buffer on this thread.
            output = null;
        }

        return DeterministicOutput.Normalize(pdf, id);
    }

    private static string DocumentId(ReportDocument report, PdfRenderOptions options)
    {
        var correction = options.Correction is { } c
            ? $"{c.Revision}\n{c.Date:O}\n{c.Reason}\n{string.Join('\n', c.Cells)}\n{string.Join('\n', c.ChangedSections)}"
            : string.Empty;
        var basis = $"{LayoutVersion}\n{options.DocumentDate:O}\n{options.Watermark}\n{correction}\n{InterchangeJson.Write(report, includeDerived: false)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(basis));
        // The trailer ID is a byte string: PDFsharp takes one char per byte.
        return new string([.. hash.AsSpan(0, 16).ToArray().Select(b => (char)b)]);
    }
}
