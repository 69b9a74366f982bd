using System.Globalization;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Pdf.Fonts;
using GovDisclosure.Infrastructure.Pdf.Layout;
using PdfSharp.Drawing;

namespace GovDisclosure.Infrastructure.Pdf;

/// <summary>
/// The published report as a composition, in the shape of QuestPDF's ReportSample: the plain model
/// (<see cref="ReportDocument"/>) goes in, one method per part of the page composes it from small
/// blocks (<see cref="ParagraphBlock"/>, <see cref="GridTableBlock"/>) on a <see cref="PageFlow"/>.
/// Sizes follow GB/T 9704: title 二号, text and headings 三号 at 22 lines a page, page number 四号.
/// Table cells show what the public web page shows (<see cref="ReportTotals.Shown"/>): what the agency wrote,
/// and a total it left blank as computed from its parts; 0 is printed as 0 and a blank stays blank, because
/// the PDF is the document of record and must not say less than the page. A corrected revision carries its
/// 更正说明 (a line under the title, the full list on a closing page) and 「第N版」 in every footer (docs/pdf.md).
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
    private readonly IReadOnlyDictionary<string, decimal> shown;
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
        shown = ReportTotals.Shown(report);
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

        if (options.Correction is { } correction)
        {
            ComposeCorrection(flow, correction);
        }
    }

    /// <summary>「2026年12月1日」: dates in the 更正说明 are written as Chinese documents write them.</summary>
    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>Draws what every page carries: the page number 「— N —」 7 mm below the type area, and the watermark.</summary>
    public void DecoratePage(XGraphics g, int number, PageGeometry geometry)
    {
        pageNumber ??= new TextStyle(fonts.Song, PageNumberSize, PageNumberSize * 1.2, g);
        var top = geometry.ContentBottom + PageGeometry.Mm(7);
        ParagraphBlock.DrawCentered(g, $"— {number.ToString(CultureInfo.InvariantCulture)} —", pageNumber, 0, geometry.PageWidth, top);
        if (options.Correction is { } correction)
        {
            // A page printed on its own still tells which revision it belongs to.
            var revision = string.Create(CultureInfo.InvariantCulture, $"第{correction.Revision}版");
            pageNumber.Draw(g, revision, geometry.PageWidth - geometry.Right - pageNumber.Width(revision), top);
        }

        if (!string.IsNullOrWhiteSpace(options.Watermark))
        {
            var mark = new XFont(fonts.Hei.FamilyFor(options.Watermark), 96, XFontStyleEx.Regular, TextStyle.PdfFontOptions);
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

        if (options.Correction is { } correction)
        {
            // 四号, so the notice fits on one line under the title.
            ParagraphBlock.Compose(
                flow,
                string.Create(CultureInfo.InvariantCulture, $"（本报告为第{correction.Revision}版，已于{ChineseDate(correction.Date)}更正，更正说明见文末。）"),
                new TextStyle(fonts.Song, PageNumberSize, LinePitch, flow.Graphics),
                alignment: ParagraphAlignment.Center);
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

    /// <summary>The closing page: when and why the report was corrected, every changed cell old → new, and the sections whose text changed.</summary>
    private void ComposeCorrection(PageFlow flow, RevisionChanges correction)
    {
        flow.NewPage();
        ParagraphBlock.Compose(flow, "更正说明", title, alignment: ParagraphAlignment.Center);
        flow.Y += LinePitch / 2;
        var revision = correction.Revision.ToString(CultureInfo.InvariantCulture);
        ParagraphBlock.Compose(flow, $"本报告于{ChineseDate(correction.Date)}更正，现为第{revision}版，替代此前发布的版本。", text, firstLineIndent: 2 * TextSize);
        ParagraphBlock.Compose(flow, $"更正原因：{correction.Reason}", text, firstLineIndent: 2 * TextSize);

        ParagraphBlock.Compose(flow, "一、更正的数据", heading, firstLineIndent: 2 * TextSize);
        if (correction.Cells.Count == 0)
        {
            ParagraphBlock.Compose(flow, "表格数据未作更正。", text, firstLineIndent: 2 * TextSize);
        }

        var item = new TextStyle(fonts.Song, 14, 14 * 1.6, flow.Graphics); // 四号: a long list stays readable on few pages
        var number = 0;
        foreach (var change in correction.Cells)
        {
            var n = (++number).ToString(CultureInfo.InvariantCulture);
            ParagraphBlock.Compose(flow, $"{n}. {change.DisplayName}：{change.Old ?? "空白"} → {change.New ?? "空白"}", item, firstLineIndent: 2 * TextSize);
        }

        ParagraphBlock.Compose(flow, "二、更正的文字", heading, firstLineIndent: 2 * TextSize);
        ParagraphBlock.Compose(flow, correction.ChangedSections.Count == 0 ? "正文文字未作更正。" : "以下部分的文字有修改：", text, firstLineIndent: 2 * TextSize);
        foreach (var section in correction.ChangedSections)
        {
            ParagraphBlock.Compose(flow, section, item, firstLineIndent: 2 * TextSize);
        }
    }

    private string? FormatCell(string code)
    {
        if (!shown.TryGetValue(code, out var value))
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

/// <summary>The two registered faces, each compact and full.</summary>
internal sealed record ReportFontFamilies(ReportFace Song, ReportFace Hei);
