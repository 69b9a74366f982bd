using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Tests.Reports;

public sealed class ParallelPublishTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync("gd_parallel_publish");

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Four_parallel_publishes_give_one_publication_and_three_plain_conflict_messages()
    {
        for (var round = 0; round < 3; round++)
        {
            var id = await world.ReportInStateAsync(world.FillerA, 2021 + round, ReportState.Approved);
            var version = await world.VersionAsync(id);
            using var start = new ManualResetEventSlim();

            // Four reviewers' clicks on four connections, released together so that they overlap in the database.
            var clicks = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await world.PublishAsync(world.Reviewer, id, version);
            })).ToList();
            start.Set();
            var results = await Task.WhenAll(clicks);

            Assert.Single(results, r => r.IsOk);
            var lost = results.Where(r => !r.IsOk).ToList();
            Assert.Equal(3, lost.Count);
            Assert.All(lost, r => Assert.Equal((UseCaseStatus.Conflict, PublishReport.AlreadyPublishedMessage(1)), (r.Status, r.Message)));
            Assert.StartsWith("该报告刚刚已被发布", lost[0].Message, StringComparison.Ordinal);

            await using var db = world.Db();
            Assert.Equal(1, await db.Publications.CountAsync(p => p.ReportId == id));
            Assert.Single(await world.AuditAsync(id), a => a.Action == AuditActions.Published);
            Assert.Equal(ReportState.Published, (await world.LoadAsync(id)).State);
        }
    }
}
