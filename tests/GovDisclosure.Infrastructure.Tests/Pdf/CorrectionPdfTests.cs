using System.Text.RegularExpressions;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Infrastructure.Pdf;

namespace GovDisclosure.Infrastructure.Tests.Pdf;

/// <summary>A corrected revision says so: its 更正说明 lists the reason and every changed cell old → new, and every page's footer names the revision.</summary>
public sealed class CorrectionPdfTests
{
    private static (ReportDocument Before, ReportDocument After) Corrected()
    {
        var before = PdfTestSupport.LoadFixture("sample-003-xinhua-2021.json");
        var after = before.Clone();
        after.Cells["s3.received.natural"] = 5;       // 3 → 5
        after.Cells["s3.received.total"] = 5;         // 3 → 5
        after.Cells.Remove("s3.received.legal");      // 0 → blank
        after.Sections[SectionKeys.Problems] = after.SectionText(SectionKeys.Problems) + "\n本报告经核实后更正。";
        return (before, after);
    }

    private static string Flat(string text) => Regex.Replace(text, @"\s", string.Empty);

    [Fact]
    public void The_corrected_pdf_lists_the_reason_each_changed_cell_old_to_new_and_the_changed_sections()
    {
        var (before, after) = Corrected();
        var changes = RevisionChanges.Between(before, after, 2, new DateOnly(2022, 3, 4), "自然人申请数量统计有误");

        var pdf = PdfTestSupport.Renderer.Render(after, new PdfRenderOptions(Correction: changes));
        var pages = PdfTestSupport.Pages(pdf);
        var closing = Flat(pages[^1]);

        Assert.Contains("（本报告为第2版，已于2022年3月4日更正，更正说明见文末。）", Flat(pages[0]));
        Assert.Contains("更正说明", closing);
        Assert.Contains("本报告于2022年3月4日更正，现为第2版", closing);
        Assert.Contains("更正原因：自然人申请数量统计有误", closing);
        Assert.Equal(3, changes.Cells.Count);
        foreach (var (code, old, now) in new[] { ("s3.received.natural", "3", "5"), ("s3.received.total", "3", "5"), ("s3.received.legal", "0", "空白") })
        {
            Assert.Contains(Flat($"{after.Definition.Cell(code).DisplayName}：{old} → {now}"), closing);
        }

        Assert.Contains(Flat($"以下部分的文字有修改：{after.Definition.Sections.Single(s => s.Key == SectionKeys.Problems).Heading}"), closing);
        Assert.Single(changes.ChangedSections);
    }

    [Fact]
    public void Every_page_of_a_corrected_pdf_carries_its_revision_beside_the_page_number_and_a_first_revision_none()
    {
        var (before, after) = Corrected();
        var changes = RevisionChanges.Between(before, after, 2, new DateOnly(2022, 3, 4), "自然人申请数量统计有误");

        var corrected = PdfTestSupport.Pages(PdfTestSupport.Renderer.Render(after, new PdfRenderOptions(Correction: changes)));
        var original = PdfTestSupport.Pages(PdfTestSupport.Renderer.Render(before));

        Assert.True(corrected.Count > original.Count); // the closing 更正说明 page
        for (var p = 0; p < corrected.Count; p++)
        {
            Assert.Matches($@"— {p + 1} —\s*第2版|第2版\s*— {p + 1} —", corrected[p]);
        }

        Assert.All(original, page => Assert.DoesNotContain("第2版", page, StringComparison.Ordinal));
    }
}
