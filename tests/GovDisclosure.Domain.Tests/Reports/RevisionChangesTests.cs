using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Tests.Reports;

public sealed class RevisionChangesTests
{
    private static ReportDocument Report()
    {
        var report = new ReportDocument(TemplateVersion.T2021, 2021, "甲局", string.Empty);
        report.Cells["s3.received.natural"] = 47;
        report.Cells["s3.received.commercial"] = 1;
        report.Sections[SectionKeys.Overview] = "本年度工作情况。";
        return report;
    }

    [Fact]
    public void A_changed_part_lists_itself_and_the_derived_total_the_reader_saw_change_by_display_name()
    {
        var before = Report();
        var after = before.Clone();
        after.Cells["s3.received.natural"] = 50;

        var changes = RevisionChanges.Between(before, after, 2, new DateOnly(2022, 3, 4), "  数据有误 ");

        var natural = after.Definition.Cell("s3.received.natural");
        var total = after.Definition.Cell("s3.received.total");
        Assert.Equal(
            [new CellChange(natural.Code, natural.DisplayName, "47", "50"), new CellChange(total.Code, total.DisplayName, "48", "51")],
            changes.Cells);
        Assert.Equal("数据有误", changes.Reason);
        Assert.Equal(2, changes.Revision);
        Assert.Empty(changes.ChangedSections);
    }

    [Fact]
    public void A_value_cleared_or_newly_written_reads_as_blank_on_its_empty_side()
    {
        var before = Report();
        var after = before.Clone();
        after.Cells.Remove("s3.received.commercial");
        after.Cells["s3.received.total"] = 47;       // written now, equal to what was derived before: 48 → 47
        after.Cells["s3.carried_in.natural"] = 0;    // blank → 0 is a change a reader sees

        var changes = RevisionChanges.Between(before, after, 2, new DateOnly(2022, 3, 4), "更正");

        Assert.Contains(changes.Cells, c => c.Code == "s3.received.commercial" && c.Old == "1" && c.New is null);
        Assert.Contains(changes.Cells, c => c.Code == "s3.received.total" && c.Old == "48" && c.New == "47");
        Assert.Contains(changes.Cells, c => c.Code == "s3.carried_in.natural" && c.Old is null && c.New == "0");
    }

    [Fact]
    public void Only_sections_whose_words_changed_are_named_by_their_heading()
    {
        var before = Report();
        var after = before.Clone();
        after.Sections[SectionKeys.Overview] = "本年度工作情况。\r\n";    // line endings only
        after.Sections[SectionKeys.Other] = "无。";

        var changes = RevisionChanges.Between(before, after, 3, new DateOnly(2022, 3, 4), "补充");

        Assert.Equal([after.Definition.Sections.Single(s => s.Key == SectionKeys.Other).Heading], changes.ChangedSections);
        Assert.Empty(changes.Cells);
    }
}
