using Microsoft.Extensions.Time.Testing;
using GovDisclosure.Tests.Shared;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests.Public;

public sealed class PublicPageTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private PageClient Anonymous() => new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    [Fact]
    public async Task The_report_page_shows_agency_title_tables_with_scoped_headers_and_the_pdf_hash()
    {
        var (agency, filler) = await factory.NewAgency("示范市报告页测试局");
        var id = await factory.Report(filler, 2023, ReportState.Published);

        var page = await Anonymous().Get($"/Reports/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("示范市报告页测试局", page.Text);
        Assert.Equal("示范市报告页测试局2023年政府信息公开工作年度报告", page.Single("h1").TextContent.Trim());
        Assert.Contains("示范市报告页测试局2023年政府信息公开工作年度报告", page.Single("title").TextContent);
        Assert.NotNull(page.Find("meta[name='description']"));
        Assert.Contains("通过全部勾稽校验", page.Single("#validation").TextContent);
        Assert.Equal("5", page.Single("#cell-s3\\.received\\.natural").TextContent.Trim());
        Assert.NotEmpty(page.Document.QuerySelectorAll("table.report-table th[scope='col']"));
        Assert.NotEmpty(page.Document.QuerySelectorAll("table.report-table th[scope='row']"));
        Assert.NotNull(page.Find("a.skip-link[href='#main']"));
        await using var db = factory.Db();
        var sha = db.Publications.Single(p => p.ReportId == id).PdfSha256;
        Assert.Equal(sha, page.Single("#pdf-sha256").TextContent.Trim());
        Assert.NotNull(page.Find($"a[href='/Reports/{id}/revisions/1/pdf']"));
        Assert.NotNull(page.Find($"a[href='/Reports/{id}/json']"));
        Assert.NotNull(page.Find($"a[href='/Reports/{id}/csv']"));
        Assert.NotNull(page.Find($"a[href='/Agencies/{agency.Id}']"));
    }

    [Fact]
    public async Task A_warning_is_shown_with_the_explanation_the_agency_published()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published, PublicSiteFactory.WithBlank(2023, "留空测试"), explanation: "本机关无科研机构申请，故未填写。");

        var page = await Anonymous().Get($"/Reports/{id}");

        var validation = page.Single("#validation").TextContent;
        Assert.DoesNotContain("通过全部勾稽校验\n", validation.Replace("（无错误）", string.Empty, StringComparison.Ordinal) + "\n");
        Assert.Contains("机关说明：本机关无科研机构申请，故未填写。", validation);
        Assert.NotNull(page.Find(".warnings li#finding-0"));
    }

    [Fact]
    public async Task A_published_correction_shows_its_reason_and_both_revisions_keep_their_own_immutable_pdf()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published);
        await factory.CorrectionDraft(filler, id, "自然人申请数量统计有误", CompleteReport.Balanced(2023, received: 9), "无");
        PublicSiteFactory.Ok(await RunSubmitApprove(filler, id));
        await factory.Publish(id);
        var client = Anonymous();

        var page = await client.Get($"/Reports/{id}");

        Assert.Equal("9", page.Single("#cell-s3\\.received\\.natural").TextContent.Trim());
        var history = page.Single("#revisions").TextContent;
        Assert.Contains("自然人申请数量统计有误", history);
        Assert.Contains("第1版", history);
        Assert.Contains("第2版（当前）", history);
        var first = await client.Http.GetAsync($"/Reports/{id}/revisions/1/pdf");
        var second = await client.Http.GetAsync($"/Reports/{id}/revisions/2/pdf");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("immutable", first.Headers.CacheControl!.ToString());
        Assert.NotEqual(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    private async Task<Application.Reports.UseCaseResult> RunSubmitApprove(Application.Common.UserScope filler, int id)
    {
        using var scope = factory.Services.CreateScope();
        var submit = scope.ServiceProvider.GetRequiredService<Application.Reports.SubmitReport>();
        PublicSiteFactory.Ok(await submit.ExecuteAsync(filler, id, factory.Version(id)));
        var approve = scope.ServiceProvider.GetRequiredService<Application.Reports.ApproveReport>();
        return await approve.ExecuteAsync(factory.Reviewer, id, factory.Version(id));
    }

    [Fact]
    public async Task The_stored_pdf_is_served_byte_for_byte_and_its_hash_is_the_published_one()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published);
        await using var db = factory.Db();
        var publication = db.Publications.Single(p => p.ReportId == id);

        var response = await Anonymous().Http.GetAsync($"/Reports/{id}/pdf");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(publication.Pdf, bytes);
        Assert.Equal(publication.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal($"\"{publication.PdfSha256}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task The_csv_has_one_row_per_cell_code_and_the_json_is_the_published_snapshot()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published);
        var client = Anonymous();

        var csv = await client.Http.GetStringAsync($"/Reports/{id}/csv");
        var json = await client.Http.GetStringAsync($"/Reports/{id}/json");

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,row,column,kind,value,derived", lines[0]);
        var definition = Domain.Templates.ReportTemplates.Get(Domain.Templates.TemplateVersion.T2021);
        Assert.Equal(definition.Cells.Count, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("s3.received.natural,", StringComparison.Ordinal) && l.EndsWith(",5,false", StringComparison.Ordinal));
        await using var db = factory.Db();
        Assert.Equal(db.Publications.Single(p => p.ReportId == id).InterchangeJson, json);
    }

    [Fact]
    public async Task A_report_that_was_never_published_is_not_found()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Approved);

        var page = await Anonymous().Get($"/Reports/{id}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("政府信息公开工作年度报告平台", page.Single("header a.site-brand").TextContent);
    }

    [Fact]
    public async Task The_list_filters_by_year_region_and_kind_and_pages()
    {
        var (region, _) = await factory.NewAgency("示范市筛选区人民政府", kind: AgencyKind.PeopleGovernment);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var (_, filler) = await factory.NewAgency($"筛选区第{i}局", region);
            ids.Add(await factory.Report(filler, 2022, ReportState.Published));
        }

        var (_, other) = await factory.NewAgency("筛选区以外的局");
        var outside = await factory.Report(other, 2022, ReportState.Published);
        var client = Anonymous();

        var inRegion = await client.Get($"/Reports?year=2022&region={region.Code}");
        foreach (var id in ids)
        {
            Assert.NotNull(inRegion.Find($"a[href='/Reports/{id}']"));
        }

        Assert.Null(inRegion.Find($"a[href='/Reports/{outside}']"));
        Assert.Contains("共 3 份报告", inRegion.Text);
        var governments = await client.Get($"/Reports?year=2022&region={region.Code}&kind=PeopleGovernment");
        Assert.Contains("共 0 份报告", governments.Text);
        var wrongYear = await client.Get($"/Reports?year=2021&region={region.Code}");
        Assert.Null(wrongYear.Find($"a[href='/Reports/{ids[0]}']"));
        Assert.NotNull((await client.Get("/Reports?year=2022")).Find("select#f-region option[value='" + region.Code + "']"));
    }

    [Fact]
    public async Task Searching_part_of_a_chinese_name_or_of_the_report_text_finds_the_report()
    {
        var (_, filler) = await factory.NewAgency("示范市檀香山管理局");
        var id = await factory.Report(filler, 2023, ReportState.Published, CompleteReport.Balanced(2023, marker: "本年度开展了梧桐树专项公开。"));
        var client = Anonymous();

        Assert.NotNull((await client.Get("/Reports?q=" + Uri.EscapeDataString("檀香山"))).Find($"a[href='/Reports/{id}']"));
        Assert.NotNull((await client.Get("/Reports?q=" + Uri.EscapeDataString("梧桐树专项"))).Find($"a[href='/Reports/{id}']"));
        Assert.Null((await client.Get("/Reports?q=" + Uri.EscapeDataString("不存在的机关名称"))).Find($"a[href='/Reports/{id}']"));
    }

    [Fact]
    public async Task The_home_page_lists_the_latest_publications_and_the_years()
    {
        var (_, filler) = await factory.NewAgency("示范市首页测试局");
        var id = await factory.Report(filler, 2024, ReportState.Published);

        var page = await Anonymous().Get("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find($"#latest a[href='/Reports/{id}']"));
        Assert.NotNull(page.Find("a[href='/Reports?year=2024']"));
        Assert.NotNull(page.Find("input[type='search'][name='q']"));
        Assert.NotNull(page.Find("label[for='home-q']"));
    }

    [Fact]
    public async Task The_agency_page_lists_every_year_and_draws_the_trend_as_svg()
    {
        var (agency, filler) = await factory.NewAgency("示范市趋势测试局");
        var first = await factory.Report(filler, 2021, ReportState.Published, CompleteReport.Balanced(2021, received: 4));
        var second = await factory.Report(filler, 2022, ReportState.Published, CompleteReport.Balanced(2022, received: 12));

        var page = await Anonymous().Get($"/Agencies/{agency.Id}");

        Assert.NotNull(page.Find($"a[href='/Reports/{first}']"));
        Assert.NotNull(page.Find($"a[href='/Reports/{second}']"));
        var svg = page.Single("svg#trend-chart");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(4, svg.QuerySelectorAll("polyline").Length);
        Assert.NotNull(svg.QuerySelector("polyline[data-series='新收申请']"));
        var rows = page.Document.QuerySelectorAll("#trend-table tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("12", rows[1].TextContent);
    }

    [Fact]
    public async Task The_region_summary_adds_up_published_reports_links_each_figure_to_its_agencies_and_shows_the_board()
    {
        var (region, _) = await factory.NewAgency("示范市汇总区人民政府", kind: AgencyKind.PeopleGovernment);
        var (a, fa) = await factory.NewAgency("汇总区甲局", region);
        var (b, fb) = await factory.NewAgency("汇总区乙局", region);
        var (_, fc) = await factory.NewAgency("汇总区丙局", region);
        var (late, fl) = await factory.NewAgency("汇总区丁局", region);
        factory.Clock.AdjustTime(new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(8)));
        await factory.Report(fa, 2023, ReportState.Published, CompleteReport.Balanced(2023, received: 5));
        await factory.Report(fb, 2023, ReportState.Published, CompleteReport.Balanced(2023, received: 7));
        await factory.Report(fc, 2023, ReportState.Approved, CompleteReport.Balanced(2023, received: 1000));
        factory.Clock.AdjustTime(new DateTimeOffset(2024, 2, 20, 9, 0, 0, TimeSpan.FromHours(8)));
        await factory.Report(fl, 2023, ReportState.Published, CompleteReport.Balanced(2023, received: 1));
        var client = Anonymous();

        var page = await client.Get($"/Summary?year=2023&region={region.Code}");

        Assert.Contains("汇总 3 份已发布报告", page.Single("#summary-count").TextContent);
        var total = page.Single("#cell-s3\\.received\\.natural");
        Assert.Equal("13", total.TextContent.Trim());
        Assert.Equal("2", page.Single("#count-ontime").TextContent.Trim());
        Assert.Equal("1", page.Single("#count-missing").TextContent.Trim());
        Assert.Equal("1", page.Single("#count-late").TextContent.Trim());
        // The summary counts; the agencies themselves are one click away, on the list of the same standing.
        Assert.Null(page.Find("#board"));
        var lateList = await client.Get(page.Single("#count-late").ParentElement!.GetAttribute("href")!);
        Assert.Equal("逾期发布", lateList.Single($"#board tr[data-agency='{late.Id}'] td:last-child").TextContent.Trim());
        Assert.Single(lateList.Document.QuerySelectorAll("#board tbody tr"));

        var cell = await client.Get(total.GetAttribute("href")!);
        var contributions = cell.Single("#contributions").TextContent;
        Assert.Contains(a.Name, contributions);
        Assert.Contains(b.Name, contributions);
        Assert.DoesNotContain("汇总区丙局", contributions);
        Assert.Equal("13", cell.Single("#cell-total").TextContent.Trim());
    }

    [Fact]
    public async Task The_year_zip_holds_json_csv_and_pdf_of_every_published_report()
    {
        var (_, filler) = await factory.NewAgency("示范市打包测试局");
        var id = await factory.Report(filler, 2020, ReportState.Published);

        var response = await Anonymous().Http.GetAsync("/downloads/2020.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("示范市打包测试局2020年政府信息公开工作年度报告.json", names);
        Assert.Contains("示范市打包测试局2020年政府信息公开工作年度报告.csv", names);
        Assert.Contains("示范市打包测试局2020年政府信息公开工作年度报告.pdf", names);
        Assert.Contains("index.json", names);
        Assert.Contains($"\"id\":{id}", new StreamReader(zip.GetEntry("index.json")!.Open()).ReadToEnd(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().Http.GetAsync("/downloads/2019.zip")).StatusCode);
    }

    [Fact]
    public async Task The_sitemap_lists_published_reports_and_robots_points_to_it()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published);
        var draft = await factory.Report((await factory.NewAgency()).Filler, 2023, ReportState.Draft);
        var client = Anonymous();

        var sitemap = await client.Http.GetStringAsync("/sitemap.xml");
        var robots = await client.Http.GetStringAsync("/robots.txt");

        Assert.Contains($"/Reports/{id}</loc>", sitemap);
        Assert.DoesNotContain($"/Reports/{draft}</loc>", sitemap);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
        Assert.Contains("Disallow: /Work", robots);
    }

    [Fact]
    public async Task A_cached_report_page_changes_once_publishing_evicts_it()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published);
        var client = Anonymous();
        Assert.Equal("5", (await client.Get($"/Reports/{id}")).Single("#cell-s3\\.received\\.natural").TextContent.Trim());

        await factory.CorrectionDraft(filler, id, "更正测试", CompleteReport.Balanced(2023, received: 6), "无");
        PublicSiteFactory.Ok(await RunSubmitApprove(filler, id));
        await factory.Publish(id);

        Assert.Equal("6", (await client.Get($"/Reports/{id}")).Single("#cell-s3\\.received\\.natural").TextContent.Trim());
    }

    [Fact]
    public async Task The_report_page_carries_an_etag_and_answers_a_matching_request_with_not_modified()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published);
        var client = Anonymous().Http;

        var first = await client.GetAsync($"/Reports/{id}");
        var etag = first.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, $"/Reports/{id}");
        again.Headers.IfNoneMatch.Add(etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }
}
