using Microsoft.Extensions.Time.Testing;
using GovDisclosure.Tests.Shared;
using System.Net;
using System.Reflection;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>The published record as a reader meets it: corrections announced and compared, findings in words, the on-time board fair to new agencies.</summary>
public sealed class PublicRecordPageTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private PageClient Anonymous() => new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    [Fact]
    public async Task A_corrected_report_opens_with_a_notice_and_its_comparison_shows_the_changed_cells_and_sentences()
    {
        var (_, filler) = await factory.NewAgency("更正公告测试局");
        var id = await factory.Report(filler, 2021, ReportState.Published, CompleteReport.Balanced(2021, received: 5, marker: "原有说明。"));
        await factory.PublishCorrection(filler, id, "自然人申请数量统计有误", CompleteReport.Balanced(2021, received: 8, marker: "更正后的说明。"));

        var page = await Anonymous().Get($"/Reports/{id}");
        var compareLink = page.Single($"#revisions a[href='/Reports/{id}/compare?from=1&to=2']");
        var compare = await Anonymous().Get(compareLink.GetAttribute("href")!);

        var notice = page.Single("#correction-notice");
        Assert.Contains("本报告已于", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("更正", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("更正原因：自然人申请数量统计有误", notice.TextContent, StringComparison.Ordinal);
        Assert.Same(page.Single("main").FirstElementChild, notice);

        Assert.Equal(HttpStatusCode.OK, compare.Status);
        var row = compare.Single("tr.changed[data-cell='s3.received.natural']");
        Assert.Equal("三 一、本年新收申请数量 — 自然人", row.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal("原为5", row.QuerySelector("del")!.TextContent.Trim());
        Assert.Equal("改为8", row.QuerySelector("ins")!.TextContent.Trim());
        Assert.Null(compare.Find("tr.changed[data-cell='s3.carried_in.natural']"));
        Assert.Contains("三、收到和处理政府信息公开申请情况", compare.Single("#cells-heading ~ h3").TextContent, StringComparison.Ordinal);
        Assert.Contains(compare.Document.QuerySelectorAll(".text-diff del"), d => d.TextContent.Contains("原有说明。", StringComparison.Ordinal));
        Assert.Contains(compare.Document.QuerySelectorAll(".text-diff ins"), d => d.TextContent.Contains("更正后的说明。", StringComparison.Ordinal));
        Assert.DoesNotContain(compare.Document.QuerySelectorAll(".text-diff del"), d => d.TextContent.Contains("认真贯彻落实", StringComparison.Ordinal));
        Assert.Contains("更正原因：自然人申请数量统计有误", compare.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_whose_stored_page_outgrows_the_read_buffer_is_shown_to_its_last_sentence_and_the_next_page_is_its_own()
    {
        // Six sections of about 4,000 characters: a stored page of about 90 KB, beyond the page reader's 64 KB buffer
        // (PublicPageReader.ReadBufferBytes), read through Npgsql's one-off buffer and a pooled array larger than the page.
        const string last = "以上为长篇说明的最后一句。";
        var marker = string.Concat(Enumerable.Repeat("本机关持续推进政务公开标准化规范化建设，做到应公开尽公开。", 150)) + last;
        var (_, filler) = await factory.NewAgency();
        var big = await factory.Report(filler, 2021, ReportState.Published, CompleteReport.Balanced(2021, marker: marker));
        var small = await factory.Report(filler, 2022, ReportState.Published, CompleteReport.Balanced(2022, marker: "短说明。"));

        var bigPage = await Anonymous().Get($"/Reports/{big}");
        var smallPage = await Anonymous().Get($"/Reports/{small}");

        Assert.Equal(HttpStatusCode.OK, bigPage.Status);
        Assert.Equal(SectionKeys.All.Count, bigPage.Document.QuerySelectorAll("section.report-section > p").Count(p => p.TextContent.EndsWith(last, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, smallPage.Status);
        Assert.Contains("短说明。", smallPage.Single("article.report-document").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(last, smallPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_publication_has_no_notice_and_a_revision_that_was_never_published_cannot_be_compared()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2022, ReportState.Published);
        await factory.CorrectionDraft(filler, id, "草稿中的更正", CompleteReport.Balanced(2022, received: 9), "无");

        var page = await Anonymous().Get($"/Reports/{id}");
        var draft = await Anonymous().Get($"/Reports/{id}/compare?from=1&to=2");

        Assert.Null(page.Find("#correction-notice"));
        Assert.Equal(HttpStatusCode.NotFound, draft.Status);
    }

    [Fact]
    public async Task A_finding_reads_in_words_without_its_rule_code_and_links_to_its_entry_on_the_rules_page()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published, PublicSiteFactory.WithBlank(2023, "规则链接测试"), explanation: "确无此类申请。");

        var page = await Anonymous().Get($"/Reports/{id}");
        var rules = await Anonymous().Get("/rules");

        var item = page.Single(".warnings li");
        Assert.Equal("空白单元格按0处理", item.QuerySelector("strong")!.TextContent.Trim());
        var link = item.QuerySelector("a.rule-link")!;
        Assert.Equal("/rules#rule-W_BLANK_AS_ZERO", link.GetAttribute("href"));
        Assert.DoesNotContain(RuleIds.BlankAsZero, page.Single("main").TextContent, StringComparison.Ordinal);

        var entry = rules.Single("#rule-W_BLANK_AS_ZERO");
        Assert.Contains("空白单元格按0处理", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("例：", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("W_BLANK_AS_ZERO", entry.TextContent, StringComparison.Ordinal);
        var everyRule = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        foreach (var rule in everyRule)
        {
            Assert.NotNull(rules.Find($"[id='rule-{rule}']"));
        }

        Assert.EndsWith("校验规则说明 - 政府信息公开工作年度报告平台", rules.Single("title").TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(rules.Find("link[rel='icon'][href='/favicon.svg']"));
    }

    [Fact]
    public async Task An_agency_founded_after_a_deadline_is_not_late_for_that_year()
    {
        var (region, _) = await factory.NewAgency("按时榜区人民政府", kind: AgencyKind.PeopleGovernment);
        var (old, _) = await factory.NewAgency("按时榜老局", region);
        Agency founded;
        await using (var db = factory.Db())
        {
            var parent = db.Agencies.Single(a => a.Id == region.Id);
            founded = new Agency("按时榜新设局", "ONTIME-NEW", AgencyKind.Department, AdministrativeLevel.DistrictedCity, parent, reportsFrom: new DateOnly(2025, 2, 10));
            db.Agencies.Add(founded);
            await db.SaveChangesAsync();
        }

        var before = factory.Clock.GetUtcNow();
        factory.Clock.AdjustTime(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        try
        {
            var board2024 = await Anonymous().Get($"/OnTime?year=2024&region={region.Code}");
            var board2025 = await Anonymous().Get($"/OnTime?year=2025&region={region.Code}");
            var home = await Anonymous().Get("/");

            Assert.Equal("逾期未发布", board2024.Single($"#board tr[data-agency='{old.Id}'] td:last-child").TextContent.Trim());
            Assert.Null(board2024.Find($"#board tr[data-agency='{founded.Id}']"));
            Assert.Equal("未到期", board2025.Single($"#board tr[data-agency='{founded.Id}'] td:last-child").TextContent.Trim());
            Assert.NotNull(board2024.Find("#o-year option[value='2025']"));
            Assert.NotNull(home.Find("nav a[href='/OnTime']"));
        }
        finally
        {
            factory.Clock.AdjustTime(before);
        }
    }

    [Fact]
    public async Task The_summarys_counts_agree_with_the_on_time_list_across_overrides_reporting_periods_and_the_beijing_day()
    {
        var (region, _) = await factory.NewAgency("计数区人民政府", kind: AgencyKind.PeopleGovernment);
        var (district, _) = await factory.NewAgency("计数区下辖镇人民政府", region, AgencyKind.PeopleGovernment);
        var (_, lastMinute) = await factory.NewAgency("计数区甲局", region);
        var (_, nextDay) = await factory.NewAgency("计数区乙局", region);
        var (_, extended) = await factory.NewAgency("计数区下辖镇丙办", district);
        await using (var db = factory.Db())
        {
            var parent = db.Agencies.Single(a => a.Id == region.Id);
            db.Agencies.Add(new Agency("计数区新设局", "COUNT-NEW", AgencyKind.Department, AdministrativeLevel.DistrictedCity, parent, reportsFrom: new DateOnly(2025, 3, 1)));
            db.Agencies.Add(new Agency("计数区撤销局", "COUNT-OLD", AgencyKind.Department, AdministrativeLevel.DistrictedCity, parent, reportsUntil: new DateOnly(2022, 6, 30)));
            // The town moves its departments' deadline and leaves its own (null) to the statute.
            db.DeadlineOverrides.Add(new DeadlineOverride(2023, db.Agencies.Single(a => a.Id == district.Id), new DateOnly(2024, 2, 15), null));
            await db.SaveChangesAsync();
        }

        var before = factory.Clock.GetUtcNow();
        try
        {
            // 23:59 on 31 January in Beijing is on time; a minute past midnight is 1 February there, and late.
            factory.Clock.AdjustTime(new DateTimeOffset(2024, 1, 31, 23, 59, 0, TimeSpan.FromHours(8)));
            await factory.Report(lastMinute, 2023, ReportState.Published);
            factory.Clock.AdjustTime(new DateTimeOffset(2024, 2, 1, 0, 1, 0, TimeSpan.FromHours(8)));
            await factory.Report(nextDay, 2023, ReportState.Published);
            factory.Clock.AdjustTime(new DateTimeOffset(2024, 2, 10, 9, 0, 0, TimeSpan.FromHours(8)));
            await factory.Report(extended, 2023, ReportState.Published);
            factory.Clock.AdjustTime(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)));

            var summary = await Anonymous().Get($"/Summary?year=2023&region={region.Code}");
            var list = await Anonymous().Get($"/OnTime?year=2023&region={region.Code}");

            // On time: 甲局 and 丙办 (the town's extension); late: 乙局; missing: the district and the town (both
            // governments, 31 March); the founded and the dissolved agencies are not on the board at all.
            var expected = new Dictionary<string, int> { ["count-ontime"] = 2, ["count-late"] = 1, ["count-missing"] = 2, ["count-open"] = 0 };
            foreach (var (id, count) in expected)
            {
                Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), summary.Single($"#{id}").TextContent.Trim());
                Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), list.Single($"#{id}").TextContent.Trim());
            }

            var statuses = list.Document.QuerySelectorAll("#board tbody tr").Select(r => r.GetAttribute("data-status")).ToList();
            Assert.Equal(5, statuses.Count);
            Assert.Equal(2, statuses.Count(s => s == nameof(DeadlineStatus.OnTime)));
            Assert.Contains("共5个机关", summary.Single("#board-list").TextContent, StringComparison.Ordinal);
        }
        finally
        {
            factory.Clock.AdjustTime(before);
        }
    }

    [Fact]
    public async Task The_on_time_list_comes_a_page_at_a_time_and_says_when_a_status_is_not_understood()
    {
        var (region, _) = await factory.NewAgency("分页区人民政府", kind: AgencyKind.PeopleGovernment);
        await using (var db = factory.Db())
        {
            var parent = db.Agencies.Single(a => a.Id == region.Id);
            for (var i = 0; i < 200; i++)
            {
                db.Agencies.Add(new Agency($"分页区第{i:000}局", $"PAGE-{i:000}", AgencyKind.Department, AdministrativeLevel.DistrictedCity, parent));
            }

            await db.SaveChangesAsync();
        }

        var first = await Anonymous().Get($"/OnTime?year=2023&region={region.Code}");
        var second = await Anonymous().Get(first.Single(".pager a[rel='next']").GetAttribute("href")!);
        var bogus = await Anonymous().Get($"/OnTime?year=2023&region={region.Code}&status=3&page=x");

        Assert.Equal(200, first.Document.QuerySelectorAll("#board tbody tr").Length);
        Assert.Contains("第1页，共2页", first.Single(".pager").TextContent, StringComparison.Ordinal);
        Assert.Single(second.Document.QuerySelectorAll("#board tbody tr"));
        Assert.Equal(HttpStatusCode.OK, bogus.Status);
        Assert.Contains("status", bogus.Single("#parameter-message").TextContent, StringComparison.Ordinal);
        Assert.Equal(200, bogus.Document.QuerySelectorAll("#board tbody tr").Length);
    }
}
