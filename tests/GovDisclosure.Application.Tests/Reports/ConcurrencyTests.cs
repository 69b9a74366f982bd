using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using static GovDisclosure.Application.Tests.Reports.ReportWorld;
using static GovDisclosure.Tests.Shared.CompleteReport;

namespace GovDisclosure.Application.Tests.Reports;

public sealed class ConcurrencyTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync("gd_concurrency");

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Of_two_concurrent_edits_the_second_gets_a_conflict_and_keeps_its_input()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Draft);
        var loadedByBoth = await world.VersionAsync(id);
        var first = Balanced(2021, received: 6);
        var second = Balanced(2021, received: 9);
        second.Sections["overview"] = "第二位填报人写的总体情况";

        Ok(await world.SaveAsync(world.FillerA, new SaveReportInput(id, loadedByBoth, first)));
        var conflict = await world.SaveAsync(world.FillerA2, new SaveReportInput(id, loadedByBoth, second));

        Assert.Equal(UseCaseStatus.Conflict, conflict.Status);
        Assert.Equal("该报告已被他人修改，请刷新后重试。您刚才填写的内容未保存，仍保留在本页，刷新前请先复制留存。", conflict.Message);
        var stored = await world.LoadAsync(id);
        Assert.Equal(6m, stored.Cells["s3.received.natural"]);
        Assert.DoesNotContain(await world.AuditAsync(id), a => a.UserId == "u-fa2");

        // The caller still holds everything the second filler typed; after a refresh it saves as is.
        Assert.Equal(9m, second.Cells["s3.received.natural"]);
        Assert.Equal("第二位填报人写的总体情况", second.Sections["overview"]);
        Ok(await world.SaveAsync(world.FillerA2, new SaveReportInput(id, stored.RowVersion, second)));
        Assert.Equal(9m, (await world.LoadAsync(id)).Cells["s3.received.natural"]);
    }

    [Fact]
    public async Task A_save_that_carries_its_start_merges_with_the_save_made_since()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Draft);
        var loadedByBoth = await world.VersionAsync(id);
        var start = new ReportContent((await world.LoadAsync(id)).ToDocument("甲局"), new Dictionary<string, string>());
        var first = start.Document.Clone();
        first.Sections["overview"] = "第一位写的总体情况";
        var second = start.Document.Clone();
        second.Sections["problems"] = "第二位写的问题";

        Ok(await world.SaveAsync(world.FillerA, new SaveReportInput(id, loadedByBoth, first, Start: start)));
        var merged = await world.SaveAsync(world.FillerA2, new SaveReportInput(id, loadedByBoth, second, Start: start));

        Ok(merged);
        Assert.Contains("已合并他人在您编辑期间保存的1项修改", merged.Message);
        var stored = await world.LoadAsync(id);
        Assert.Equal("第一位写的总体情况", stored.Sections["overview"]);
        Assert.Equal("第二位写的问题", stored.Sections["problems"]);
        Assert.Contains(await world.AuditAsync(id), a => a.UserId == "u-fa2" && a.NewValue == "第二位写的问题");
        Assert.DoesNotContain(await world.AuditAsync(id), a => a.UserId == "u-fa2" && a.NewValue == "第一位写的总体情况");
    }

    [Fact]
    public async Task A_field_both_changed_is_not_saved_but_answered_with_both_versions()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Draft);
        var loadedByBoth = await world.VersionAsync(id);
        var start = new ReportContent((await world.LoadAsync(id)).ToDocument("甲局"), new Dictionary<string, string>());
        var first = start.Document.Clone();
        first.Sections["overview"] = "第一位的版本";
        var second = start.Document.Clone();
        second.Sections["overview"] = "第二位的版本";

        Ok(await world.SaveAsync(world.FillerA, new SaveReportInput(id, loadedByBoth, first, Start: start)));
        var conflict = await world.SaveAsync(world.FillerA2, new SaveReportInput(id, loadedByBoth, second, Start: start));

        Assert.Equal(UseCaseStatus.Conflict, conflict.Status);
        var field = Assert.Single(conflict.Merge!.Conflicts);
        Assert.Equal(("第一位的版本", "第二位的版本"), (field.Theirs, field.Mine));
        Assert.Equal("第一位的版本", (await world.LoadAsync(id)).Sections["overview"]);
    }

    [Fact]
    public async Task A_transition_on_a_stale_row_version_is_a_conflict()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Submitted);
        var stale = await world.VersionAsync(id);
        Ok(await world.WithdrawAsync(world.FillerA, id, stale));
        await world.SaveExplainedAsync(world.FillerA, id, Balanced(2021, received: 7));
        Ok(await world.SubmitAsync(world.FillerA, id, await world.VersionAsync(id)));

        // The reviewer's page was opened on the first submission.
        var result = await world.ApproveAsync(world.Reviewer, id, stale);

        Assert.Equal(UseCaseStatus.Conflict, result.Status);
        Assert.Equal(ReportState.Submitted, (await world.LoadAsync(id)).State);
    }

    [Fact]
    public async Task Two_contexts_saving_the_same_loaded_row_cannot_both_win()
    {
        // The race the early version check cannot see: both loaded the same xmin and both save.
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Submitted);
        await using var first = world.Db();
        await using var second = world.Db();
        var a = await first.Reports.SingleAsync(r => r.Id == id);
        var b = await second.Reports.SingleAsync(r => r.Id == id);
        a.Withdraw(world.FillerA.Actor, world.Clock.GetUtcNow());
        b.Withdraw(world.FillerA2.Actor, world.Clock.GetUtcNow());

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Single(await world.AuditAsync(id), e => e.Action == AuditActions.Withdrawn);
    }
}
