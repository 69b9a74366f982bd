using Microsoft.Extensions.Time.Testing;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using static GovDisclosure.Application.Tests.Reports.ReportWorld;
using static GovDisclosure.Tests.Shared.CompleteReport;

namespace GovDisclosure.Application.Tests.Reports;

public sealed class LifecycleTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync("gd_lifecycle");

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task A_report_passes_every_legal_transition_from_draft_to_a_published_correction()
    {
        var id = Ok(await world.StartAsync(world.FillerA, 2021)).ReportId!.Value;
        Assert.Equal(ReportState.Draft, (await world.LoadAsync(id)).State);

        await world.SaveExplainedAsync(world.FillerA, id, Balanced(2021));
        Ok(await world.SubmitAsync(world.FillerA, id, await world.VersionAsync(id)));
        Assert.Equal(ReportState.Submitted, (await world.LoadAsync(id)).State);

        Ok(await world.WithdrawAsync(world.FillerA, id, await world.VersionAsync(id)));
        Assert.Equal(ReportState.Draft, (await world.LoadAsync(id)).State);

        Ok(await world.SubmitAsync(world.FillerA, id, await world.VersionAsync(id)));
        Ok(await world.ReturnAsync(world.Reviewer, id, await world.VersionAsync(id)));
        Assert.Equal(ReportState.Returned, (await world.LoadAsync(id)).State);

        // A returned report is edited and submitted again.
        await world.SaveExplainedAsync(world.FillerA, id, Balanced(2021, received: 7));
        Ok(await world.SubmitAsync(world.FillerA, id, await world.VersionAsync(id)));
        Ok(await world.ApproveAsync(world.Reviewer, id, await world.VersionAsync(id)));
        Assert.Equal(ReportState.Approved, (await world.LoadAsync(id)).State);

        // An approved, unpublished revision can still be sent back.
        Ok(await world.ReturnAsync(world.Reviewer, id, await world.VersionAsync(id), "发布前发现标题有误"));
        Ok(await world.SubmitAsync(world.FillerA, id, await world.VersionAsync(id)));
        Ok(await world.ApproveAsync(world.Reviewer, id, await world.VersionAsync(id)));
        Ok(await world.PublishAsync(world.Reviewer, id, await world.VersionAsync(id)));
        var published = await world.LoadAsync(id);
        Assert.Equal((ReportState.Published, 1, (int?)1), (published.State, published.Revision, published.PublishedRevision));

        Ok(await world.CorrectAsync(world.FillerA, id, published.RowVersion));
        var correcting = await world.LoadAsync(id);
        Assert.Equal((ReportState.Draft, 2, (int?)1), (correcting.State, correcting.Revision, correcting.PublishedRevision));

        await world.SaveExplainedAsync(world.FillerA, id, Balanced(2021, received: 8));
        Ok(await world.SubmitAsync(world.FillerA, id, await world.VersionAsync(id)));
        Ok(await world.ApproveAsync(world.Reviewer, id, await world.VersionAsync(id)));
        Ok(await world.PublishAsync(world.Reviewer, id, await world.VersionAsync(id)));
        var corrected = await world.LoadAsync(id);
        Assert.Equal((ReportState.Published, 2, (int?)2), (corrected.State, corrected.Revision, corrected.PublishedRevision));

        await using var db = world.Db();
        var publications = await db.Publications.AsNoTracking().Where(p => p.ReportId == id).OrderBy(p => p.Revision).ToListAsync();
        Assert.Equal([1, 2], publications.Select(p => p.Revision));
        Assert.Equal("第三部分自然人列数据有误", publications[1].CorrectionReason);
        Assert.Contains(publications[0].Cells, c => c.Code == "s3.received.natural" && c.Value == 7);
        Assert.Contains(publications[1].Cells, c => c.Code == "s3.received.natural" && c.Value == 8);
    }

    public static TheoryData<ReportState, string, string> IllegalTransitions => new()
    {
        { ReportState.Draft, "withdraw", "不能撤回" },
        { ReportState.Draft, "return", "不能退回" },
        { ReportState.Draft, "approve", "不能审核通过" },
        { ReportState.Draft, "publish", "不能发布" },
        { ReportState.Draft, "correct", "不能发起更正" },
        { ReportState.Submitted, "save", "不能修改" },
        { ReportState.Submitted, "submit", "不能提交" },
        { ReportState.Submitted, "publish", "不能发布" },
        { ReportState.Submitted, "correct", "不能发起更正" },
        { ReportState.Returned, "withdraw", "不能撤回" },
        { ReportState.Returned, "return", "不能退回" },
        { ReportState.Returned, "approve", "不能审核通过" },
        { ReportState.Returned, "publish", "不能发布" },
        { ReportState.Returned, "correct", "不能发起更正" },
        { ReportState.Approved, "save", "不能修改" },
        { ReportState.Approved, "submit", "不能提交" },
        { ReportState.Approved, "withdraw", "不能撤回" },
        { ReportState.Approved, "approve", "不能审核通过" },
        { ReportState.Approved, "correct", "不能发起更正" },
        { ReportState.Published, "save", "不能修改" },
        { ReportState.Published, "submit", "不能提交" },
        { ReportState.Published, "withdraw", "不能撤回" },
        { ReportState.Published, "return", "不能退回" },
        { ReportState.Published, "approve", "不能审核通过" },
        { ReportState.Published, "publish", "不能发布" },
    };

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public async Task An_illegal_transition_is_refused_with_a_message_and_changes_nothing(ReportState state, string action, string message)
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2022, state);
        var before = await world.LoadAsync(id);
        var auditBefore = (await world.AuditAsync(id)).Count;

        var result = await Act(action, id, before.RowVersion);

        Assert.Equal(UseCaseStatus.Refused, result.Status);
        Assert.Contains(message, result.Message);
        Assert.Contains($"“{state.DisplayName()}”", result.Message);
        var after = await world.LoadAsync(id);
        Assert.Equal((before.State, before.Revision, before.RowVersion), (after.State, after.Revision, after.RowVersion));
        Assert.Equal(auditBefore, (await world.AuditAsync(id)).Count);
    }

    [Fact]
    public async Task The_submitter_cannot_approve_their_own_submission()
    {
        var both = new UserScope("u-both", "兼任填报审核", world.Government.Id, world.Government.Path, IsFiller: true, IsReviewer: true, IsAdmin: false);
        var id = Ok(await world.StartAsync(both, 2022)).ReportId!.Value;
        await world.SaveExplainedAsync(both, id, Balanced(2022));
        Ok(await world.SubmitAsync(both, id, await world.VersionAsync(id)));

        var result = await world.ApproveAsync(both, id, await world.VersionAsync(id));

        Assert.Equal(UseCaseStatus.Refused, result.Status);
        Assert.Equal("提交人不能审核通过自己提交的报告。", result.Message);
        Assert.Equal(ReportState.Submitted, (await world.LoadAsync(id)).State);
    }

    [Fact]
    public async Task A_report_cannot_be_started_twice_for_a_closed_year_or_by_a_reviewer()
    {
        Ok(await world.StartAsync(world.FillerA, 2023));
        var twice = await world.StartAsync(world.FillerA2, 2023);
        Assert.Equal(UseCaseStatus.Refused, twice.Status);
        Assert.Contains("已存在", twice.Message);

        await using (var db = world.Db())
        {
            (await db.ReportingYears.SingleAsync(y => y.Year == 2024)).SetOpen(false);
            await db.SaveChangesAsync();
        }

        Assert.Contains("尚未开放", (await world.StartAsync(world.FillerA, 2024)).Message);
        Assert.Contains("尚未开放", (await world.StartAsync(world.FillerA, 2030)).Message);
        Assert.Contains("只有填报人", (await world.StartAsync(world.Reviewer, 2023)).Message);
    }

    [Fact]
    public async Task Every_action_is_audited_with_who_and_when_and_cell_changes_with_old_and_new_value()
    {
        world.Clock.AdjustTime(new DateTimeOffset(2022, 1, 5, 10, 0, 0, TimeSpan.FromHours(8)));
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Draft);
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.SaveExplainedAsync(world.FillerA, id, Balanced(2021));
        var edited = Balanced(2021, received: 9);
        Ok(await world.SaveAsync(world.FillerA2, new SaveReportInput(id, await world.VersionAsync(id), edited, (await world.LoadAsync(id)).Explanations)));
        Ok(await world.SubmitAsync(world.FillerA2, id, await world.VersionAsync(id)));
        Ok(await world.CommentAsync(world.Reviewer, id, "自然人列请再核对"));
        Ok(await world.ReturnAsync(world.Reviewer, id, await world.VersionAsync(id), "请核对"));
        Ok(await world.SubmitAsync(world.FillerA, id, await world.VersionAsync(id)));
        Ok(await world.WithdrawAsync(world.FillerA, id, await world.VersionAsync(id)));
        Ok(await world.SubmitAsync(world.FillerA, id, await world.VersionAsync(id)));
        Ok(await world.ApproveAsync(world.Reviewer, id, await world.VersionAsync(id)));
        Ok(await world.PublishAsync(world.Reviewer, id, await world.VersionAsync(id)));
        Ok(await world.CorrectAsync(world.FillerA, id, await world.VersionAsync(id)));

        var trail = await world.AuditAsync(id);
        var actions = trail.Select(a => a.Action).ToList();
        foreach (var expected in new[]
        {
            AuditActions.Created, AuditActions.CellChanged, AuditActions.TextChanged, AuditActions.Submitted, AuditActions.Commented,
            AuditActions.Returned, AuditActions.Withdrawn, AuditActions.Approved, AuditActions.Published, AuditActions.CorrectionOpened,
        })
        {
            Assert.Contains(expected, actions);
        }

        Assert.Equal(AuditActions.Created, actions[0]);
        Assert.Equal(AuditActions.CorrectionOpened, actions[^1]);
        Assert.All(trail, a => Assert.Equal(world.BureauA.Id, a.AgencyId));
        Assert.Equal(("u-fa", "甲局填报人", new DateTimeOffset(2022, 1, 5, 2, 0, 0, TimeSpan.Zero)), (trail[0].UserId, trail[0].UserName, trail[0].At));

        var change = Assert.Single(trail, a => a.Action == AuditActions.CellChanged && a.UserId == "u-fa2" && a.CellCode == "s3.received.natural");
        Assert.Equal(("5", "9"), (change.OldValue, change.NewValue));
        Assert.Equal("甲局填报人二", change.UserName);
        Assert.Contains("5 → 9", change.Detail);

        var approval = Assert.Single(trail, a => a.Action == AuditActions.Approved);
        Assert.Equal("u-rv", approval.UserId);
        Assert.Contains("审核意见", Assert.Single(trail, a => a.Action == AuditActions.Commented).Detail);
    }

    private Task<UseCaseResult> Act(string action, int id, uint version) => action switch
    {
        "save" => world.SaveAsync(world.FillerA, new SaveReportInput(id, version, Balanced(2022, received: 6))),
        "submit" => world.SubmitAsync(world.FillerA, id, version),
        "withdraw" => world.WithdrawAsync(world.FillerA, id, version),
        "return" => world.ReturnAsync(world.Reviewer, id, version),
        "approve" => world.ApproveAsync(world.Reviewer, id, version),
        "publish" => world.PublishAsync(world.Reviewer, id, version),
        "correct" => world.CorrectAsync(world.FillerA, id, version),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
