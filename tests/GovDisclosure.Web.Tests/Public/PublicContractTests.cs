using GovDisclosure.Tests.Shared;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovDisclosure.Domain.Workflow;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>The API's contract: problem+json errors in Chinese on every route, the OpenAPI document matching docs/api.md, downloads named for people.</summary>
public sealed partial class PublicContractTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Theory]
    [InlineData("/api/reports?year=abc", 400, "year（报告年度）应在2008至2100之间")]
    [InlineData("/api/reports?pageSize=500", 400, "pageSize（每页条数）应在1至100之间")]
    [InlineData("/api/reports?page=99999999999", 400, "page（页码）应在1至10000之间")]
    [InlineData("/api/reports?agency=x", 400, "agency（机关编号）应为正整数")]
    [InlineData("/api/reports?q=%00", 400, "不能包含控制字符")]
    [InlineData("/api/reports?region=no-such-region", 404, "地区不存在")]
    [InlineData("/api/reports/987654", 404, "报告不存在")]
    [InlineData("/api/reports/abc", 404, "报告不存在")]
    [InlineData("/api/summary", 400, "year（报告年度")]
    [InlineData("/api/summary?year=abc", 400, "2008至2100")]
    [InlineData("/api/summary?year=2022&region=no-such-region", 404, "地区不存在")]
    [InlineData("/api/summary?year=2022&region=%00", 400, "不能包含控制字符")]
    [InlineData("/api/no-such-thing", 404, "接口不存在")]
    public async Task Every_api_error_is_problem_json_with_a_chinese_detail(string url, int status, string detail)
    {
        var response = await Anonymous().GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(detail, body.RootElement.GetProperty("detail").GetString());
        Assert.Equal(status, body.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_post_to_the_api_is_refused_as_problem_json()
    {
        var response = await Anonymous().PostAsync("/api/reports", new StringContent(string.Empty));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("只接受 GET", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_route_and_parameter_in_docs_api_md_is_in_the_openapi_document()
    {
        var response = await Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var openApi = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = openApi.RootElement.GetProperty("paths");
        var documented = DocumentedRoutes(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "api.md")));

        Assert.Contains(documented, r => r.Path == "/api/reports" && r.Parameters.Contains("pageSize"));
        Assert.True(documented.Count >= 9, $"docs/api.md lists {documented.Count} routes");
        foreach (var (path, parameters) in documented)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"docs/api.md documents {path}, the OpenAPI document does not have it");
            var get = item.GetProperty("get");
            var names = get.TryGetProperty("parameters", out var list) ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToHashSet() : [];
            foreach (var parameter in parameters)
            {
                Assert.True(names.Contains(parameter), $"{path}: docs/api.md documents the parameter {parameter}, the OpenAPI document does not");
            }
        }

        var year = paths.GetProperty("/api/reports").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "year");
        Assert.Equal("integer", year.GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Downloads_are_named_for_people_with_an_ascii_fallback()
    {
        var (_, filler) = await factory.NewAgency("下载命名测试局");
        var id = await factory.Report(filler, 2021, ReportState.Published);
        await factory.PublishCorrection(filler, id, "自然人申请数量有误", CompleteReport.Balanced(2021, received: 7));
        var client = Anonymous();

        var pdf = await client.GetAsync($"/Reports/{id}/pdf");
        var first = await client.GetAsync($"/Reports/{id}/revisions/1/pdf");
        var csv = await client.GetAsync($"/Reports/{id}/csv");
        var json = await client.GetAsync($"/Reports/{id}/json");

        var disposition = pdf.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("下载命名测试局2021年政府信息公开工作年度报告.pdf", disposition.FileNameStar);
        Assert.Equal($"report-{id}-2021-r2.pdf", disposition.FileName!.Trim('"'));
        Assert.Contains("filename*=UTF-8''", pdf.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("下载命名测试局2021年政府信息公开工作年度报告（第1版）.pdf", first.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("下载命名测试局2021年政府信息公开工作年度报告.csv", csv.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("下载命名测试局2021年政府信息公开工作年度报告.json", json.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task The_api_and_the_yearly_zip_say_which_revision_is_current_and_carry_every_reason()
    {
        var (_, filler) = await factory.NewAgency("版本说明测试局");
        var id = await factory.Report(filler, 2020, ReportState.Published);
        await factory.PublishCorrection(filler, id, "依申请公开数量统计有误", CompleteReport.Balanced(2020, received: 9));
        var client = Anonymous();

        using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/reports/{id}"));
        var zipResponse = await client.GetAsync("/downloads/2020.zip");
        using var zip = new ZipArchive(await zipResponse.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var index = JsonDocument.Parse(zip.GetEntry("index.json")!.Open());

        Assert.Equal(2, api.RootElement.GetProperty("currentRevision").GetInt32());
        Assert.True(api.RootElement.GetProperty("corrected").GetBoolean());
        var revisions = api.RootElement.GetProperty("revisions").EnumerateArray().ToList();
        Assert.True(revisions[0].GetProperty("current").GetBoolean());
        Assert.Equal("依申请公开数量统计有误", revisions[0].GetProperty("correctionReason").GetString());
        Assert.False(revisions[1].GetProperty("current").GetBoolean());
        Assert.Equal($"/Reports/{id}/compare?from=1&to=2", api.RootElement.GetProperty("links").GetProperty("compare").GetString());

        Assert.Equal("2020年政府信息公开工作年度报告.zip", zipResponse.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.NotNull(zip.GetEntry("版本说明测试局2020年政府信息公开工作年度报告.pdf"));
        var entry = index.RootElement.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(2, entry.GetProperty("currentRevision").GetInt32());
        Assert.Equal("依申请公开数量统计有误", entry.GetProperty("revisions")[0].GetProperty("correctionReason").GetString());
        Assert.True(entry.GetProperty("revisions")[0].GetProperty("current").GetBoolean());
        Assert.Equal(2, entry.GetProperty("revisions").GetArrayLength());
    }

    /// <summary>Each "## `GET /path`" heading with the parameters of its table, and each route in the downloads table.</summary>
    private static List<(string Path, List<string> Parameters)> DocumentedRoutes(string markdown)
    {
        var routes = new List<(string Path, List<string> Parameters)>();
        List<string>? current = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                current = [];
                routes.Add((heading.Groups[1].Value, current));
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = null;
            }
            else if (line.StartsWith("| `", StringComparison.Ordinal))
            {
                var first = line.Split('|')[1];
                var names = Code().Matches(first).Select(m => m.Groups[1].Value).ToList();
                if (current is null)
                {
                    // The downloads table: every route there, its path parameters as parameters.
                    routes.AddRange(names.Where(n => n.StartsWith('/')).Select(n => (n, PathParameter().Matches(n).Select(m => m.Groups[1].Value).ToList())));
                }
                else
                {
                    current.AddRange(names);
                }
            }
        }

        return routes;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovDisclosure.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GovDisclosure.sln not found above the test directory.");
    }

    [GeneratedRegex(@"^## `GET (/[^`?]*)`")]
    private static partial Regex Heading();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();
}
