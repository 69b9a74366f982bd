using GovDisclosure.Tests.Shared;
using System.IO.Compression;
using System.Net;
using System.Text;
using GovDisclosure.Domain.Workflow;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>
/// Nothing but published revisions reaches an anonymous reader: every public route is crawled and every body
/// (ZIP entries included) is searched for the marker text of unpublished content.
/// </summary>
public sealed class PublicLeakTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private const int Year = 2023;

    private sealed record World(int Draft, int Returned, int Approved, int Corrected, int AgencyId, string[] Secrets);

    private async Task<World> Seed()
    {
        var (_, fd) = await factory.NewAgency("泄露测试草稿局");
        var draft = await factory.Report(fd, Year, ReportState.Draft, CompleteReport.Balanced(Year, marker: "草稿机密甲"));
        var (_, fr) = await factory.NewAgency("泄露测试退回局");
        var returned = await factory.Report(fr, Year, ReportState.Returned, CompleteReport.Balanced(Year, marker: "退回机密乙"));
        await factory.Comment(returned, "审核意见机密丙");
        var (_, fa) = await factory.NewAgency("泄露测试已通过局");
        var approved = await factory.Report(fa, Year, ReportState.Approved, PublicSiteFactory.WithBlank(Year, "通过未发布机密丁"), explanation: "未发布说明机密戊");

        var (agency, fc) = await factory.NewAgency("泄露测试更正局");
        var corrected = await factory.Report(fc, Year, ReportState.Published, CompleteReport.Balanced(Year, received: 5, marker: "已发布正文"));
        await factory.Comment(corrected, "已发布报告的审核意见机密己");
        await factory.CorrectionDraft(fc, corrected, "更正原因机密庚", PublicSiteFactory.WithBlank(Year, "更正草稿机密辛", received: 77), "更正说明机密壬");

        return new World(draft, returned, approved, corrected, agency.Id,
            ["草稿机密甲", "退回机密乙", "审核意见机密丙", "通过未发布机密丁", "未发布说明机密戊", "已发布报告的审核意见机密己", "更正原因机密庚", "更正草稿机密辛", "更正说明机密壬"]);
    }

    private HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<string> Body(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType == "application/zip")
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var all = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                all.AppendLine(entry.FullName);
                using var reader = new StreamReader(entry.Open());
                all.AppendLine(await reader.ReadToEndAsync());
            }

            return all.ToString();
        }

        // Razor writes CJK as character references; decode so a leak cannot hide behind &#x…;.
        return WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task No_draft_returned_or_approved_revision_comment_or_unpublished_explanation_is_reachable_anonymously()
    {
        var world = await Seed();
        var client = Anonymous();
        var urls = new List<string>
        {
            "/", "/Reports", $"/Reports?year={Year}", "/sitemap.xml", $"/downloads/{Year}.zip",
            "/api/reports", $"/api/reports?year={Year}&pageSize=100", $"/api/summary?year={Year}", $"/Summary?year={Year}",
            $"/Summary/Cell?year={Year}&code=s3.received.natural", $"/Agencies/{world.AgencyId}",
        };
        urls.AddRange(world.Secrets.Select(s => "/Reports?q=" + Uri.EscapeDataString(s)));
        urls.AddRange(world.Secrets.Select(s => "/api/reports?q=" + Uri.EscapeDataString(s)));
        foreach (var id in new[] { world.Draft, world.Returned, world.Approved, world.Corrected })
        {
            urls.AddRange([$"/Reports/{id}", $"/Reports/{id}/json", $"/Reports/{id}/csv", $"/Reports/{id}/pdf", $"/api/reports/{id}",
                $"/Reports/{id}/revisions/1/pdf", $"/Reports/{id}/revisions/2/pdf"]);
        }

        foreach (var url in urls)
        {
            var body = await Body(await client.GetAsync(url));
            // A search page repeats its own query in the search box; that is the reader's text, not a leak.
            foreach (var secret in world.Secrets.Where(s => !Uri.UnescapeDataString(url).Contains(s, StringComparison.Ordinal)))
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{url} shows “{secret}”");
            }
        }
    }

    [Fact]
    public async Task Unpublished_reports_are_not_found_by_id_on_any_route()
    {
        var world = await Seed();
        var client = Anonymous();

        foreach (var id in new[] { world.Draft, world.Returned, world.Approved })
        {
            foreach (var url in new[] { $"/Reports/{id}", $"/Reports/{id}/json", $"/Reports/{id}/csv", $"/Reports/{id}/pdf", $"/Reports/{id}/revisions/1/pdf", $"/api/reports/{id}" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Reports/{world.Corrected}/revisions/2/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_correction_in_progress_leaves_the_public_on_the_published_revision()
    {
        var world = await Seed();
        var client = Anonymous();

        var page = await Body(await client.GetAsync($"/Reports/{world.Corrected}"));
        var json = await Body(await client.GetAsync($"/Reports/{world.Corrected}/json"));
        var api = await Body(await client.GetAsync($"/api/reports/{world.Corrected}"));
        var csv = await Body(await client.GetAsync($"/Reports/{world.Corrected}/csv"));

        Assert.Contains("已发布正文", page);
        Assert.Contains("\"s3.received.natural\": 5", json);
        Assert.Contains("\"revision\":1", api);
        Assert.Contains("s3.received.natural,", csv);
        Assert.DoesNotContain(",77,", csv);
        Assert.DoesNotContain("77", json);
    }

    [Fact]
    public async Task The_staff_area_stays_behind_sign_in()
    {
        var world = await Seed();
        var client = Anonymous();

        foreach (var url in new[] { "/Work", $"/Work/Reports/{world.Draft}/Edit", "/Review", $"/Review/Reports/{world.Approved}", "/Admin" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }
}
