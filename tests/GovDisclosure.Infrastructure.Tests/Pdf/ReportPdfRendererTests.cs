using System.Text.RegularExpressions;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Pdf;

namespace GovDisclosure.Infrastructure.Tests.Pdf;

public sealed class ReportPdfRendererTests
{
    public static TheoryData<string> Samples => new() { "sample-000-yinzhou-2020.json", "sample-003-xinhua-2021.json" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_text_of_a_rendered_sample_holds_every_cell_value_row_by_row_and_the_agency_name(string fixture)
    {
        var report = PdfTestSupport.LoadFixture(fixture);
        var shown = ReportTotals.Shown(report);
        var text = PdfTestSupport.PdfToText(PdfTestSupport.Renderer.Render(report));

        Assert.Contains(report.Agency, text, StringComparison.Ordinal);
        var cursor = 0;
        var checkedRows = 0;
        foreach (var table in report.Definition.Tables)
        {
            foreach (var row in table.BodyRows)
            {
                // The row's own label is its last label cell; then come its values left to right, blanks absent.
                var label = row.Cells.LastOrDefault(c => !c.IsData)?.Text;
                var values = row.Cells.Where(c => c.IsData && shown.ContainsKey(c.CellCode!))
                    .Select(c => Display(report, c.CellCode!, shown[c.CellCode!])).ToList();
                var pattern = (label is null ? string.Empty : string.Join(@"\s*", label.Select(ch => Regex.Escape(ch.ToString())))) +
                              string.Concat(values.Select(v => @"\s+" + Regex.Escape(v))) + @"(\s|$)";
                if (label is null)
                {
                    pattern = pattern[3..]; // no label: the values alone, starting with the first.
                }

                var match = new Regex(pattern).Match(text, cursor);
                Assert.True(match.Success, $"Row «{label}» of {table.Id} with values [{string.Join(' ', values)}] not found after offset {cursor}.");
                cursor = match.Index + match.Length - 1;
                checkedRows++;
            }
        }

        Assert.Equal(report.Definition.Tables.Sum(t => t.BodyRows.Count), checkedRows);
    }

    [Fact]
    public void Every_font_in_the_pdf_is_embedded_as_a_subset_with_a_unicode_map()
    {
        var pdf = PdfTestSupport.Renderer.Render(PdfTestSupport.LoadFixture("sample-000-yinzhou-2020.json"));
        var fonts = PdfTestSupport.PdfFonts(pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        Assert.Equal(2, fonts.Count); // 宋 (title, text, tables), 黑 (headings)
        foreach (var line in fonts)
        {
            // name … type … encoding emb sub uni object ID
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (emb, sub, uni) = (columns[^5], columns[^4], columns[^3]);
            Assert.True(emb == "yes" && sub == "yes" && uni == "yes", $"Font not embedded as a Unicode subset: {line}");
        }
    }

    [Fact]
    public void Two_renders_of_the_same_report_are_byte_identical_even_from_two_renderers()
    {
        var report = PdfTestSupport.LoadFixture("sample-003-xinhua-2021.json");
        var first = PdfTestSupport.Renderer.Render(report);
        var second = new PdfSharpReportRenderer().Render(report.Clone());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Renders_running_in_parallel_give_the_same_bytes_as_one_alone()
    {
        var reports = new[] { "sample-000-yinzhou-2020.json", "sample-003-xinhua-2021.json" }.Select(PdfTestSupport.LoadFixture).ToList();
        var alone = reports.Select(r => PdfTestSupport.Renderer.Render(r)).ToList();

        var parallel = new byte[8][];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = PdfTestSupport.Renderer.Render(reports[i % 2]));

        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(alone[i % 2], parallel[i]);
        }
    }

    [Fact]
    public void A_changed_cell_changes_the_bytes_and_the_document_id()
    {
        var report = PdfTestSupport.LoadFixture("sample-003-xinhua-2021.json");
        var changed = report.Clone();
        changed.Cells["s3.received.natural"] = 4;

        var a = PdfTestSupport.Renderer.Render(report);
        var b = PdfTestSupport.Renderer.Render(changed);

        Assert.NotEqual(a, b);
        Assert.NotEqual(TrailerId(a), TrailerId(b));
    }

    [Fact]
    public void The_document_information_names_the_title_the_agency_as_author_and_the_year_as_subject()
    {
        var report = PdfTestSupport.LoadFixture("sample-003-xinhua-2021.json");
        var info = PdfTestSupport.PdfInfo(PdfTestSupport.Renderer.Render(report, new PdfRenderOptions(new DateTimeOffset(2022, 1, 28, 0, 0, 0, TimeSpan.Zero))));

        Assert.Matches(@"Title:\s+新华区人民政府办公室2021年政府信息公开工作年度报告", info);
        Assert.Matches(@"Author:\s+新华区人民政府办公室", info);
        Assert.Matches(@"Subject:\s+2021年度政府信息公开工作年度报告", info);
        Assert.Matches(@"CreationDate:\s+Fri Jan 28 00:00:00 2022", info);
        Assert.Matches(@"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
    }

    [Fact]
    public void A_long_narrative_pushes_the_requests_table_across_a_page_with_its_header_repeated_and_pages_numbered()
    {
        var splits = 0;
        for (var paragraphs = 1; paragraphs <= 12; paragraphs++)
        {
            var report = PdfTestSupport.LoadFixture("sample-003-xinhua-2021.json");
            report.Sections[SectionKeys.Requests] = string.Join('\n', Enumerable.Repeat(
                "本年度依申请公开工作严格按照《条例》规定的程序和时限办理，做到件件有回复、事事有着落，申请人满意度进一步提高。", paragraphs));
            var pdf = PdfTestSupport.Renderer.Render(report);
            var pages = PdfTestSupport.Pages(pdf);
            Assert.Equal(PdfTestSupport.PageCount(pdf), pages.Count);

            for (var p = 0; p < pages.Count; p++)
            {
                Assert.Contains($"— {p + 1} —", pages[p], StringComparison.Ordinal);
            }

            // Pages on which section 三's table has body rows: from the first row to the last.
            var first = pages.FindIndex(t => t.Contains("一、本年新收政府信息公开申请数量", StringComparison.Ordinal));
            var last = pages.FindIndex(t => t.Contains("四、结转下年度继续办理", StringComparison.Ordinal));
            Assert.True(first >= 0 && last >= first, $"Table rows not found ({paragraphs} paragraphs).");
            for (var p = first; p <= last; p++)
            {
                Assert.Contains("申请人情况", pages[p], StringComparison.Ordinal);
                Assert.Contains("社会公", pages[p], StringComparison.Ordinal);
            }

            if (last > first)
            {
                splits++;
            }
        }

        Assert.True(splits > 0, "No narrative length made the table break across pages: the test proved nothing.");
    }

    [Fact]
    public void A_total_left_blank_is_printed_as_the_web_page_computes_it_and_other_blank_cells_stay_blank()
    {
        var report = PdfTestSupport.LoadFixture("sample-003-xinhua-2021.json");
        report.Cells.Remove("s3.received.total"); // the agency left 总计 blank; the page shows 3
        report.Cells.Remove("s3.received.legal"); // a blank part: blank on the page, counted as 0
        var text = PdfTestSupport.PdfToText(PdfTestSupport.Renderer.Render(report));

        Assert.Matches(@"一、本年新收政府信息公开申请数量\s+3 0 0 0 0 3\s+二、", text);
    }

    [Fact]
    public void A_watermark_is_drawn_on_every_page_when_asked_for()
    {
        var report = PdfTestSupport.LoadFixture("sample-003-xinhua-2021.json");
        var pdf = PdfTestSupport.Renderer.Render(report, new PdfRenderOptions(Watermark: "草稿"));

        var pages = PdfTestSupport.Pages(pdf);
        Assert.True(pages.Count > 1);
        foreach (var page in pages)
        {
            // Rotated text comes back one character a line.
            Assert.Contains("草稿", Regex.Replace(page, @"\s", string.Empty), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("草稿", Regex.Replace(PdfTestSupport.PdfToText(PdfTestSupport.Renderer.Render(report)), @"\s", string.Empty), StringComparison.Ordinal);
    }

    private static string Display(ReportDocument report, string code, decimal value)
    {
        var kind = report.Definition.Cell(code).Kind;
        var text = InterchangeJson.FormatValue(kind, value);
        return kind == CellKind.SignedCount && value > 0 ? "+" + text : text;
    }

    private static string TrailerId(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        return Regex.Match(text, @"/ID\s*\[\s*<([0-9A-Fa-f]+)>").Groups[1].Value;
    }
}
