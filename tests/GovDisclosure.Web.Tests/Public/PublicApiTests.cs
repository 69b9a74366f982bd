using GovDisclosure.Tests.Shared;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GovDisclosure.Domain.Workflow;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovDisclosure.Web.Tests.Public;

public sealed class PublicApiTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task The_report_list_filters_by_agency_and_year_and_pages()
    {
        var (agency, filler) = await factory.NewAgency("接口列表测试局");
        var older = await factory.Report(filler, 2021, ReportState.Published);
        var newer = await factory.Report(filler, 2022, ReportState.Published);
        var client = Anonymous();

        var all = await Json(await client.GetAsync($"/api/reports?agency={agency.Id}"));
        var one = await Json(await client.GetAsync($"/api/reports?agency={agency.Id}&year=2022"));
        var paged = await Json(await client.GetAsync($"/api/reports?agency={agency.Id}&pageSize=1&page=2"));

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(newer, one.GetProperty("items")[0].GetProperty("id").GetInt32());
        Assert.Equal(1, one.GetProperty("total").GetInt32());
        Assert.Equal("接口列表测试局", one.GetProperty("items")[0].GetProperty("agency").GetString());
        Assert.Equal("2021", one.GetProperty("items")[0].GetProperty("template").GetString());
        Assert.Equal(2, paged.GetProperty("pages").GetInt32());
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        Assert.Contains(new[] { older, newer }, id => id == paged.GetProperty("items")[0].GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/reports?template=1999")).StatusCode);
    }

    [Fact]
    public async Task A_report_carries_the_interchange_document_metadata_and_pdf_hash_with_an_etag()
    {
        var (_, filler) = await factory.NewAgency("接口详情测试局");
        var id = await factory.Report(filler, 2023, ReportState.Published);
        var client = Anonymous();

        var response = await client.GetAsync($"/api/reports/{id}");
        var body = await Json(response);

        await using var db = factory.Db();
        var publication = db.Publications.Single(p => p.ReportId == id);
        Assert.Equal(publication.PdfSha256, body.GetProperty("pdfSha256").GetString());
        Assert.Equal(1, body.GetProperty("revision").GetInt32());
        Assert.Equal(5, body.GetProperty("document").GetProperty("cells").GetProperty("s3.received.natural").GetInt32());
        Assert.Equal("接口详情测试局", body.GetProperty("document").GetProperty("agency").GetString());
        Assert.True(body.GetProperty("validation").GetProperty("passedAll").GetBoolean());
        Assert.Equal($"/Reports/{id}/revisions/1/pdf", body.GetProperty("links").GetProperty("pdf").GetString());

        var etag = response.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/{id}");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task An_unpublished_report_is_not_found_in_the_api()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Submitted);

        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync($"/api/reports/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_summary_sums_a_regions_published_reports_and_counts_the_board()
    {
        var (region, _) = await factory.NewAgency("接口汇总区人民政府", kind: Domain.Agencies.AgencyKind.PeopleGovernment);
        var (_, fa) = await factory.NewAgency("接口汇总区甲局", region);
        var (_, fb) = await factory.NewAgency("接口汇总区乙局", region);
        await factory.Report(fa, 2022, ReportState.Published, CompleteReport.Balanced(2022, received: 3));
        await factory.Report(fb, 2022, ReportState.Published, CompleteReport.Balanced(2022, received: 4));

        var body = await Json(await Anonymous().GetAsync($"/api/summary?year=2022&region={region.Code}"));

        Assert.Equal(2, body.GetProperty("reports").GetInt32());
        Assert.Equal(7, body.GetProperty("cells").GetProperty("s3.received.natural").GetInt32());
        Assert.Equal("接口汇总区人民政府", body.GetProperty("regionName").GetString());
        var onTime = body.GetProperty("onTime");
        Assert.Equal(3, new[] { "onTime", "late", "missing", "open" }.Sum(s => onTime.GetProperty(s).GetInt32()));
        var board = await Json(await Anonymous().GetAsync(onTime.GetProperty("agencies").GetString()));
        Assert.Equal(3, board.GetProperty("agencies").GetArrayLength());
        Assert.Equal(onTime.GetProperty("onTime").GetInt32(), board.GetProperty("onTime").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous().GetAsync("/api/summary?year=2022&region=no-such-region")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous().GetAsync("/api/summary")).StatusCode);
    }

    [Fact]
    public async Task A_total_one_agency_left_blank_still_counts_in_the_regions_total()
    {
        var (region, _) = await factory.NewAgency("接口合计汇总区人民政府", kind: Domain.Agencies.AgencyKind.PeopleGovernment);
        var (_, fa) = await factory.NewAgency("接口合计汇总区甲局", region);
        var (_, fb) = await factory.NewAgency("接口合计汇总区乙局", region);
        var blankTotal = CompleteReport.Balanced(2022, received: 4);
        blankTotal.Cells.Remove("s3.received.total");
        await factory.Report(fa, 2022, ReportState.Published, CompleteReport.Balanced(2022, received: 3));
        await factory.Report(fb, 2022, ReportState.Published, blankTotal);

        var body = await Json(await Anonymous().GetAsync($"/api/summary?year=2022&region={region.Code}"));

        Assert.Equal(7, body.GetProperty("cells").GetProperty("s3.received.total").GetInt32());
    }

    [Fact]
    public async Task A_published_correction_replaces_its_first_revision_in_the_summary()
    {
        var (region, _) = await factory.NewAgency("接口更正汇总区人民政府", kind: Domain.Agencies.AgencyKind.PeopleGovernment);
        var (_, filler) = await factory.NewAgency("接口更正汇总区甲局", region);
        var id = await factory.Report(filler, 2021, ReportState.Published, CompleteReport.Balanced(2021, received: 3));
        var client = Anonymous();
        var before = await Json(await client.GetAsync($"/api/summary?year=2021&region={region.Code}"));

        await factory.PublishCorrection(filler, id, "数据更正", CompleteReport.Balanced(2021, received: 8));
        var after = await Json(await client.GetAsync($"/api/summary?year=2021&region={region.Code}"));

        Assert.Equal(3, before.GetProperty("cells").GetProperty("s3.received.natural").GetInt32());
        Assert.Equal(8, after.GetProperty("cells").GetProperty("s3.received.natural").GetInt32());
        Assert.Equal(1, after.GetProperty("reports").GetInt32());
    }
}
