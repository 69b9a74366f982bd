using Microsoft.Extensions.Time.Testing;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Workflow;

namespace GovDisclosure.Application.Tests.Reports;

public sealed class DeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync("gd_deadline");

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Each_agency_is_on_time_late_missing_or_open_against_its_statutory_deadline()
    {
        // 甲局 publishes at 23:30 on 31 January Beijing time (15:30 UTC): still on time.
        world.Clock.AdjustTime(new DateTimeOffset(2022, 1, 31, 23, 30, 0, Beijing));
        await world.ReportInStateAsync(world.FillerA, 2021, ReportState.Published);
        world.Clock.AdjustTime(new DateTimeOffset(2022, 2, 1, 0, 10, 0, Beijing));
        await world.ReportInStateAsync(world.FillerB, 2021, ReportState.Published);

        var rows = await StatusAsync("/", new DateOnly(2022, 2, 15));

        Assert.Equal(DeadlineStatus.OnTime, rows[world.BureauA.Id].Status);
        Assert.Equal(new DateOnly(2022, 1, 31), rows[world.BureauA.Id].FirstPublishedOn);
        Assert.Equal(DeadlineStatus.Late, rows[world.BureauB.Id].Status);
        Assert.Equal(DeadlineStatus.Missing, rows[world.Office.Id].Status);
        Assert.Equal((DeadlineStatus.Open, new DateOnly(2022, 3, 31)), (rows[world.Government.Id].Status, rows[world.Government.Id].Deadline));
        Assert.Equal(DeadlineStatus.Missing, (await StatusAsync("/", new DateOnly(2022, 4, 1)))[world.Government.Id].Status);
    }

    [Fact]
    public async Task A_regional_override_moves_the_deadline_and_a_correction_does_not_change_the_first_publication_date()
    {
        await using (var db = world.Db())
        {
            var region = await db.Agencies.FindAsync(world.Government.Id);
            db.DeadlineOverrides.Add(new DeadlineOverride(2021, region!, new DateOnly(2022, 2, 28), null));
            await db.SaveChangesAsync();
        }

        world.Clock.AdjustTime(new DateTimeOffset(2022, 2, 10, 9, 0, 0, Beijing));
        var id = await world.ReportInStateAsync(world.FillerB, 2021, ReportState.Published);
        world.Clock.AdjustTime(new DateTimeOffset(2022, 3, 10, 9, 0, 0, Beijing));
        ReportWorld.Ok(await world.CorrectAsync(world.FillerB, id, await world.VersionAsync(id)));

        var row = (await StatusAsync(world.Government.Path, new DateOnly(2022, 3, 15)))[world.BureauB.Id];

        Assert.Equal((new DateOnly(2022, 2, 28), new DateOnly(2022, 2, 10), DeadlineStatus.OnTime), (row.Deadline, row.FirstPublishedOn, row.Status));
    }

    [Fact]
    public async Task A_filler_sees_only_their_own_agencys_deadline()
    {
        await using var db = world.Db();
        var rows = await new DeadlineQueries(db).ForUserAsync(world.FillerA, 2021, new DateOnly(2022, 1, 1));
        Assert.Equal([world.BureauA.Id], rows.Select(r => r.AgencyId));
        Assert.Equal(4, (await new DeadlineQueries(db).ForUserAsync(world.Reviewer, 2021, new DateOnly(2022, 1, 1))).Count);
    }

    private async Task<Dictionary<int, AgencyDeadline>> StatusAsync(string path, DateOnly today)
    {
        await using var db = world.Db();
        return (await new DeadlineQueries(db).ForRegionAsync(path, 2021, today)).ToDictionary(r => r.AgencyId);
    }
}
