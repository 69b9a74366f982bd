using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Public;
using GovDisclosure.Tests.Shared;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>
/// What publishing stores for the public (decisions/0010): the report page's read model and the region rollup. The
/// expected sums are worked out here from the current publications' own snapshots, not from the rollup's code.
/// </summary>
public sealed class PublicRecordTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private const int Year = 2023;

    private PageClient Anonymous() => new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    [Fact]
    public async Task A_full_report_page_is_at_most_40_KB_and_keeps_captions_and_scoped_headers_on_every_table()
    {
        var (_, filler) = await factory.NewAgency("示范市页面大小测试局");
        var content = CompleteReport.Balanced(Year);
        var derivedTotal = ReportTemplates.T2021.Sums[0].Total;
        content.Cells.Remove(derivedTotal);
        var id = await factory.Report(filler, Year, ReportState.Published, content);

        var response = await Anonymous().Http.GetAsync($"/Reports/{id}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var page = await Anonymous().Get($"/Reports/{id}");

        Assert.True(bytes.Length <= 40 * 1024, $"the report page is {bytes.Length} bytes");
        var definitions = ReportTemplates.T2021.Sections.SelectMany(s => s.Tables).ToList();
        var tables = page.Document.QuerySelectorAll("table.report-table").ToList();
        Assert.Equal(definitions.Count, tables.Count);
        Assert.All(definitions.Zip(tables), t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Second.QuerySelector("caption")?.TextContent));
            Assert.Equal(t.First.HeaderRows.Sum(r => r.Cells.Count), t.Second.QuerySelectorAll("thead th[scope='col']").Length);
            Assert.Equal(t.First.BodyRows.Sum(r => r.Cells.Count(c => !c.IsData)), t.Second.QuerySelectorAll("tbody th[scope='row']").Length);
        });
        Assert.All(ReportTemplates.T2021.Cells, c => Assert.NotNull(page.Find("#cell-" + c.Code.Replace(".", "\\.", StringComparison.Ordinal))));
        Assert.Empty(page.Document.QuerySelectorAll("td[title], td [title]"));

        // The blank total is shown computed, as stored at publication.
        var total = page.Single("#cell-" + derivedTotal.Replace(".", "\\.", StringComparison.Ordinal));
        Assert.Contains("cell-value--derived", total.ClassName);
        Assert.Equal(InterchangeJson.FormatValue(ReportTemplates.T2021.Cell(derivedTotal).Kind, ReportTotals.Effective(content, derivedTotal)), total.TextContent);
    }

    [Fact]
    public async Task Publishing_stores_the_page_and_a_correction_replaces_it_with_the_revision_list()
    {
        var (_, filler) = await factory.NewAgency("示范市页面数据测试局");
        var id = await factory.Report(filler, Year, ReportState.Published, CompleteReport.Balanced(Year, received: 5));
        await factory.PublishCorrection(filler, id, "自然人申请数有误", CompleteReport.Balanced(Year, received: 8));

        await using var db = factory.Db();
        var row = await db.PublicReportPages.AsNoTracking().SingleAsync(p => p.ReportId == id);
        var current = await db.Publications.AsNoTracking().SingleAsync(p => p.ReportId == id && p.Revision == 2);
        var stored = PublicPage.FromJson(row.Content);

        Assert.Equal(current.Id, row.PublicationId);
        Assert.Equal("8", stored.Cells["s3.received.natural"]);
        Assert.Equal([2, 1], stored.Revisions.Select(r => r.Revision));
        Assert.Equal("自然人申请数有误", stored.Revisions[0].CorrectionReason);
        var page = await Anonymous().Get($"/Reports/{id}");
        Assert.Equal("8", page.Single("#cell-s3\\.received\\.natural").TextContent.Trim());
        Assert.Contains("自然人申请数有误", page.Single("#correction-notice").TextContent);
    }

    [Fact]
    public async Task Region_sums_equal_the_current_publications_after_a_correction()
    {
        var (province, a, b) = await Regions("更正");
        var (_, fa1) = await factory.NewAgency("更正甲县一局", a);
        var (_, fa2) = await factory.NewAgency("更正甲县二局", a);
        var (_, fb1) = await factory.NewAgency("更正乙县一局", b);
        var first = await factory.Report(fa1, Year, ReportState.Published, CompleteReport.Balanced(Year, received: 5));
        await factory.Report(fa2, Year, ReportState.Published, PublicSiteFactory.WithBlank(Year, "二局", received: 7));
        await factory.Report(fb1, Year, ReportState.Published, CompleteReport.Balanced(Year, received: 9));

        var corrected = CompleteReport.Balanced(Year, received: 11);
        corrected.Cells.Remove(ReportTemplates.T2021.Sums[0].Total);
        await factory.PublishCorrection(fa1, first, "数据有误", corrected);

        foreach (var region in new[] { province, a, b })
        {
            await AssertSumsMatchPublications(region);
        }

        var page = await Anonymous().Get($"/Summary?year={Year}&region={a.Code}");
        Assert.Equal("18", page.Single("#cell-s3\\.received\\.natural").TextContent.Trim());
    }

    [Fact]
    public async Task Region_sums_follow_an_agency_that_moves_to_another_region_with_its_subtree()
    {
        var (province, a, b) = await Regions("调整");
        var (town, ft) = await factory.NewAgency("调整甲县某镇人民政府", a, AgencyKind.TownshipStreet);
        var (_, fo) = await factory.NewAgency("调整甲县某镇办公室", town);
        var (_, fb1) = await factory.NewAgency("调整乙县一局", b);
        await factory.Report(ft, Year, ReportState.Published, CompleteReport.Balanced(Year, received: 4));
        await factory.Report(fo, Year, ReportState.Published, CompleteReport.Balanced(Year, received: 6));
        await factory.Report(fb1, Year, ReportState.Published, CompleteReport.Balanced(Year, received: 9));
        var admin = new UserScope("u-admin-move", "省管理员", province.Id, province.Path, IsFiller: false, IsReviewer: true, IsAdmin: true);

        using (var scope = factory.Services.CreateScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<MoveAgency>().ExecuteAsync(admin, town.Id, b.Id);
            Assert.True(moved.IsOk, moved.Message);
        }

        foreach (var region in new[] { province, a, b, town })
        {
            await AssertSumsMatchPublications(region);
        }

        var queries = Queries();
        Assert.Equal(0, (await queries.SummaryAsync(Year, await Fresh(a))).Reports);
        Assert.Equal(3, (await queries.SummaryAsync(Year, await Fresh(b))).Reports);
        var contributions = await queries.ContributionsAsync(Year, (await Fresh(b)).Path, "s3.received.natural");
        Assert.Equal([9m, 6m, 4m], contributions.Select(c => c.Value));
    }

    [Fact]
    public async Task A_move_out_of_the_admins_region_or_under_its_own_subtree_is_refused()
    {
        var (province, a, _) = await Regions("越权");
        var (town, _) = await factory.NewAgency("越权甲县某镇人民政府", a, AgencyKind.TownshipStreet);
        var admin = new UserScope("u-admin-refuse", "省管理员", province.Id, province.Path, IsFiller: false, IsReviewer: true, IsAdmin: true);
        using var scope = factory.Services.CreateScope();
        var move = scope.ServiceProvider.GetRequiredService<MoveAgency>();

        Assert.Equal(UseCaseStatus.NotFound, (await move.ExecuteAsync(admin, a.Id, factory.East.Id)).Status);
        var cycle = await move.ExecuteAsync(admin, a.Id, town.Id);
        Assert.Equal(UseCaseStatus.Refused, cycle.Status);
        Assert.Contains("下级机构之下", cycle.Message);
    }

    [Fact]
    public async Task A_cell_shown_as_0_writes_no_rollup_row_yet_the_summary_shows_it_as_0()
    {
        var (_, a, _) = await Regions("零值");
        var (_, filler) = await factory.NewAgency("零值甲县一局", a);
        await factory.Report(filler, Year, ReportState.Published, CompleteReport.Balanced(Year, received: 3));

        await using var db = factory.Db();
        var rows = await db.RegionCellTotals.AsNoTracking().Where(t => t.RegionId == a.Id && t.Year == Year).Select(t => t.Code).ToListAsync();
        var (reports, sums) = await Queries().SummaryAsync(Year, await Fresh(a));

        Assert.Equal(1, reports);
        Assert.Equal(0m, sums["s3.received.commercial"]);
        Assert.Equal(3m, sums["s3.received.natural"]);
        Assert.DoesNotContain("s3.received.commercial", rows);
        Assert.All(rows, code => Assert.NotEqual(0m, sums[code]));
        await AssertSumsMatchPublications(a);
    }

    [Fact]
    public async Task Concurrent_publishers_all_publish_and_the_region_sums_stay_exact()
    {
        var (province, a, b) = await Regions("并发");
        var ids = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            var (_, filler) = await factory.NewAgency($"并发{i}局", i % 2 == 0 ? a : b);
            ids.Add(await factory.Report(filler, Year, ReportState.Approved, CompleteReport.Balanced(Year, received: i + 1)));
        }

        // Every publisher adds to the same province and portal rows: they queue on them, in one order, without deadlock.
        await Task.WhenAll(ids.Select(id => Task.Run(() => factory.Publish(id))));

        foreach (var region in new[] { province, a, b })
        {
            await AssertSumsMatchPublications(region);
        }

        Assert.Equal(8, (await Queries().SummaryAsync(Year, await Fresh(province))).Reports);
    }

    private async Task<(Agency Province, Agency A, Agency B)> Regions(string prefix)
    {
        var (province, _) = await factory.NewAgency($"{prefix}测试省人民政府", kind: AgencyKind.PeopleGovernment);
        var (a, _) = await factory.NewAgency($"{prefix}甲县人民政府", province, AgencyKind.PeopleGovernment);
        var (b, _) = await factory.NewAgency($"{prefix}乙县人民政府", province, AgencyKind.PeopleGovernment);
        return (province, a, b);
    }

    private PublicQueries Queries() => new(factory.Db(), factory.Services.GetRequiredService<PublicPageReader>());

    private async Task<PublicAgency> Fresh(Agency agency) => (await Queries().AgencyAsync(agency.Id))!;

    /// <summary>The rollup's summary and drill-down against sums worked out here from each current publication's snapshot.</summary>
    private async Task AssertSumsMatchPublications(Agency agency)
    {
        var region = await Fresh(agency);
        await using var db = factory.Db();
        var snapshots = await (from p in db.Publications.AsNoTracking()
                               join a in db.Agencies on p.AgencyId equals a.Id
                               where p.Year == Year && p.Revision == p.Report!.PublishedRevision && a.Path.StartsWith(region.Path)
                               select new { p.AgencyId, p.InterchangeJson })
            .ToListAsync();
        var shown = snapshots.Select(s => (s.AgencyId, Values: ReportTotals.Shown(InterchangeJson.Read(s.InterchangeJson)))).ToList();
        var expected = shown.SelectMany(s => s.Values).GroupBy(v => v.Key)
            .ToDictionary(g => g.Key, g => g.Sum(v => v.Value), StringComparer.Ordinal);

        var (reports, sums) = await Queries().SummaryAsync(Year, region);

        Assert.Equal(snapshots.Count, reports);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), sums.OrderBy(e => e.Key, StringComparer.Ordinal));
        var contributions = await Queries().ContributionsAsync(Year, region.Path, "s3.received.natural");
        Assert.Equal(
            shown.Select(s => (s.AgencyId, s.Values["s3.received.natural"])).OrderBy(x => x.AgencyId),
            contributions.Select(c => (c.AgencyId, c.Value)).OrderBy(x => x.AgencyId));
    }
}
