using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>
/// The on-time board's kept counts (region_first_publications): the summary's board must say what the on-time list
/// says, agency by agency, after corrections, moves, overrides and reporting periods that change after publishing.
/// </summary>
public sealed class BoardCountTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private const int Year = 2023;
    private static readonly DateOnly Today = new(2024, 6, 1);

    [Fact]
    public async Task A_correction_after_the_deadline_leaves_an_on_time_agency_on_time()
    {
        var (region, _) = await factory.NewAgency("更正榜区人民政府", kind: AgencyKind.PeopleGovernment);
        var (_, early) = await factory.NewAgency("更正榜甲局", region);
        var (_, late) = await factory.NewAgency("更正榜乙局", region);
        await factory.NewAgency("更正榜丙局", region);

        var id = await At(new DateTimeOffset(2024, 1, 20, 10, 0, 0, TimeSpan.FromHours(8)), () => factory.Report(early, Year, ReportState.Published));
        await At(new DateTimeOffset(2024, 2, 5, 10, 0, 0, TimeSpan.FromHours(8)), () => factory.Report(late, Year, ReportState.Published));
        await At(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)),
            () => factory.PublishCorrection(early, id, "数据有误", CompleteReport.Balanced(Year, received: 3)));

        var board = await AssertBoardAgreesWithTheList(region.Path);
        Assert.Equal(new DeadlineCounts(OnTime: 1, Late: 1, Missing: 2, Open: 0), board);
    }

    [Fact]
    public async Task An_agency_that_moves_takes_its_subtrees_standing_to_the_region_it_joins()
    {
        var (province, _) = await factory.NewAgency("迁移榜省人民政府", kind: AgencyKind.PeopleGovernment);
        var (a, _) = await factory.NewAgency("迁移榜甲县人民政府", province, AgencyKind.PeopleGovernment);
        var (b, _) = await factory.NewAgency("迁移榜乙县人民政府", province, AgencyKind.PeopleGovernment);
        var (town, townFiller) = await factory.NewAgency("迁移榜某镇人民政府", a, AgencyKind.TownshipStreet);
        var (_, office) = await factory.NewAgency("迁移榜某镇办公室", town);
        await At(new DateTimeOffset(2024, 1, 25, 10, 0, 0, TimeSpan.FromHours(8)), () => factory.Report(office, Year, ReportState.Published));
        await At(new DateTimeOffset(2024, 4, 2, 10, 0, 0, TimeSpan.FromHours(8)), () => factory.Report(townFiller, Year, ReportState.Published));

        var admin = new UserScope("u-admin-board", "省管理员", province.Id, province.Path, IsFiller: false, IsReviewer: true, IsAdmin: true);
        using (var scope = factory.Services.CreateScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<MoveAgency>().ExecuteAsync(admin, town.Id, b.Id);
            Assert.True(moved.IsOk, moved.Message);
        }

        Assert.Equal(new DeadlineCounts(OnTime: 0, Late: 0, Missing: 1, Open: 0), await AssertBoardAgreesWithTheList(await PathOf(a)));
        Assert.Equal(new DeadlineCounts(OnTime: 1, Late: 1, Missing: 1, Open: 0), await AssertBoardAgreesWithTheList(await PathOf(b)));
        Assert.Equal(new DeadlineCounts(OnTime: 1, Late: 1, Missing: 3, Open: 0), await AssertBoardAgreesWithTheList(province.Path));
    }

    [Fact]
    public async Task Nested_overrides_and_an_agency_dissolved_after_publishing_count_as_on_the_list()
    {
        var (region, _) = await factory.NewAgency("例外榜市人民政府", kind: AgencyKind.PeopleGovernment);
        var (county, _) = await factory.NewAgency("例外榜县人民政府", region, AgencyKind.PeopleGovernment);
        var (town, _) = await factory.NewAgency("例外榜镇人民政府", county, AgencyKind.TownshipStreet);
        var (_, cityBureau) = await factory.NewAgency("例外榜市局", region);
        var (_, countyBureau) = await factory.NewAgency("例外榜县局", county);
        var (_, townOffice) = await factory.NewAgency("例外榜镇办", town);
        var (dissolved, dissolvedFiller) = await factory.NewAgency("例外榜撤销局", county);
        await using (var db = factory.Db())
        {
            // The county gives its departments until 15 February; the town inside it takes them back to 5 February.
            db.DeadlineOverrides.Add(new DeadlineOverride(Year, db.Agencies.Single(a => a.Id == county.Id), new DateOnly(2024, 2, 15), null));
            db.DeadlineOverrides.Add(new DeadlineOverride(Year, db.Agencies.Single(a => a.Id == town.Id), new DateOnly(2024, 2, 5), null));
            await db.SaveChangesAsync();
        }

        var tenth = new DateTimeOffset(2024, 2, 10, 10, 0, 0, TimeSpan.FromHours(8));
        await At(tenth, () => factory.Report(cityBureau, Year, ReportState.Published));
        await At(tenth, () => factory.Report(countyBureau, Year, ReportState.Published));
        await At(tenth, () => factory.Report(townOffice, Year, ReportState.Published));
        await At(tenth, () => factory.Report(dissolvedFiller, Year, ReportState.Published));
        await using (var db = factory.Db())
        {
            // Recorded later as abolished before the year began: the year is not its to report, published or not.
            db.Agencies.Single(a => a.Id == dissolved.Id).SetReportingPeriod(null, new DateOnly(2022, 12, 31));
            await db.SaveChangesAsync();
        }

        // On time: the county's bureau (15 February); late: the city's bureau (31 January) and the town's office
        // (5 February); missing: the city, the county and the town (governments, 31 March, no override of theirs).
        Assert.Equal(new DeadlineCounts(OnTime: 1, Late: 2, Missing: 3, Open: 0), await AssertBoardAgreesWithTheList(region.Path));
        Assert.Equal(new DeadlineCounts(OnTime: 1, Late: 1, Missing: 2, Open: 0), await AssertBoardAgreesWithTheList(county.Path));
        Assert.Equal(new DeadlineCounts(OnTime: 0, Late: 1, Missing: 1, Open: 0), await AssertBoardAgreesWithTheList(town.Path));
        await AssertBoardAgreesWithTheList("/");
    }

    /// <summary>The kept counts' board against the on-time list (each agency judged on its own) and the count from the publications.</summary>
    private async Task<DeadlineCounts> AssertBoardAgreesWithTheList(string path)
    {
        await using var db = factory.Db();
        var queries = new PublicQueries(db, factory.Services.GetRequiredService<PublicPageReader>());
        var board = await queries.BoardCountsAsync(path, Year, Today);
        var list = DeadlineCounts.Of(await new DeadlineQueries(db).ForRegionAsync(path, Year, Today));
        Assert.Equal(list, board);
        Assert.Equal(await queries.BoardCountsFromPublicationsAsync(path, Year, Today), board);
        return board;
    }

    private async Task<string> PathOf(Agency agency)
    {
        await using var db = factory.Db();
        return await db.Agencies.AsNoTracking().Where(a => a.Id == agency.Id).Select(a => a.Path).SingleAsync();
    }

    private async Task<T> At<T>(DateTimeOffset at, Func<Task<T>> act)
    {
        var before = factory.Clock.GetUtcNow();
        factory.Clock.AdjustTime(at);
        try
        {
            return await act();
        }
        finally
        {
            factory.Clock.AdjustTime(before);
        }
    }

    private async Task At(DateTimeOffset at, Func<Task> act) => await At(at, async () =>
    {
        await act();
        return 0;
    });
}
