using GovDisclosure.Tests.Shared;
using System.Net;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

/// <summary>
/// The review page's 雷同 panel and anomaly hints as the reviewer sees them, with the stored index written by the
/// same indexer the portal runs (the backfill for what the seed published, the submission hook for what it submitted).
/// </summary>
public sealed class OversightHintsPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    private const string LastYear =
        "2023年，本局围绕优化营商环境和民生保障两条主线推进政务公开。一是完善主动公开目录，梳理权责清单事项146项，在门户网站开设“惠企政策直达”专栏，" +
        "集中发布减税降费、稳岗补贴等政策解读32篇。二是规范依申请公开办理流程，建立登记、审核、答复、归档全流程台账，全年未发生逾期答复。" +
        "三是强化平台建设，完成政府信息公开专栏迁移改版，实现栏目统一、标识统一、检索统一。";

    private const string ThisYear =
        "2024年，本局围绕优化营商环境和民生保障两条主线推进政务公开。一是完善主动公开目录，梳理权责清单事项152项，在门户网站开设“惠企政策直达”专栏，" +
        "集中发布减税降费、稳岗补贴等政策解读41篇。二是规范依申请公开办理流程，建立登记、审核、答复、归档全流程台账，全年未发生逾期答复。" +
        "三是强化平台建设，完成政府信息公开专栏迁移改版，实现栏目统一、标识统一、检索统一。本年度新开通了12345热线政务公开专席。";

    [Fact]
    public async Task The_reviewer_sees_the_copied_overview_highlighted_with_its_source_and_an_outlying_cell_with_its_numbers()
    {
        var (agency, _) = await factory.NewFiller();
        var lastYear = await SeedAsync(agency, 2023, 30, LastYear, publish: true);
        for (var i = 0; i < 10; i++)
        {
            var (peer, _) = await factory.NewFiller();
            await SeedAsync(peer, 2024, 20 + i, $"本局第{i}号报告的总体情况，各自写法不同，内容也各不相同。", publish: false);
        }

        var id = await SeedAsync(agency, 2024, 400, ThisYear, publish: false);
        var reviewer = await PageClient.SignedIn(factory, "reviewer");

        var page = await reviewer.Get($"/Review/Reports/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Single($"#similarity tr[data-section='{SectionKeys.Overview}']");
        Assert.Contains("达到提示线", row.TextContent, StringComparison.Ordinal);
        var source = page.Single($"#similarity-{SectionKeys.Overview} .similarity-sources a");
        Assert.Equal($"/Reports/{lastYear}", source.GetAttribute("href"));
        Assert.Contains("2023年度报告", source.TextContent, StringComparison.Ordinal);
        var marks = page.Document.QuerySelectorAll($"#similarity-{SectionKeys.Overview} mark.repeated").Select(m => m.TextContent).ToList();
        Assert.Contains(marks, m => m.Contains("建立登记、审核、答复、归档全流程台账", StringComparison.Ordinal));
        Assert.DoesNotContain(marks, m => m.Contains("12345热线政务公开专席", StringComparison.Ordinal));

        var received = page.Single("#anomalies li[data-cell='s3.received.natural'][data-kind='Peers']");
        Assert.Contains("本年400件", received.TextContent, StringComparison.Ordinal);
        Assert.Contains("10家同类机关的中位数", received.TextContent, StringComparison.Ordinal);
        var jumped = page.Single("#anomalies li[data-cell='s3.received.natural'][data-kind='Jump']");
        Assert.Contains("2023年30件", jumped.TextContent, StringComparison.Ordinal);
    }

    /// <summary>A balanced report with the given 总体情况 and 新收, submitted (and published), then indexed as the portal would.</summary>
    private async Task<int> SeedAsync(int agency, int year, decimal received, string overview, bool publish)
    {
        var id = await factory.StartReport(agency, year);
        await factory.Change(id, r =>
        {
            var actor = new Actor("seed-filler", "种子填报", r.AgencyId);
            var content = CompleteReport.Sparse(r, ("s3.received.natural", received));
            content.Sections[SectionKeys.Overview] = overview;
            r.UpdateContent(content, StaffPortalFactory.ExplainEveryWarning(r, content), new Dictionary<string, string>(), actor, DateTimeOffset.UtcNow);
            r.Submit(actor, DateTimeOffset.UtcNow, r.Agency!.Name);
        });

        await using var scope = factory.Services.CreateAsyncScope();
        var indexer = scope.ServiceProvider.GetRequiredService<SimilarityIndexer>();
        if (!publish)
        {
            await indexer.SubmittedAsync(id, CancellationToken.None);
            return id;
        }

        await using (var db = factory.Db())
        {
            var report = await db.Reports.Include(r => r.Agency).SingleAsync(r => r.Id == id);
            var reviewer = new Actor("seed-reviewer", "种子审核", factory.CityId);
            report.Approve(reviewer, DateTimeOffset.UtcNow);
            db.Publications.Add(report.Publish(reviewer, DateTimeOffset.UtcNow, report.Agency!.Name, "%PDF-1.7 seed"u8.ToArray(),
                Domain.Reports.InterchangeJson.Write(report.ToDocument(report.Agency.Name)), previousYear: null));
            await db.SaveChangesAsync();
        }

        await indexer.BackfillAsync();
        return id;
    }
}
