using System.Text.Json;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Public;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>The public report page and API show the findings stored at publication, and never run the rules.</summary>
public sealed class PublishedFindingsTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private PageClient Anonymous() => new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    [Fact]
    public async Task The_report_page_and_api_show_the_stored_warnings_even_when_the_rules_would_now_say_otherwise()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published, PublicSiteFactory.WithBlank(2023, "存储校验测试"), explanation: "本机关无科研机构申请，故未填写。");

        // Fill the blank cell in the published snapshot itself: rules run over it now would find nothing to warn about.
        await using (var db = factory.Db())
        {
            var publication = await db.Publications.AsNoTracking().SingleAsync(p => p.ReportId == id);
            var snapshot = InterchangeJson.Read(publication.InterchangeJson);
            snapshot.Cells["s3.received.research"] = 0;
            Assert.DoesNotContain(ReportChecker.Check(snapshot), f => f.RuleId == RuleIds.BlankAsZero);
            await Tamper(db, $"""UPDATE publications SET "InterchangeJson" = {InterchangeJson.Write(snapshot)}::json WHERE "Id" = {publication.Id}""");
        }

        await EvictAsync(id);
        var page = await Anonymous().Get($"/Reports/{id}");

        var item = page.Single(".warnings li#finding-0");
        Assert.Equal(RuleIds.BlankAsZero, item.GetAttribute("data-rule"));
        Assert.Equal("空白单元格按0处理", item.QuerySelector("strong")!.TextContent.Trim());
        Assert.Contains("有1个单元格未填写，已按0计算（三 一、本年新收申请数量：科研机构）", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("机关说明：本机关无科研机构申请，故未填写。", item.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(RuleIds.BlankAsZero, page.Single("#validation").TextContent, StringComparison.Ordinal);
        // The page shows the read model stored at publication, so the tampered snapshot does not reach it: still blank.
        Assert.Equal(string.Empty, page.Single("#cell-s3\\.received\\.research").TextContent.Trim());

        using var api = JsonDocument.Parse(await (await Anonymous().Http.GetAsync($"/api/reports/{id}")).Content.ReadAsStringAsync());
        var validation = api.RootElement.GetProperty("validation");
        Assert.False(validation.GetProperty("passedAll").GetBoolean());
        var warning = Assert.Single(validation.GetProperty("warnings").EnumerateArray());
        Assert.Equal((RuleIds.BlankAsZero, "空白单元格按0处理"), (warning.GetProperty("rule").GetString(), warning.GetProperty("name").GetString()));
        Assert.Equal(["s3.received.research"], warning.GetProperty("cells").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("本机关无科研机构申请，故未填写。", warning.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task A_revision_without_stored_findings_says_so_instead_of_claiming_it_passed()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published);
        await using (var db = factory.Db())
        {
            await Tamper(db, $"""UPDATE publications SET "Findings" = NULL WHERE "ReportId" = {id}""");

            // As a database from before findings and pages were stored has it: no page, so it is built from the publication.
            await db.Database.ExecuteSqlAsync($"""DELETE FROM public_report_pages WHERE "ReportId" = {id}""");
        }

        await EvictAsync(id);
        var page = await Anonymous().Get($"/Reports/{id}");

        var validation = page.Single("#validation").TextContent;
        Assert.Contains("本版本发布时的校验结果尚未载入", validation, StringComparison.Ordinal);
        Assert.DoesNotContain("通过全部勾稽校验", validation, StringComparison.Ordinal);
    }

    /// <summary>Rewrites a publication behind the append-only trigger's back, as only a test may.</summary>
    private static async Task Tamper(Infrastructure.Data.GovDisclosureDbContext db, FormattableString sql)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE publications DISABLE TRIGGER publications_immutable");
        await db.Database.ExecuteSqlAsync(sql);
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE publications ENABLE TRIGGER publications_immutable");
        await transaction.CommitAsync();
    }

    private async Task EvictAsync(int id)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IPublicSiteCache>().EvictReportAsync(id);
    }
}
