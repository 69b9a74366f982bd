using System.Globalization;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Pdf.Layout;
using PdfSharp.Drawing;

namespace GovDisclosure.Infrastructure.Pdf;

/// <summary>
/// The published report as a composition, in the shape of QuestPDF's ReportSample: the plain model
/// (<see cref="ReportDocument"/>) goes in, one method per part of the page composes it from small
/// blocks (<see cref="ParagraphBlock"/>, <see cref="GridTableBlock"/>) on a <see cref="PageFlow"/>.
/// Sizes follow GB/T 9704: title 二号, text and headings 三号 at 22 lines a page, page number 四号.
/// Table cells show what the agency wrote: a blank cell stays blank, totals the system would derive are
/// not printed, because the published PDF is the agency's own statement (docs/pdf.md).
/// </summary>
internal sealed class ReportPdfComposer
{
    private const double TextSize = 16;        // 三号
    private const double TitleSize = 22;       // 二号
    private const double PageNumberSize = 14;  // 四号
    private const double LinePitch = 28.9;     // 22 lines in the 225 mm type area

    private readonly ReportDocument report;
    private readonly ReportFontFamilies fonts;
    private readonly PdfRenderOptions options;
    private TextStyle title = null!;
    private TextStyle agency = null!;
    private TextStyle heading = null!;
    private TextStyle text = null!;
    private TextStyle pageNumber = null!;

    public ReportPdfComposer(ReportDocument report, ReportFontFamilies fonts, PdfRenderOptions options)
    {
        this.report = report;
        this.fonts = fonts;
        this.options = options;
    }

    public static string TitleOf(ReportDocument report) =>
        string.IsNullOrWhiteSpace(report.Title)
            ? $"{report.Agency}{report.Year}年政府信息公开工作年度报告"
            : report.Title.Trim();

    public void Compose(PageFlow flow)
    {
        var g = flow.Graphics;
        title = new TextStyle(fonts.Song, TitleSize, TitleSize * 1.5, g, bold: true);
        agency = new TextStyle(fonts.Song, TextSize, LinePitch, g);
        heading = new TextStyle(fonts.Hei, TextSize, LinePitch, g);
        text = new TextStyle(fonts.Song, TextSize, LinePitch, g);

        ComposeTitle(flow);
        foreach (var section in report.Definition.Sections)
        {
            ComposeSection(flow, section);
        }
    }

    /// <summary>Draws what every page carries: the page number 「— N —」 7 mm below the type area, and the watermark.</summary>
    public void DecoratePage(XGraphics g, int number, PageGeometry geometry)
    {
        pageNumber ??= new TextStyle(fonts.Song, PageNumberSize, PageNumberSize * 1.2, g);
        var top = geometry.ContentBottom + PageGeometry.Mm(7);
        ParagraphBlock.DrawCentered(g, $"— {number.ToString(CultureInfo.InvariantCulture)} —", pageNumber, 0, geometry.PageWidth, top);

        if (!string.IsNullOrWhiteSpace(options.Watermark))
        {
            var mark = new XFont(fonts.Hei, 96, XFontStyleEx.Regular, TextStyle.PdfFontOptions);
            var state = g.Save();
            var centre = new XPoint(geometry.PageWidth / 2, geometry.PageHeight / 2);
            g.RotateAtTransform(-45, centre);
            g.DrawString(options.Watermark, mark, new XSolidBrush(XColor.FromArgb(48, 160, 0, 0)), centre, XStringFormats.Center);
            g.Restore(state);
        }
    }

    private void ComposeTitle(PageFlow flow)
    {
        var titleText = TitleOf(report);
        ParagraphBlock.Compose(flow, titleText, title, alignment: ParagraphAlignment.Center);
        if (report.Agency.Length > 0 && !titleText.Contains(report.Agency, StringComparison.Ordinal))
        {
            ParagraphBlock.Compose(flow, report.Agency, agency, alignment: ParagraphAlignment.Center);
        }

        flow.Y += LinePitch / 2;
    }

    private void ComposeSection(PageFlow flow, SectionDefinition section)
    {
        var paragraphs = ParagraphBlock.Paragraphs(report.SectionText(section.Key)).ToList();
        if (paragraphs.Count > 0 && IsHeading(paragraphs[0], section))
        {
            paragraphs.RemoveAt(0); // the text often repeats its own heading; it is drawn once, below.
        }

        // Keep the heading with the first line of text, or with the top of the first table.
        flow.EnsureSpace(LinePitch + (paragraphs.Count > 0 ? LinePitch : 6 * LinePitch));
        ParagraphBlock.Compose(flow, section.Heading, heading, firstLineIndent: 2 * TextSize);

        foreach (var paragraph in paragraphs)
        {
            ParagraphBlock.Compose(flow, paragraph, text, firstLineIndent: 2 * TextSize);
        }

        if (section.Tables.Count > 0)
        {
            ComposeTables(flow, section.Tables);
        }
    }

    private void ComposeTables(PageFlow flow, IReadOnlyList<TableDefinition> tables)
    {
        var size = tables[0].ColumnCount >= 10 ? 9 : 10.5; // 小五 for the wide matrices, 五号 otherwise
        var cellText = new TextStyle(fonts.Song, size, size * 1.35, flow.Graphics);
        var widths = GridTableBlock.ColumnWidths(tables, flow.Width, cellText);
        flow.Y += 4;
        foreach (var table in tables)
        {
            new GridTableBlock(table, FormatCell, cellText, widths).Compose(flow);
            flow.Y += 8;
        }

        flow.Y += LinePitch / 3;
    }

    private string? FormatCell(string code)
    {
        if (report.Cells.Get(code) is not { } value)
        {
            return null;
        }

        var kind = report.Definition.Cell(code).Kind;
        var formatted = InterchangeJson.FormatValue(kind, value);
        return kind == CellKind.SignedCount && value > 0 ? "+" + formatted : formatted;
    }

    private static bool IsHeading(string paragraph, SectionDefinition section)
    {
        static string Normalise(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('：', ':', '。');
        var p = Normalise(paragraph);
        return section.HeadingVariants.Prepend(section.Heading).Any(h => Normalise(h) == p);
    }
}

/// <summary>The PDFsharp family names of the three registered faces.</summary>
internal sealed record ReportFontFamilies(string Song, string Hei);
