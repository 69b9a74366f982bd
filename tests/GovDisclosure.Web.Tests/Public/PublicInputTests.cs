using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>Crafted query strings get a 400 (or 404) that names the allowed range, never a 500 and never a silent clamp.</summary>
public sealed class PublicInputTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Theory]
    [InlineData("page=2147483647", 400, "page（页码）应在1至10000之间")]
    [InlineData("page=0", 400, "page（页码）应在1至10000之间")]
    [InlineData("pageSize=1000", 400, "pageSize（每页条数）应在1至100之间")]
    [InlineData("year=99999", 400, "year（报告年度）应在2008至2100之间")]
    [InlineData("q=%00", 400, "不能包含控制字符")]
    [InlineData("q=%E6%95%99%07", 400, "不能包含控制字符")]
    [InlineData("region=%00", 400, "不能包含控制字符")]
    [InlineData("region=no-such-region", 404, "地区不存在")]
    public async Task A_bad_list_parameter_is_answered_as_problem_json_with_a_chinese_detail(string query, int status, string detail)
    {
        var response = await Anonymous().GetAsync("/api/reports?" + query);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(detail, body.RootElement.GetProperty("detail").GetString());
        Assert.Equal(status, body.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_summary_refuses_a_year_out_of_range_and_an_unknown_region_by_name()
    {
        var year = await Anonymous().GetAsync("/api/summary?year=-5");
        var region = await Anonymous().GetAsync("/api/summary?year=2022&region=no-such-region");

        Assert.Equal(HttpStatusCode.BadRequest, year.StatusCode);
        Assert.Contains("2008至2100", await year.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, region.StatusCode);
        Assert.Contains("地区不存在", await region.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("page=2147483647", 400, "页码）应在1至10000之间")]
    [InlineData("q=%00", 400, "不能包含控制字符")]
    [InlineData("year=3000", 400, "2008至2100")]
    [InlineData("region=no-such-region", 404, "地区不存在")]
    public async Task The_reports_page_says_what_is_wrong_with_its_filters_in_the_public_layout(string query, int status, string message)
    {
        var response = await Anonymous().GetAsync("/Reports?" + query);

        Assert.Equal(status, (int)response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("筛选报告", html);
    }

    [Theory]
    [InlineData("/OnTime?year=2024&region=%00%00%00")]
    [InlineData("/Summary?year=2022&region=%00")]
    public async Task A_region_code_with_a_nul_finds_no_region_instead_of_failing(string url)
    {
        var response = await Anonymous().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
