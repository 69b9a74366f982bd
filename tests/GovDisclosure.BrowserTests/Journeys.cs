using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GovDisclosure.BrowserTests;

/// <summary>
/// The journeys that matter, in headless Chromium against the real server: fill and submit, return with a
/// cell comment and resubmit, approve and publish, and unsaved input surviving a closed tab. Each journey sets up its own agency so they run in any order.
/// </summary>
public sealed class Journeys(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_filler_fills_a_T2021_report_sees_the_imbalance_at_its_cell_fixes_it_explains_the_warnings_and_submits()
    {
        var region = await portal.SeedRegionAsync("示范", "");
        var page = await portal.SignInAsync(region.Filler);

        await page.GotoAsync("/Work");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建2024年度报告" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("已新建2024年度报告");

        // One imbalance: 12 requests received, only 10 answered and none carried over (R3-A).
        await page.Locator("#cell-s3\\.received\\.natural").FillAsync("12");
        await page.Locator("#cell-s3\\.granted\\.natural").FillAsync("10");
        await page.Locator("#section-text-other").FillAsync("本年度未收取信息处理费。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

        var received = page.Locator("#cell-s3\\.received\\.natural");
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("未保存");
        await Expect(received).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(received).ToHaveValueAsync("12");
        await Expect(page.Locator(".findings")).ToContainTextAsync("R3-A");
        await received.ScrollIntoViewIfNeededAsync();
        await PortalSeeding.ScreenshotAsync(page, "screenshot-editor-error.png");

        await page.Locator("#cell-s3\\.granted\\.natural").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("已保存");
        await Expect(page.Locator("#cell-s3\\.received\\.natural")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // Tables 三 and 四 really are zero where blank: one click each, and their blank-cell warnings go away.
        await Expect(page.Locator(".findings")).ToContainTextAsync("三、收到和处理政府信息公开申请情况有");
        await page.Locator("[data-fill-zero='s3']").ClickAsync();
        await page.Locator("[data-fill-zero='s4']").ClickAsync();
        await Expect(page.Locator("#cell-s3\\.received\\.legal")).ToHaveValueAsync("0");
        await Expect(page.Locator("#cell-s3\\.received\\.total")).ToHaveValueAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("已保存");
        // With every other table still untouched (and so quiet), there may be no findings list left at all.
        await Expect(page.Locator("main")).Not.ToContainTextAsync("三、收到和处理政府信息公开申请情况有");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("四、政府信息公开行政复议、行政诉讼情况有");

        // What is left still needs a 说明 before submitting. Table 二, untouched, was quiet while filling in: the first
        // submission names its blanks, each with its box beside the warning.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并提交审核" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("已保存，但未能提交");
        await ExplainEveryWarningAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并提交审核" }).ClickAsync();

        await Expect(page.Locator("body")).ToContainTextAsync("已保存并提交审核");
        await Expect(page.Locator(".state").First).ToHaveTextAsync("已提交");
        await page.GotoAsync("/Work");
        await Expect(page.Locator(".list-table")).ToContainTextAsync("已提交");
        await PortalSeeding.ScreenshotAsync(page, "screenshot-dashboard.png");
    }

    [Fact]
    public async Task A_reviewer_returns_a_report_with_a_cell_comment_and_the_filler_sees_it_at_the_cell_fixes_and_resubmits()
    {
        var region = await portal.SeedRegionAsync("示范", "");
        var id = await portal.SeedSubmittedAsync(region, received: 20);

        var reviewer = await portal.SignInAsync(region.Reviewer);
        await reviewer.GotoAsync($"/Review/Reports/{id}");
        await reviewer.Locator("#Comment_Target").SelectOptionAsync("cell:s3.received.natural");
        await reviewer.Locator("#Comment_Text").FillAsync("自然人申请数与登记台账不符，请核对。");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "保存意见" }).ClickAsync();
        await Expect(reviewer.Locator("body")).ToContainTextAsync("审核意见已保存");
        await PortalSeeding.ScreenshotAsync(reviewer, "screenshot-review.png");
        await reviewer.Locator("#ReturnSummary").FillAsync("数据需核对后重新提交。");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Expect(reviewer.Locator("body")).ToContainTextAsync("已退回");

        var filler = await portal.SignInAsync(region.Filler);
        await filler.GotoAsync($"/Work/Reports/{id}/Edit");
        var cell = filler.Locator("#cell-s3\\.received\\.natural");
        var describedBy = await cell.GetAttributeAsync("aria-describedby") ?? string.Empty;
        var noteId = describedBy.Split(' ').Single(i => i.StartsWith("note-", StringComparison.Ordinal));
        await Expect(filler.Locator($"#{noteId}")).ToContainTextAsync("自然人申请数与登记台账不符，请核对。");

        await cell.FillAsync("21");
        await filler.Locator("#cell-s3\\.granted\\.natural").FillAsync("21");
        await filler.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(filler.Locator("body")).ToContainTextAsync("已保存");
        await ExplainEveryWarningAsync(filler);
        await filler.GetByRole(AriaRole.Button, new() { Name = "保存并提交审核" }).ClickAsync();

        await Expect(filler.Locator("body")).ToContainTextAsync("已保存并提交审核");
        await using var db = portal.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(ReportState.Submitted, report.State);
        Assert.Equal(21m, report.Cells["s3.received.natural"]);
    }

    [Fact]
    public async Task A_reviewer_other_than_the_submitter_approves_and_publishes_and_the_report_is_then_on_the_public_site()
    {
        var region = await portal.SeedRegionAsync("示范", "");
        var id = await portal.SeedSubmittedAsync(region, received: 15);

        var reviewer = await ApproveAndPublishAsync(region, id);
        await Expect(reviewer.Locator(".timeline")).ToContainTextAsync("发布");

        string title;
        await using (var db = portal.Db())
        {
            var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal(ReportState.Published, report.State);
            Assert.Equal(1, await db.Publications.CountAsync(p => p.ReportId == id));
            title = report.Title;
        }

        // The public site (another branch) serves /Reports/{id} to anyone: this last step passes once it is merged.
        var visitor = await portal.NewPageAsync();
        var response = await visitor.GotoAsync($"/Reports/{id}");
        Assert.Equal(200, response?.Status);
        await Expect(visitor.Locator("body")).ToContainTextAsync(region.AgencyName);
        await Expect(visitor.Locator("body")).ToContainTextAsync(title);
    }

    [Fact]
    public async Task On_a_390_px_phone_the_report_page_never_scrolls_sideways_and_keeps_its_row_labels_legible()
    {
        var region = await portal.SeedRegionAsync("示范", "");
        var id = await portal.SeedSubmittedAsync(region, received: 12);
        var reviewer = await ApproveAndPublishAsync(region, id);

        var phone = await portal.NewPageAsync(390, 844);
        var response = await phone.GotoAsync($"/Reports/{id}");
        Assert.Equal(200, response?.Status);

        var scrollWidth = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var innerWidth = await phone.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(scrollWidth <= innerWidth, $"the page is {scrollWidth} px wide in a {innerWidth} px viewport");

        // Every row label of every table at least four characters (of its own font size) wide.
        var narrowest = await phone.EvaluateAsync<double>("""
            () => Math.min(...[...document.querySelectorAll('table.report-table tbody th')]
                .map(th => th.getBoundingClientRect().width / parseFloat(getComputedStyle(th).fontSize)))
            """);
        Assert.True(narrowest >= 4, $"the narrowest row label is {narrowest:0.0} characters wide");

        await phone.EvaluateAsync("() => document.getElementById('heading-requests').scrollIntoView()");
        await PortalSeeding.ScreenshotAsync(phone, "screenshot-mobile-report.png");
    }

    [Fact]
    public async Task Input_typed_but_never_saved_survives_a_closed_tab_and_is_offered_back()
    {
        var region = await portal.SeedRegionAsync("示范", "");
        var page = await portal.SignInAsync(region.Filler);
        await page.GotoAsync("/Work");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建2024年度报告" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("已新建2024年度报告");
        var editor = page.Url;

        await page.Locator("#cell-s3\\.received\\.natural").FillAsync("37");
        await page.Locator("#cell-s3\\.granted\\.natural").FillAsync("37");
        await page.Locator("#section-text-other").FillAsync("本年度未收取信息处理费。");
        await Expect(page.Locator("#save-status")).ToContainTextAsync("已暂存", new() { Timeout = 15000 });
        // The tab closes without 保存 (Playwright skips the beforeunload prompt); the draft is on the server.
        var browser = page.Context;
        await page.CloseAsync();
        var reopened = await browser.NewPageAsync();
        await reopened.GotoAsync(editor);

        var received = reopened.Locator("#cell-s3\\.received\\.natural");
        await Expect(received).ToHaveValueAsync(string.Empty);
        await Expect(reopened.Locator("#draft-offer")).ToBeVisibleAsync();
        await reopened.Locator("#draft-offer").GetByRole(AriaRole.Link, new() { Name = "恢复" }).ClickAsync();
        await Expect(received).ToHaveValueAsync("37");
        await Expect(reopened.Locator("#section-text-other")).ToHaveValueAsync("本年度未收取信息处理费。");

        await reopened.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(reopened.Locator("body")).ToContainTextAsync("已保存");
        await reopened.GotoAsync(editor);
        await Expect(reopened.Locator("#cell-s3\\.received\\.natural")).ToHaveValueAsync("37");
        await Expect(reopened.Locator("#draft-offer")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_half_balanced_table_3_survives_a_refused_save_and_another_browser_signed_in_as_the_same_user_finishes_it()
    {
        var region = await portal.SeedRegionAsync("示范", "");
        var office = await portal.SignInAsync(region.Filler);
        await office.GotoAsync("/Work");
        await office.GetByRole(AriaRole.Button, new() { Name = "新建2024年度报告" }).ClickAsync();
        await Expect(office.Locator("body")).ToContainTextAsync("已新建2024年度报告");
        var editor = office.Url;
        await office.Locator("#cell-s3\\.received\\.natural").FillAsync("12");
        await office.Locator("#cell-s3\\.granted\\.natural").FillAsync("5");
        await office.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(office.Locator("#error-summary")).ToContainTextAsync("已暂存在服务器上");

        // SignInAsync opens a new browser context: no cookies, no local storage shared with the office one.
        var laptop = await portal.SignInAsync(region.Filler);
        await laptop.GotoAsync(editor);
        await Expect(laptop.Locator("#draft-offer")).ToContainTextAsync("暂存了未保存的内容");
        await PortalSeeding.ScreenshotAsync(laptop, "screenshot-editor-draft-offer.png");
        await laptop.Locator("#draft-offer").GetByRole(AriaRole.Link, new() { Name = "恢复" }).ClickAsync();
        await Expect(laptop.Locator("#cell-s3\\.received\\.natural")).ToHaveValueAsync("12");
        await laptop.Locator("#cell-s3\\.granted\\.natural").FillAsync("12");
        await laptop.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(laptop.Locator("body")).ToContainTextAsync("已保存");
        await Expect(laptop.Locator("#cell-s3\\.granted\\.natural")).ToHaveValueAsync("12");
        await Expect(laptop.Locator("#draft-offer")).ToBeHiddenAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>The region's reviewer approves and then publishes a submitted report through the review page's dialogs.</summary>
    private async Task<IPage> ApproveAndPublishAsync(SeededRegion region, int id)
    {
        var reviewer = await portal.SignInAsync(region.Reviewer);
        await reviewer.GotoAsync($"/Review/Reports/{id}");
        await reviewer.GetByText("审核通过…").ClickAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "确认审核通过" }).ClickAsync();
        await Expect(reviewer.Locator("body")).ToContainTextAsync("已审核通过");
        await reviewer.GetByText("发布…").ClickAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "确认发布" }).ClickAsync();
        await Expect(reviewer.Locator("body")).ToContainTextAsync("已发布");
        return reviewer;
    }

    /// <summary>Writes a 说明 into every warning box, as the filler must before submitting.</summary>
    private static async Task ExplainEveryWarningAsync(IPage page)
    {
        var boxes = page.Locator("textarea.explanation");
        var count = await boxes.CountAsync();
        Assert.True(count > 0, "the real rules raise at least one warning for a sparse report");
        for (var i = 0; i < count; i++)
        {
            await boxes.Nth(i).FillAsync("经核对，情况属实。");
        }
    }
}
