using GovDisclosure.Application.Approval;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Application.Tests.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using static GovDisclosure.Application.Tests.Reports.ReportWorld;
using static GovDisclosure.Tests.Shared.CompleteReport;

namespace GovDisclosure.Application.Tests.Approval;

/// <summary>
/// The region (区人民政府) sets a two-level chain for its departments: the department's own 审核人, then the
/// government office's. These tests walk 甲局's report through it as the two reviewers and the filler would.
/// </summary>
public sealed class ApprovalChainTests : IAsyncLifetime
{
    private static readonly IReadOnlyList<ApprovalLevel> TwoLevels =
        [new("本机关审核", ApprovalScope.OwnAgency), new("政府办审核", ApprovalScope.Above)];

    private ReportWorld world = null!;
    private UserScope regionAdmin = null!;
    private UserScope bureauReviewer = null!;

    public async Task InitializeAsync()
    {
        world = await ReportWorld.CreateAsync("gd_approval");
        regionAdmin = new UserScope("u-adm", "区管理员", world.Government.Id, world.Government.Path, IsFiller: false, IsReviewer: false, IsAdmin: true);
        bureauReviewer = new UserScope("u-rva", "甲局审核人", world.BureauA.Id, world.BureauA.Path, IsFiller: false, IsReviewer: true, IsAdmin: false);
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    private async Task SetChainAsync(IReadOnlyList<ApprovalLevel> levels)
    {
        await using var db = world.Db();
        var result = await new ApprovalChains(db, world.Clock).SetAsync(regionAdmin, AgencyKind.Department, levels);
        Assert.True(result.IsOk, result.Message);
    }

    private async Task<IReadOnlyList<ApprovalQueueRow>> QueueAsync(UserScope reviewer)
    {
        await using var db = world.Db();
        return await new ApprovalChains(db, world.Clock).QueueAsync(reviewer);
    }

    private async Task<int> SubmittedAsync()
    {
        var id = Ok(await world.StartAsync(world.FillerA, 2021)).ReportId!.Value;
        await world.SaveExplainedAsync(world.FillerA, id, Balanced(2021));
        Ok(await world.SubmitAsync(world.FillerA, id, await world.VersionAsync(id)));
        return id;
    }

    [Fact]
    public async Task A_departments_report_is_not_publishable_after_the_first_approval_alone()
    {
        await SetChainAsync(TwoLevels);
        var id = await SubmittedAsync();
        Assert.Equal("待本机关审核", (await world.LoadAsync(id)).ApprovalStatus);

        // The government office cannot jump the department's own level.
        var early = await world.ApproveAsync(world.Reviewer, id, await world.VersionAsync(id));
        Assert.Equal(UseCaseStatus.Refused, early.Status);
        Assert.Contains("本机关审核人", early.Message);

        Ok(await world.ApproveAsync(bureauReviewer, id, await world.VersionAsync(id)));
        var afterFirst = await world.LoadAsync(id);
        Assert.Equal((ReportState.Submitted, "待政府办审核"), (afterFirst.State, afterFirst.ApprovalStatus));
        var publish = await world.PublishAsync(world.Reviewer, id, afterFirst.RowVersion);
        Assert.Equal(UseCaseStatus.Refused, publish.Status);

        // It now sits in the government office's queue, and no longer in the department's.
        Assert.Contains(await QueueAsync(world.Reviewer), r => r.ReportId == id && r.Status == "待政府办审核");
        Assert.DoesNotContain(await QueueAsync(bureauReviewer), r => r.ReportId == id);

        Ok(await world.ApproveAsync(world.Reviewer, id, await world.VersionAsync(id)));
        var approved = await world.LoadAsync(id);
        Assert.Equal((ReportState.Approved, "已通过"), (approved.State, approved.ApprovalStatus));

        // Approved at every level: locked against editing until a correction is opened.
        var edit = await world.SaveAsync(world.FillerA, new SaveReportInput(id, approved.RowVersion, Balanced(2021, received: 9), null, null));
        Assert.Equal(UseCaseStatus.Refused, edit.Status);
        Ok(await world.PublishAsync(world.Reviewer, id, await world.VersionAsync(id)));
    }

    [Fact]
    public async Task A_return_at_the_second_level_reaches_the_filler_with_the_comment_and_resubmission_starts_again_at_the_first()
    {
        await SetChainAsync(TwoLevels);
        var id = await SubmittedAsync();
        Ok(await world.ApproveAsync(bureauReviewer, id, await world.VersionAsync(id)));

        Ok(await world.ReturnAsync(world.Reviewer, id, await world.VersionAsync(id), "依申请公开办理结果与收到申请数不符，请核实"));
        var returned = await world.LoadAsync(id);
        Assert.Equal(ReportState.Returned, returned.State);

        // The filler reads the comment among the report's review notes.
        await using (var db = world.Db())
        {
            var notes = await new ReportQueries(db).NotesAsync(world.FillerA, id, returned.Revision);
            Assert.Contains(notes, n => n.Text == "依申请公开办理结果与收到申请数不符，请核实" && n.AuthorName == world.Reviewer.UserName);
        }

        Ok(await world.SubmitAsync(world.FillerA, id, returned.RowVersion));
        Assert.Equal("待本机关审核", (await world.LoadAsync(id)).ApprovalStatus);
    }

    [Fact]
    public async Task A_report_submitted_before_the_chain_changed_follows_its_old_chain()
    {
        var before = await SubmittedAsync();
        await SetChainAsync(TwoLevels);

        // Submitted under the default single level: the region's reviewer approves it, and it is publishable.
        Assert.Equal("待审核", (await world.LoadAsync(before)).ApprovalStatus);
        Ok(await world.ApproveAsync(world.Reviewer, before, await world.VersionAsync(before)));
        Assert.Equal(ReportState.Approved, (await world.LoadAsync(before)).State);

        // 乙局 submits after the change and follows the two levels.
        var after = Ok(await world.StartAsync(world.FillerB, 2021)).ReportId!.Value;
        await world.SaveExplainedAsync(world.FillerB, after, Balanced(2021));
        Ok(await world.SubmitAsync(world.FillerB, after, await world.VersionAsync(after)));
        Assert.Equal("待本机关审核", (await world.LoadAsync(after)).ApprovalStatus);
        Assert.Contains(await QueueAsync(world.ReviewerB), r => r.ReportId == after);
        Assert.DoesNotContain(await QueueAsync(world.Reviewer), r => r.ReportId == after);
    }

    [Fact]
    public async Task A_chain_with_a_blank_level_name_is_refused_with_the_level_named()
    {
        await using var db = world.Db();
        var result = await new ApprovalChains(db, world.Clock).SetAsync(regionAdmin, AgencyKind.Department, [new("本机关审核", ApprovalScope.OwnAgency), new(" ", ApprovalScope.Above)]);
        Assert.Equal(UseCaseStatus.Refused, result.Status);
        Assert.Contains("第2级", result.Message);
        Assert.False(await db.ApprovalChains.AnyAsync());
    }
}
