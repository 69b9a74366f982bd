using GovDisclosure.Application.Common;
using GovDisclosure.Application.Oversight;
using GovDisclosure.Application.Reports;
using GovDisclosure.Application.Similarity;
using GovDisclosure.Application.Tests.Reports;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Similarity;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Similarity;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovDisclosure.Application.Tests.Similarity;

/// <summary>
/// 雷同 through the stored index in PostgreSQL, as the review page and the filler's warning read it: a copied 总体情况 is
/// found with its passage and source, shared statutory text is not, and a source the reviewer may not see is never named.
/// </summary>
public sealed class SimilarityReviewTests : IAsyncLifetime
{
    private const string Overview2023 =
        "2023年，新华区甲局坚持以人民为中心的发展思想，围绕优化营商环境和民生保障两条主线推进政务公开。一是完善主动公开目录，梳理权责清单事项146项，" +
        "在门户网站开设“惠企政策直达”专栏，集中发布减税降费、稳岗补贴等政策解读32篇。二是规范依申请公开办理流程，建立登记、审核、答复、归档全流程台账，" +
        "全年未发生逾期答复。三是加强政策解读回应，主要负责人参加“政风行风热线”直播访谈4次，就群众关心的学区划分、校外培训治理等问题现场答疑。" +
        "四是强化平台建设，完成政府信息公开专栏迁移改版，实现栏目统一、标识统一、检索统一。";

    /// <summary>Last year's 总体情况 with the year and a few figures changed, and one sentence added: what CASS found in the wild.</summary>
    private const string Overview2024Copied =
        "2024年，新华区甲局坚持以人民为中心的发展思想，围绕优化营商环境和民生保障两条主线推进政务公开。一是完善主动公开目录，梳理权责清单事项152项，" +
        "在门户网站开设“惠企政策直达”专栏，集中发布减税降费、稳岗补贴等政策解读41篇。二是规范依申请公开办理流程，建立登记、审核、答复、归档全流程台账，" +
        "全年未发生逾期答复。三是加强政策解读回应，主要负责人参加“政风行风热线”直播访谈5次，就群众关心的学区划分、校外培训治理等问题现场答疑。" +
        "四是强化平台建设，完成政府信息公开专栏迁移改版，实现栏目统一、标识统一、检索统一。本年度还新增了政策文件库的全文检索功能。";

    private static readonly string Statutory =
        StatutoryBoilerplate.StandardSentences[1] + "，特向社会公布本年度政府信息公开工作年度报告。本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。" +
        "本报告的电子版可以在门户网站查阅或下载。如对本报告有任何疑问，请与政府信息公开工作机构联系。";

    private static readonly SimilarityMatcher Matcher = new();

    private ReportWorld world = null!;

