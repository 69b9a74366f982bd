using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using static GovDisclosure.Application.Tests.Reports.ReportWorld;
using static GovDisclosure.Tests.Shared.CompleteReport;

namespace GovDisclosure.Application.Tests.Reports;

public sealed class ScopeTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync("gd_scope");

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Another_agencys_filler_cannot_load_list_change_or_submit_a_report_by_any_route()
    {
        var draft = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Draft);
        var submitted = await world.ReportInStateAsync(world.FillerA, 2022, ReportState.Submitted);
        var published = await world.ReportInStateAsync(world.FillerA, 2023, ReportState.Published);
        var intruder = world.FillerB;

        await using (var db = world.Db())
        {
            // Every access the pages read with: the editor and dashboard (Edit), the review pages (Review), lists (View).
            var queries = new ReportQueries(db);
            foreach (var access in Enum.GetValues<ReportAccess>())
            {
                Assert.Empty(await queries.ListAsync(intruder, access: access));
                foreach (var id in new[] { draft, submitted, published })
                {
                    Assert.Null(await queries.GetAsync(intruder, id, access));
                }
            }

            foreach (var id in new[] { draft, submitted, published })
            {
                Assert.Empty(await queries.AuditTrailAsync(intruder, id));
                Assert.Empty(await queries.CommentsAsync(intruder, id));
                Assert.Empty(await queries.NotesAsync(intruder, id, revision: 1));
                Assert.Null(await queries.PreviousYearAsync(intruder, id));
            }
        }

        foreach (var id in new[] { draft, submitted, published })
        {
            var before = await world.LoadAsync(id);
            var v = before.RowVersion;
            var attempts = new[]
            {
                await world.SaveAsync(intruder, new SaveReportInput(id, v, Balanced(before.Year, received: 99))),
                await world.SubmitAsync(intruder, id, v),
                await world.WithdrawAsync(intruder, id, v),
                await world.CorrectAsync(intruder, id, v),
                await world.ReturnAsync(intruder, id, v),
                await world.ApproveAsync(intruder, id, v),
                await world.PublishAsync(intruder, id, v),
                await world.CommentAsync(intruder, id),
            };

            Assert.All(attempts, r => Assert.Equal((UseCaseStatus.NotFound, UseCaseResult.NotFoundMessage), (r.Status, r.Message)));
            var after = await world.LoadAsync(id);
            Assert.Equal((before.State, before.RowVersion), (after.State, after.RowVersion));
            Assert.DoesNotContain(await world.AuditAsync(id), a => a.UserId == intruder.UserId);
        }

        // Ids that do not exist get the same answer as ids that are not yours.
        Assert.Equal(UseCaseStatus.NotFound, (await world.SubmitAsync(intruder, 987654, 1)).Status);
    }

    [Fact]
    public async Task A_reviewer_reaches_only_their_own_subtree_and_a_filler_cannot_review()
    {
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Submitted);
        var v = await world.VersionAsync(id);

        Assert.Equal(UseCaseStatus.NotFound, (await world.ApproveAsync(world.ReviewerB, id, v)).Status);
        Assert.Equal(UseCaseStatus.NotFound, (await world.ReturnAsync(world.ReviewerB, id, v)).Status);
        Assert.Equal(UseCaseStatus.NotFound, (await world.ApproveAsync(world.FillerA2, id, v)).Status);
        Assert.Equal(UseCaseStatus.NotFound, (await world.SaveAsync(world.Reviewer, new SaveReportInput(id, v, Balanced(2021)))).Status);

        await using var db = world.Db();
        var queries = new ReportQueries(db);
        Assert.Empty(await queries.ListAsync(world.ReviewerB));
        Assert.Empty(await queries.ListAsync(world.ReviewerB, access: ReportAccess.Review));
        Assert.Null(await queries.GetAsync(world.ReviewerB, id, ReportAccess.Review));
        Assert.Equal([id], (await queries.ListAsync(world.Reviewer, access: ReportAccess.Review)).Select(r => r.Id));
        Assert.NotNull(await queries.GetAsync(world.Reviewer, id, ReportAccess.Review));
        Assert.Empty(await queries.ListAsync(world.FillerA2, access: ReportAccess.Review));
        Assert.Null(await queries.GetAsync(world.Reviewer, id, ReportAccess.Edit));
        Assert.Equal([id], (await queries.ListAsync(world.FillerA2, access: ReportAccess.Edit)).Select(r => r.Id));
        Ok(await world.ApproveAsync(world.Reviewer, id, v));
    }

    [Fact]
    public async Task A_filler_starts_reports_only_for_their_own_agency()
    {
        var id = Ok(await world.StartAsync(world.FillerB, 2021)).ReportId!.Value;

        var report = await world.LoadAsync(id);

        Assert.Equal(world.BureauB.Id, report.AgencyId);
        Assert.Equal("新华区乙局2021年政府信息公开工作年度报告", report.Title);
    }

    [Fact]
    public async Task A_scope_that_is_forged_for_another_agency_path_still_reaches_only_its_agency_id()
    {
        // A filler's reach is the agency id alone: a path pointing elsewhere widens nothing.
        var id = await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Draft);
        var forged = world.FillerB with { AgencyPath = world.Government.Path };

        await using var db = world.Db();
        Assert.Null(await new ReportQueries(db).GetAsync(forged, id));
        Assert.Equal(UseCaseStatus.NotFound, (await world.SubmitAsync(forged, id, await world.VersionAsync(id))).Status);
    }
}
