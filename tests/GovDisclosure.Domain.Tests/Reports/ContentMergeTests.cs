using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;

namespace GovDisclosure.Domain.Tests.Reports;

public sealed class ContentMergeTests
{
    private static readonly ContentField Overview = new(ContentFieldKind.Section, SectionKeys.Overview);
    private static readonly ContentField Problems = new(ContentFieldKind.Section, SectionKeys.Problems);
    private static readonly ContentField Received = new(ContentFieldKind.Cell, "s3.received.natural");

    private static ReportContent Start()
    {
        var report = new ReportDocument(TemplateVersion.T2021, 2024, "甲局", "甲局2024年政府信息公开工作年度报告");
        report.Sections[SectionKeys.Overview] = "原来的总体情况。";
        report.Cells["s3.received.natural"] = 5;
        return new ReportContent(report, new Dictionary<string, string>(StringComparer.Ordinal) { ["W_X"] = "原说明" });
    }

    private static ReportContent Edit(ReportContent content, Action<ReportDocument> change, string? explanation = null)
    {
        var copy = content.Document.Clone();
        change(copy);
        var notes = new Dictionary<string, string>(content.Explanations, StringComparer.Ordinal);
        if (explanation is not null)
        {
            notes["W_X"] = explanation;
        }

        return new ReportContent(copy, notes);
    }

    [Fact]
    public void Different_sections_changed_by_two_people_both_survive()
    {
        var start = Start();
        var theirs = Edit(start, d => d.Sections[SectionKeys.Overview] = "甲写的总体情况。");
        var mine = Edit(start, d => d.Sections[SectionKeys.Problems] = "乙写的问题。");

        var merge = ContentMerge.Of(start, theirs, mine);

        Assert.False(merge.HasConflicts);
        Assert.Equal("甲写的总体情况。", merge.Result.Document.Sections[SectionKeys.Overview]);
        Assert.Equal("乙写的问题。", merge.Result.Document.Sections[SectionKeys.Problems]);
        Assert.Equal([Overview], merge.TakenFromTheirs.Select(f => f.Field));
        Assert.Equal([Problems], merge.KeptMine.Select(f => f.Field));
    }

    [Fact]
    public void The_same_section_changed_by_both_is_a_conflict_holding_both_texts()
    {
        var start = Start();
        var theirs = Edit(start, d => d.Sections[SectionKeys.Overview] = "甲的版本。");
        var mine = Edit(start, d => d.Sections[SectionKeys.Overview] = "乙的版本。");

        var merge = ContentMerge.Of(start, theirs, mine);

        var conflict = Assert.Single(merge.Conflicts);
        Assert.Equal(new MergedField(Overview, "原来的总体情况。", "甲的版本。", "乙的版本。"), conflict);
        Assert.Equal("乙的版本。", merge.Result.Document.Sections[SectionKeys.Overview]);
    }

    [Fact]
    public void A_cell_cleared_by_the_other_person_is_cleared_and_one_typed_by_me_is_kept()
    {
        var start = Start();
        var theirs = Edit(start, d => d.Cells.Remove("s3.received.natural"));
        var mine = Edit(start, d => d.Cells["s3.granted.natural"] = 3);

        var merge = ContentMerge.Of(start, theirs, mine);

        Assert.Null(merge.Result.Document.Cells.Get("s3.received.natural"));
        Assert.Equal(3m, merge.Result.Document.Cells.Get("s3.granted.natural"));
        Assert.Equal(new MergedField(Received, "5", null, "5"), Assert.Single(merge.TakenFromTheirs));
    }

    [Fact]
    public void The_same_change_made_by_both_is_no_conflict()
    {
        var start = Start();
        var theirs = Edit(start, d => d.Cells["s3.received.natural"] = 8);
        var mine = Edit(start, d => d.Cells["s3.received.natural"] = 8.0m);

        var merge = ContentMerge.Of(start, theirs, mine);

        Assert.False(merge.HasConflicts);
        Assert.Equal(8m, merge.Result.Document.Cells.Get("s3.received.natural"));
    }

    [Fact]
    public void Title_and_explanation_are_merged_like_the_other_fields()
    {
        var start = Start();
        var theirs = Edit(start, d => d.Title = "甲改的标题", explanation: "甲的说明");
        var mine = Edit(start, _ => { }, explanation: "乙的说明");

        var merge = ContentMerge.Of(start, theirs, mine);

        Assert.Equal("甲改的标题", merge.Result.Document.Title);
        var conflict = Assert.Single(merge.Conflicts);
        Assert.Equal(ContentFieldKind.Explanation, conflict.Field.Kind);
        Assert.Equal(("甲的说明", "乙的说明"), (conflict.Theirs, conflict.Mine));
        Assert.Equal("警告说明", conflict.Field.DisplayName(start.Document.Definition));
    }

    [Fact]
    public void Line_endings_and_trailing_spaces_are_not_a_change()
    {
        var start = Start();
        var theirs = Edit(start, d => d.Sections[SectionKeys.Overview] = "甲改过。");
        var mine = Edit(start, d => d.Sections[SectionKeys.Overview] = "原来的总体情况。  \r\n");

        var merge = ContentMerge.Of(start, theirs, mine);

        Assert.False(merge.HasConflicts);
        Assert.Equal("甲改过。", merge.Result.Document.Sections[SectionKeys.Overview]);
    }

    [Fact]
    public void Changes_list_the_title_a_section_and_a_cell_old_to_new_but_not_a_blank_title()
    {
        var before = Start();
        var after = Edit(before, d =>
        {
            d.Title = "导入的标题";
            d.Sections.Remove(SectionKeys.Overview);
            d.Cells["s3.received.natural"] = 7;
        });

        var changes = ContentMerge.Changes(before, after);

        Assert.Equal(
            [
                new FieldChange(ContentField.Title, "甲局2024年政府信息公开工作年度报告", "导入的标题"),
                new FieldChange(Overview, "原来的总体情况。", null),
                new FieldChange(Received, "5", "7"),
            ],
            changes);
        Assert.Empty(ContentMerge.Changes(before, Edit(before, d => d.Title = string.Empty)));
    }
}