    public async Task InitializeAsync()
    {
        world = await ReportWorld.CreateAsync("gd_similarity");
        world.Listeners.Add(new IndexingListener(world));
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task A_report_whose_overview_copies_last_years_is_flagged_with_the_matching_passage_and_its_source()
    {
        var lastYear = await world.ReportInStateAsync(world.FillerA, 2023, ReportState.Published, WithOverview(2023, Overview2023));
        var id = ReportWorld.Ok(await world.StartAsync(world.FillerA, 2024)).ReportId!.Value;

        // The filler is warned on saving, and cannot submit before explaining.
        var saved = ReportWorld.Ok(await SaveAsync(world.FillerA, id, WithOverview(2024, Overview2024Copied)));
        var warning = Assert.Single(saved.Findings, f => f.RuleId == RuleIds.Copied);
        Assert.Contains("“一、总体情况”有", warning.Message, StringComparison.Ordinal);
        Assert.Contains("与新华区甲局2023年度报告相同", warning.Message, StringComparison.Ordinal);
        var refused = await SubmitAsync(world.FillerA, id);
        Assert.Equal(UseCaseStatus.Rejected, refused.Status);
        Assert.Contains(refused.Findings, f => f.RuleId == RuleIds.Copied);
        await ExplainAndSubmitAsync(world.FillerA, id, WithOverview(2024, Overview2024Copied));

        var review = await ReviewAsync(world.Reviewer, id);

        var overview = review.Sections.Single(s => s.Key == SectionKeys.Overview);
        Assert.True(overview.ReachesThreshold);
        Assert.InRange(overview.Percent, 80, 100);
        var source = Assert.Single(overview.Sources);
        Assert.Equal((lastYear, "新华区甲局", 2023, true), (source.ReportId, source.AgencyName, source.Year, source.IsPublished));
        var repeated = string.Concat(overview.Segments.Where(s => s.IsRepeated).Select(s => s.Text));
        Assert.Contains("建立登记、审核、答复、归档全流程台账", repeated, StringComparison.Ordinal);
        Assert.DoesNotContain("新增了政策文件库的全文检索功能", repeated, StringComparison.Ordinal);
        Assert.Equal(Overview2024Copied, string.Concat(overview.Segments.Select(s => s.Text)));
    }

    [Fact]
    public async Task A_report_sharing_only_the_statutory_boilerplate_with_last_year_is_not_flagged()
    {
        await world.ReportInStateAsync(world.FillerA, 2023, ReportState.Published, WithOverview(2023,
            Statutory + "本年度我局重点围绕义务教育招生入学政策开展解读，制作图解和问答材料，在新生报名期间集中推送，并在各校门口张贴二维码方便家长查询。"));
        var id = ReportWorld.Ok(await world.StartAsync(world.FillerA, 2024)).ReportId!.Value;
        var content = WithOverview(2024,
            Statutory.Replace("2023", "2024", StringComparison.Ordinal) + "今年的重点转向安全生产领域，我局对辖区内危险化学品经营单位的行政处罚决定全部在七个工作日内公开，并建立了处罚信息定期撤回机制。");

        var saved = ReportWorld.Ok(await SaveAsync(world.FillerA, id, content));
        await ExplainAndSubmitAsync(world.FillerA, id, content);
        var review = await ReviewAsync(world.Reviewer, id);

        Assert.DoesNotContain(saved.Findings, f => f.RuleId == RuleIds.Copied);
        Assert.All(review.Sections, s => Assert.Empty(s.Sources));
        Assert.All(review.Sections, s => Assert.DoesNotContain(s.Segments, segment => segment.IsRepeated));
    }

    [Fact]
    public async Task Another_agencys_submitted_copy_is_named_only_within_the_reviewers_scope_and_never_once_it_is_a_draft_again()
    {
        var id = ReportWorld.Ok(await world.StartAsync(world.FillerA, 2024)).ReportId!.Value;
        await ExplainAndSubmitAsync(world.FillerA, id, WithOverview(2024, Overview2024Copied));
        var copy = ReportWorld.Ok(await world.StartAsync(world.FillerB, 2024)).ReportId!.Value;
        await ExplainAndSubmitAsync(world.FillerB, copy, WithOverview(2024, Overview2024Copied.Replace("甲局", "乙局", StringComparison.Ordinal)));
        var reviewerOfA = new UserScope("u-rva", "甲局审核人", world.BureauA.Id, world.BureauA.Path, IsFiller: false, IsReviewer: true, IsAdmin: false);

        var region = (await ReviewAsync(world.Reviewer, id)).Sections.Single(s => s.Key == SectionKeys.Overview);
        var ownOnly = (await ReviewAsync(reviewerOfA, id)).Sections.Single(s => s.Key == SectionKeys.Overview);
        ReportWorld.Ok(await world.ReturnAsync(world.Reviewer, copy, await world.VersionAsync(copy)));
        var afterReturn = (await ReviewAsync(world.Reviewer, id)).Sections.Single(s => s.Key == SectionKeys.Overview);

        var named = Assert.Single(region.Sources);
        Assert.Equal(("新华区乙局", false), (named.AgencyName, named.IsPublished));
        Assert.Empty(ownOnly.Sources);
        Assert.Equal(0, ownOnly.Percent);
        Assert.Empty(afterReturn.Sources);
        Assert.DoesNotContain(afterReturn.Segments, s => s.IsRepeated);
    }

    private static ReportDocument WithOverview(int year, string overview)
    {
        var content = GovDisclosure.Tests.Shared.CompleteReport.Balanced(year);
        content.Sections[SectionKeys.Overview] = overview;
        return content;
    }

    private SimilarityCheck Check(GovDisclosureDbContext db) => new(db, new PostgresSimilarityStore(db), Matcher, new ReviewSettingsAdmin(db, world.Clock));

    private static SimilarityIndexer Indexer(GovDisclosureDbContext db) =>
        new(db, new PostgresSimilarityStore(db), Matcher, NullLogger<SimilarityIndexer>.Instance);

    private async Task<UseCaseResult> SaveAsync(UserScope scope, int id, ReportDocument content, IReadOnlyDictionary<string, string>? notes = null)
    {
        var version = await world.VersionAsync(id);
        await using var db = world.Db();
        return await new SaveReport(db, world.Clock, Check(db)).ExecuteAsync(scope, new SaveReportInput(id, version, content, notes));
    }

    private async Task<UseCaseResult> SubmitAsync(UserScope scope, int id)
    {
        var version = await world.VersionAsync(id);
        await using var db = world.Db();
        return await new SubmitReport(db, world.Clock, Check(db), Indexer(db)).ExecuteAsync(scope, id, version);
    }

    /// <summary>Saves with a 说明 for every warning the save raised (W_COPY included), then submits.</summary>
    private async Task ExplainAndSubmitAsync(UserScope scope, int id, ReportDocument content)
    {
        var saved = ReportWorld.Ok(await SaveAsync(scope, id, content));
        ReportWorld.Ok(await SaveAsync(scope, id, content, saved.Findings.ToDictionary(f => f.Key, _ => "制度性表述沿用上年，数据已更新。")));
        ReportWorld.Ok(await SubmitAsync(scope, id));
    }

    private async Task<SimilarityReview> ReviewAsync(UserScope scope, int id)
    {
        await using var db = world.Db();
        var review = await new SimilarityQueries(db, Check(db), new ReviewSettingsAdmin(db, world.Clock)).ForReviewAsync(scope, id);
        Assert.NotNull(review);
        return review;
    }

    /// <summary>The web's listener, on a context of its own as a request would have.</summary>
    private sealed class IndexingListener(ReportWorld world) : IPublicationListener
    {
        public async Task PublishedAsync(ReportPublished published, CancellationToken ct)
        {
            await using var db = world.Db();
            await Indexer(db).PublishedAsync(published, ct);
        }
    }
}
