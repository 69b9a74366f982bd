using System.Net;
using System.Text;
using System.Text.Json;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Tests.Shared;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>Indicators on the public pages and in the API, and agencies that merged: what a reader sees.</summary>
public sealed class IndicatorPageTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private PageClient Anonymous() => new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    private HttpClient Http() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A balanced report whose natural persons' requests are all answered: <paramref name="granted"/> granted, the rest withheld (三安全一稳定).</summary>
    private static ReportDocument Answered(int year, int received, int granted)
    {
        var doc = CompleteReport.Balanced(year, received: received, carriedIn: 0, carriedOut: 0);
        foreach (var column in new[] { "natural", "total" })
        {
            doc.Cells[$"s3.granted.{column}"] = granted;
            doc.Cells[$"s3.withheld.3.{column}"] = received - granted;
        }

        return doc;
    }

    /// <summary>Two bureaus merged into a new one on 2023-01-01: they stop reporting after 2022, it reports from 2023.</summary>
    private async Task<(Agency Successor, Agency First, Agency Second, int[] PredecessorReports)> MergedAsync(string name)
    {
        var (first, firstFiller) = await factory.NewAgency($"{name}甲局");
        var (second, secondFiller) = await factory.NewAgency($"{name}乙局");
        var (successor, filler) = await factory.NewAgency($"{name}局");
        int[] earlier =
        [
            await factory.Report(firstFiller, 2021, ReportState.Published, CompleteReport.Balanced(2021, received: 40, carriedIn: 0, carriedOut: 0)),
            await factory.Report(firstFiller, 2022, ReportState.Published, CompleteReport.Balanced(2022, received: 50, carriedIn: 0, carriedOut: 0)),
            await factory.Report(secondFiller, 2022, ReportState.Published, CompleteReport.Balanced(2022, received: 30, carriedIn: 0, carriedOut: 0)),
        ];
        await factory.Report(filler, 2023, ReportState.Published, CompleteReport.Balanced(2023, received: 100, carriedIn: 0, carriedOut: 0));
        await factory.Report(filler, 2024, ReportState.Published, CompleteReport.Balanced(2024, received: 90, carriedIn: 0, carriedOut: 0));

        await using var db = factory.Db();
        var merged = new DateOnly(2023, 1, 1);
        var agencies = await db.Agencies.Where(a => a.Id == first.Id || a.Id == second.Id || a.Id == successor.Id).ToDictionaryAsync(a => a.Id);
        agencies[first.Id].SetReportingPeriod(null, merged.AddDays(-1));
        agencies[second.Id].SetReportingPeriod(null, merged.AddDays(-1));
        agencies[successor.Id].SetReportingPeriod(merged, null);
        db.AgencyLinks.Add(new AgencyLink(agencies[first.Id], agencies[successor.Id], AgencyChange.MergedInto, merged));
        db.AgencyLinks.Add(new AgencyLink(agencies[second.Id], agencies[successor.Id], AgencyChange.MergedInto, merged));
        await db.SaveChangesAsync();
        return (successor, first, second, earlier);
    }

    [Fact]
    public async Task A_merged_agencys_trend_continues_across_the_merge_with_the_change_marked()
    {
        var (successor, first, _, earlier) = await MergedAsync("示范市合并测试");

        var page = await Anonymous().Get($"/Agencies/{successor.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        // The predecessors' published reports are listed on the successor's page.
        Assert.All(earlier, id => Assert.NotNull(page.Find($"#predecessor-reports a[href='/Reports/{id}']")));
        Assert.Contains("示范市合并测试甲局", page.Single("#agency-changes").TextContent);
        Assert.Contains("并入本机关", page.Single("#agency-changes").TextContent);

        // The trend runs 2021–2024 without a gap: the predecessors' years (summed: 50 + 30 in 2022), then its own.
        var rows = page.Document.QuerySelectorAll("#trend-table tbody tr")
            .Select(r => (Year: r.QuerySelector("th")!.TextContent.Trim(), Received: r.QuerySelector("td")!.TextContent.Trim())).ToList();
        Assert.Equal(["2021（前身机关）", "2022（前身机关）", "2023", "2024"], rows.Select(r => r.Year));
        Assert.Equal(["40", "80", "100", "90"], rows.Select(r => r.Received));
        var svg = page.Single("svg#trend-chart");
        Assert.NotNull(svg.QuerySelector("line[data-change='2023']"));
        Assert.Contains("2023年合并", svg.InnerHtml);
        Assert.Empty(svg.QuerySelectorAll("rect[data-gap]"));

        // The change in requests compares 2023 with the predecessors' 2022 together: (100 − 80) ÷ 80.
        Assert.Equal("+25.0%", page.Single("#indicator-table tr[data-year='2023'] td[data-indicator='request_growth']").TextContent.Trim());
        Assert.Contains("示范市合并测试甲局、示范市合并测试乙局", page.Single("#indicator-table tr[data-year='2022'] th").TextContent);

        // The predecessor's own page says where it went.
        var old = await Anonymous().Get($"/Agencies/{first.Id}");
        Assert.Contains("本机关并入", old.Single("#agency-changes").TextContent);
        Assert.NotNull(old.Find($"#agency-changes a[href='/Agencies/{successor.Id}']"));
    }

    [Fact]
    public async Task The_agency_page_shows_each_years_indicators_and_insufficient_sample_below_thirty()
    {
        var (agency, filler) = await factory.NewAgency("示范市指标页测试局");
        await factory.Report(filler, 2022, ReportState.Published, Answered(2022, received: 20, granted: 20));
        await factory.Report(filler, 2023, ReportState.Published, Answered(2023, received: 80, granted: 60));

        var page = await Anonymous().Get($"/Agencies/{agency.Id}");

        string Cell(int year, string key) => page.Single($"#indicator-table tr[data-year='{year}'] td[data-indicator='{key}']").TextContent.Trim();
        Assert.Equal("75.0%", Cell(2023, "substantive_disclosure"));
        Assert.Equal("25.0%", Cell(2023, "withheld"));
        Assert.Equal("0.0%", Cell(2023, "unable"));
        // 20 requests in 2022: every rate of that year, and 2023's change against it, read 样本不足.
        Assert.Equal("样本不足", Cell(2022, "substantive_disclosure"));
        Assert.Equal("样本不足", Cell(2023, "request_growth"));
        Assert.Equal("无上年数据", Cell(2022, "request_growth"));
        // No 复议 at all: a denominator of 0 is no sample.
        Assert.Equal("样本不足", Cell(2023, "review_correction"));
    }

    [Fact]
    public async Task The_region_summary_ranks_only_agencies_with_a_sufficient_sample_and_shows_the_quartiles()
    {
        var (region, _) = await factory.NewAgency("示范市排名测试区", kind: AgencyKind.PeopleGovernment);
        var (big, bigFiller) = await factory.NewAgency("排名测试大局", region);
        var (middle, middleFiller) = await factory.NewAgency("排名测试中局", region);
        var (small, smallFiller) = await factory.NewAgency("排名测试小局", region);
        await factory.Report(bigFiller, 2023, ReportState.Published, Answered(2023, received: 50, granted: 45));
        await factory.Report(middleFiller, 2023, ReportState.Published, Answered(2023, received: 40, granted: 30));
        // All 10 of the small bureau's requests granted: 100%, but on 10 cases.
        await factory.Report(smallFiller, 2023, ReportState.Published, Answered(2023, received: 10, granted: 10));

        var page = await Anonymous().Get($"/Summary?year=2023&region={region.Code}");

        var ranking = page.Single("#ranking-substantive_disclosure");
        var names = ranking.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        Assert.Equal(["排名测试大局", "排名测试中局"], names);
        Assert.DoesNotContain("排名测试小局", ranking.TextContent);
        var section = page.Single("section[data-indicator='substantive_disclosure']");
        Assert.Contains("参与计算 2 个机关，样本不足 1 个", section.TextContent);
        Assert.Contains("中位数 82.5%", section.TextContent);
        Assert.Equal(10, section.QuerySelectorAll(".histogram li").Length);

        using var api = JsonDocument.Parse(await Http().GetStringAsync($"/api/indicators?year=2023&region={region.Code}"));
        var substantive = api.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "substantive_disclosure");
        Assert.Equal(1, substantive.GetProperty("distribution").GetProperty("insufficient").GetInt32());
        Assert.Equal([big.Id, middle.Id], substantive.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("agencyId").GetInt32()));
        Assert.Equal(0.9m, substantive.GetProperty("ranking")[0].GetProperty("value").GetDecimal());

        var csv = Encoding.UTF8.GetString(await Http().GetByteArrayAsync($"/downloads/indicators/2023.csv?region={region.Code}")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("agency_id,agency,report_id,indicator,name,value,numerator,denominator,status,rank", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{small.Id},排名测试小局,", StringComparison.Ordinal) && l.Contains(",substantive_disclosure,实质公开率,,10,10,insufficient_sample,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{big.Id},排名测试大局,", StringComparison.Ordinal) && l.EndsWith(",substantive_disclosure,实质公开率,0.9,45,50,computed,1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_region_agency_with_its_own_report_is_ranked_on_its_own_figures_not_its_childrens()
    {
        // The rollup row of an agency holds everything below it too; the indicators must take its own share only.
        var (parent, parentFiller) = await factory.NewAgency("排名测试父局", kind: AgencyKind.PeopleGovernment);
        var (child, childFiller) = await factory.NewAgency("排名测试子局", parent);
        await factory.Report(parentFiller, 2023, ReportState.Published, Answered(2023, received: 40, granted: 20));
        await factory.Report(childFiller, 2023, ReportState.Published, Answered(2023, received: 50, granted: 45));
        await factory.Report(parentFiller, 2022, ReportState.Published, Answered(2022, received: 32, granted: 32));

        using var api = JsonDocument.Parse(await Http().GetStringAsync($"/api/indicators?year=2023&region={parent.Code}"));

        var indicators = api.RootElement.GetProperty("indicators").EnumerateArray().ToList();
        var ranking = indicators.Single(i => i.GetProperty("key").GetString() == "substantive_disclosure").GetProperty("ranking");
        Assert.Equal([child.Id, parent.Id], ranking.EnumerateArray().Select(r => r.GetProperty("agencyId").GetInt32()));
        Assert.Equal([0.9m, 0.5m], ranking.EnumerateArray().Select(r => r.GetProperty("value").GetDecimal()));
        // Last year's 32 requests are the parent's own, so its change is +8 on 32, not on the child's figures.
        var growth = indicators.Single(i => i.GetProperty("key").GetString() == "request_growth").GetProperty("ranking");
        Assert.Equal([parent.Id], growth.EnumerateArray().Select(r => r.GetProperty("agencyId").GetInt32()));
        Assert.Equal(0.25m, growth[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task The_indicators_page_gives_each_formula_in_words_with_a_worked_example()
    {
        var page = await Anonymous().Get("/Indicators");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("实质公开率 ＝ （予以公开 ＋ 部分公开） ÷ 办理结果总计", page.Single("#indicator-substantive_disclosure").TextContent);
        Assert.Contains("50 ÷ 80 ＝ 62.5%", page.Single("[data-example='substantive_disclosure']").TextContent);
        Assert.Contains("9 ÷ 36 ＝ 25.0%", page.Single("[data-example='review_correction']").TextContent);
        Assert.Contains("＝ +20.0%", page.Single("[data-example='request_growth']").TextContent);
        Assert.Equal(6, page.Document.QuerySelectorAll("[data-example]").Length);
        Assert.Contains("少于 30 件", page.Single("#minimum-rule").TextContent);
    }

    [Fact]
    public async Task The_agency_indicators_api_marks_the_years_its_predecessors_reported()
    {
        var (successor, first, second, _) = await MergedAsync("示范市接口合并测试");

        using var api = JsonDocument.Parse(await Http().GetStringAsync($"/api/agencies/{successor.Id}/indicators"));

        var years = api.RootElement.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal([2021, 2022, 2023, 2024], years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal([true, true, false, false], years.Select(y => y.GetProperty("fromPredecessors").GetBoolean()));
        Assert.Equal([first.Id, second.Id], years[1].GetProperty("reportedBy").EnumerateArray().Select(a => a.GetProperty("agencyId").GetInt32()).Order());
        Assert.Equal("MergedInto", api.RootElement.GetProperty("predecessors")[0].GetProperty("change").GetString());
        var missing = await Http().GetAsync("/api/agencies/987654/indicators");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("机关不存在", await missing.Content.ReadAsStringAsync());
    }
}
