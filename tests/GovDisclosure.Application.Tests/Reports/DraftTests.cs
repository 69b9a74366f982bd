using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using static GovDisclosure.Application.Tests.Reports.ReportWorld;
using static GovDisclosure.Tests.Shared.CompleteReport;

namespace GovDisclosure.Application.Tests.Reports;

public sealed class DraftTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync("gd_drafts");

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task A_refused_save_keeps_the_typing_as_the_users_draft_and_the_report_unchanged()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Draft);
        var version = await world.VersionAsync(id);
        var unbalanced = Balanced(2021, received: 6);
        unbalanced.Cells["s3.received.natural"] = 9;
        var typed = new Dictionary<string, string> { ["cell:s3.received.natural"] = "9" };

        var refused = await world.SaveAsync(world.FillerA, new SaveReportInput(id, version, unbalanced, DraftFields: typed));

        Assert.Equal(UseCaseStatus.Rejected, refused.Status);
        Assert.True(refused.DraftKept);
        Assert.Equal(version, await world.VersionAsync(id));
        await using var db = world.Db();
        var draft = await db.ReportDrafts.AsNoTracking().SingleAsync(d => d.ReportId == id);
        Assert.Equal(world.FillerA.UserId, draft.UserId);
        Assert.Equal("9", draft.Fields["cell:s3.received.natural"]);
    }

    [Fact]
    public async Task A_successful_save_ends_the_draft()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Draft);
        var version = await world.VersionAsync(id);
        var unbalanced = Balanced(2021, received: 6);
        unbalanced.Cells["s3.received.natural"] = 9;
        await world.SaveAsync(world.FillerA, new SaveReportInput(id, version, unbalanced, DraftFields: new Dictionary<string, string> { ["cell:s3.received.natural"] = "9" }));

        Ok(await world.SaveAsync(world.FillerA, new SaveReportInput(id, version, Balanced(2021, received: 9))));

        await using var db = world.Db();
        Assert.False(await db.ReportDrafts.AnyAsync(d => d.ReportId == id));
    }
}
