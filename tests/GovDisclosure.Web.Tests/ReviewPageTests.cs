using Microsoft.Extensions.Time.Testing;
using GovDisclosure.Tests.Shared;
using System.Globalization;
using System.Net;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

public sealed class ReviewPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    private static string ReviewUrl(int id) => $"/Review/Reports/{id}";

    /// <summary>A balanced report filled and submitted by a fresh agency's filler; last year's published figures optional.</summary>
    private async Task<(int Id, int AgencyId, string Filler)> Submitted(decimal received = 40, decimal? lastYearReceived = null)
    {
        var (agency, filler) = await factory.NewFiller();
        if (lastYearReceived is { } last)
        {
            await factory.Published(agency, 2023, ("s3.received.natural", last));
        }

        var id = await factory.StartReport(agency, 2024);
        await factory.FillAndSubmit(id, ("s3.received.natural", received));
        return (id, agency, filler);
    }

    [Fact]
    public async Task The_queue_lists_submitted_reports_in_scope_with_counts_per_state()
    {
        var (id, _, _) = await Submitted();
        var client = await PageClient.SignedIn(factory, "reviewer");

        var page = await client.Get("/Review?State=Submitted");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find($"a[href='/Review/Reports/{id}']"));
        Assert.True(int.Parse(page.Single("[data-count='Submitted']").TextContent, CultureInfo.InvariantCulture) >= 1);
        var drafts = await client.Get("/Review?State=Draft");
        Assert.Null(drafts.Find($"a[href='/Review/Reports/{id}']"));
    }

    [Fact]
    public async Task The_overdue_filter_keeps_only_reports_past_their_deadline()
    {
        var (agency, _) = await factory.NewFiller();
        var late = await factory.StartReport(agency, 2023);
        var current = await factory.StartReport(agency, 2024);
        // 1 December 2024: the 2023 report (due 31 January 2024) is overdue, the 2024 one is not yet due.
        await using var onDate = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero)))));
        var reviewer = await PageClient.SignedIn(onDate, "reviewer");

        var page = await reviewer.Get($"/Review?AgencyId={agency}&Overdue=true");

        Assert.NotNull(page.Find($"a[href='/Review/Reports/{late}']"));
        Assert.Null(page.Find($"a[href='/Review/Reports/{current}']"));
        Assert.NotNull((await reviewer.Get($"/Review?AgencyId={agency}")).Find($"a[href='/Review/Reports/{current}']"));
    }

    [Fact]
    public async Task Last_years_figures_stand_beside_this_years_and_large_changes_are_marked()
    {
        var (id, _, _) = await Submitted(received: 40, lastYearReceived: 12);
        var client = await PageClient.SignedIn(factory, "reviewer");

        var page = await client.Get(ReviewUrl(id));

        var cell = page.Single("#cell-s3\\.received\\.natural").ParentElement!;
        Assert.Contains("40", cell.TextContent);
        var previous = cell.QuerySelector(".cell-previous")!;
        Assert.Contains("上年 12", previous.TextContent);
        Assert.Contains("变化较大", previous.TextContent);
        Assert.Contains("cell-previous--large", previous.ClassName);
    }

    [Fact]
    public async Task A_comment_on_a_cell_and_a_return_reach_the_filler_at_that_cell()
    {
        var (id, _, filler) = await Submitted();
        var reviewer = await PageClient.SignedIn(factory, "reviewer");
        var page = await reviewer.Get(ReviewUrl(id));

        var commented = await reviewer.Submit(page, "#comment-form", new() { ["Comment.Target"] = "cell:s3.received.natural", ["Comment.Text"] = "请核对自然人申请数。" });
        Assert.Contains("审核意见已保存", commented.Text);
        var returned = await reviewer.Submit(commented, "#return-form", new() { ["ReturnSummary"] = "数据需核对后重新提交。" });
        Assert.Contains("已退回", returned.Text);

        var editor = await (await PageClient.SignedIn(factory, filler)).Get($"/Work/Reports/{id}/Edit");
        var cell = editor.Cell("s3.received.natural");
        var noteId = cell.GetAttribute("aria-describedby")!.Split(' ').Single(i => i.StartsWith("note-", StringComparison.Ordinal));
        Assert.Equal("审核意见：请核对自然人申请数。", editor.Single($"#{noteId}").TextContent);
        Assert.Contains("数据需核对后重新提交。", editor.Single(".notes").TextContent);
    }

    [Fact]
    public async Task Returning_without_a_reason_is_refused_in_chinese()
    {
        var (id, _, _) = await Submitted();
        var reviewer = await PageClient.SignedIn(factory, "reviewer");

        var page = await reviewer.Submit(await reviewer.Get(ReviewUrl(id)), "#return-form", new() { ["ReturnSummary"] = "  " });

        Assert.Contains("退回时请填写退回意见", page.Text);
        await using var db = factory.Db();
        Assert.Equal(ReportState.Submitted, (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).State);
    }

    [Fact]
    public async Task An_empty_comment_keeps_the_chosen_cell_and_asks_for_text()
    {
        var (id, _, _) = await Submitted();
        var reviewer = await PageClient.SignedIn(factory, "reviewer");

        var page = await reviewer.Submit(await reviewer.Get(ReviewUrl(id)), "#comment-form", new() { ["Comment.Target"] = "cell:s3.received.legal", ["Comment.Text"] = "" });

        Assert.Contains("请填写审核意见", page.Text);
        Assert.Equal("cell:s3.received.legal", page.Single("#Comment_Target option[selected]").GetAttribute("value"));
    }

    [Fact]
    public async Task A_comment_on_a_cell_that_does_not_exist_is_refused_in_chinese()
    {
        var (id, _, _) = await Submitted();
        var reviewer = await PageClient.SignedIn(factory, "reviewer");

        var page = await reviewer.Submit(await reviewer.Get(ReviewUrl(id)), "#comment-form", new() { ["Comment.Target"] = "cell:s9.bogus", ["Comment.Text"] = "?" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("请选择报告中的某一部分或某一单元格", page.Text);
        await using var db = factory.Db();
        Assert.False(await db.ReviewComments.AnyAsync(c => c.ReportId == id));
    }

    [Fact]
    public async Task Approving_works_and_then_offers_publishing()
    {
        var (id, _, _) = await Submitted();
        var reviewer = await PageClient.SignedIn(factory, "reviewer");

        var approved = await reviewer.Submit(await reviewer.Get(ReviewUrl(id)), "#approve-form");

        Assert.Contains("已审核通过", approved.Text);
        Assert.NotNull(approved.Find("#publish-form"));
        Assert.Contains("审核通过", approved.Single(".timeline").TextContent);
    }

    [Fact]
    public async Task The_submitter_cannot_approve_their_own_report()
    {
        var (agency, _) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        using (factory.Services.CreateScopeForUsers(out var users))
        {
            var both = await StaffPortalFactory.CreateUser(users, $"both{agency}", "身兼两职", factory.CityId, Roles.Reviewer);
            await factory.Change(id, r =>
            {
                var actor = new Actor(both.Id, both.DisplayName!, agency);
                var content = CompleteReport.Sparse(r, ("s3.received.natural", 3m));
                r.UpdateContent(content, StaffPortalFactory.ExplainEveryWarning(r, content), new Dictionary<string, string>(), actor, DateTimeOffset.UtcNow);
                r.Submit(actor, DateTimeOffset.UtcNow, r.Agency!.Name);
            });
        }

        var reviewer = await PageClient.SignedIn(factory, $"both{agency}");
        var page = await reviewer.Submit(await reviewer.Get(ReviewUrl(id)), "#approve-form");

        Assert.Contains("提交人不能审核通过自己提交的报告", page.Text);
        await using var db = factory.Db();
        Assert.Equal(ReportState.Submitted, (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).State);
    }

    [Fact]
    public async Task Publishing_with_the_real_renderer_stores_a_pdf_and_the_public_revision()
    {
        var (id, _, _) = await Submitted(received: 9);
        await factory.Change(id, r => r.Approve(new Actor("seed-reviewer", "种子审核", factory.CityId), DateTimeOffset.UtcNow));
        var reviewer = await PageClient.SignedIn(factory, "reviewer");

        var page = await reviewer.Submit(await reviewer.Get(ReviewUrl(id)), "#publish-form");

        Assert.Contains("已发布", page.Text);
        await using var db = factory.Db();
        var publication = await db.Publications.AsNoTracking().SingleAsync(p => p.ReportId == id);
        Assert.Equal("%PDF"u8.ToArray(), publication.Pdf[..4]);
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(ReportState.Published, report.State);
        Assert.Equal(1, report.PublishedRevision);
    }

    [Fact]
    public async Task Publishing_stores_the_pdf_and_snapshot_with_the_state_in_one_go()
    {
        var (id, _, _) = await Submitted(received: 7);
        await factory.Change(id, r => r.Approve(new Actor("seed-reviewer", "种子审核", factory.CityId), DateTimeOffset.UtcNow));
        await using var withPdf = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IReportPdfRenderer, StandInPdfRenderer>()));
        var reviewer = await PageClient.SignedIn(withPdf, "reviewer");

        var page = await reviewer.Submit(await reviewer.Get(ReviewUrl(id)), "#publish-form");

        Assert.Contains("已发布", page.Text);
        await using var db = factory.Db();
        var publication = await db.Publications.AsNoTracking().SingleAsync(p => p.ReportId == id);
        Assert.StartsWith("%PDF-1.7 ", System.Text.Encoding.UTF8.GetString(publication.Pdf), StringComparison.Ordinal);
        Assert.Contains("\"s3.received.natural\": 7", publication.InterchangeJson);
        Assert.Equal(ReportState.Published, (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).State);
    }

    [Fact]
    public async Task A_published_correction_replaces_the_public_page_at_once_even_though_the_old_one_was_cached()
    {
        var (id, _, _) = await Submitted(received: 7);
        var reviewerActor = new Actor("seed-reviewer", "种子审核", factory.CityId);
        await factory.Change(id, r => r.Approve(reviewerActor, DateTimeOffset.UtcNow));
        await using var withPdf = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IReportPdfRenderer, StandInPdfRenderer>()));
        var reviewer = await PageClient.SignedIn(withPdf, "reviewer");
        await reviewer.Submit(await reviewer.Get(ReviewUrl(id)), "#publish-form");
        var reader = withPdf.CreateClient();
        Assert.Contains("\"s3.received.natural\": 7", await reader.GetStringAsync($"/Reports/{id}/json"));

        await factory.Change(id, r => r.OpenCorrection(new Actor("seed-filler", "种子填报", r.AgencyId), DateTimeOffset.UtcNow, "新收申请数登记有误"));
        await factory.FillAndSubmit(id, ("s3.received.natural", 9));
        await factory.Change(id, r => r.Approve(reviewerActor, DateTimeOffset.UtcNow));
        await reviewer.Submit(await reviewer.Get(ReviewUrl(id)), "#publish-form");

        Assert.Contains("\"s3.received.natural\": 9", await reader.GetStringAsync($"/Reports/{id}/json"));
    }

    [Fact]
    public async Task A_pdf_that_fails_to_render_leaves_the_report_approved_and_says_so()
    {
        var (id, _, _) = await Submitted(received: 4);
        await factory.Change(id, r => r.Approve(new Actor("seed-reviewer", "种子审核", factory.CityId), DateTimeOffset.UtcNow));
        await using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IReportPdfRenderer>(new StandInPdfRenderer { Fail = true })));
        var reviewer = await PageClient.SignedIn(broken, "reviewer");

        var page = await reviewer.Submit(await reviewer.Get(ReviewUrl(id)), "#publish-form");

        Assert.Contains("生成PDF失败，报告未发布", page.Text);
        await using var db = factory.Db();
        Assert.Equal(ReportState.Approved, (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).State);
        Assert.False(await db.Publications.AnyAsync(p => p.ReportId == id));
    }

    [Fact]
    public async Task A_stale_version_gets_the_conflict_message()
    {
        var (id, _, _) = await Submitted();
        var reviewer = await PageClient.SignedIn(factory, "reviewer");
        var stale = await reviewer.Get(ReviewUrl(id));
        // Meanwhile the filler withdraws and submits again: same state, newer version.
        await factory.Change(id, r =>
        {
            var actor = new Actor("seed-filler", "种子填报", r.AgencyId);
            r.Withdraw(actor, DateTimeOffset.UtcNow);
            r.Submit(actor, DateTimeOffset.UtcNow, r.Agency!.Name);
        });

        var page = await reviewer.Submit(stale, "#approve-form");

        Assert.Contains("刚刚被他人修改或处理过", page.Text);
        await using var db = factory.Db();
        Assert.Equal(ReportState.Submitted, (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).State);
    }

    [Fact]
    public async Task A_filler_cannot_open_the_review_area()
    {
        var (id, _, filler) = await Submitted();
        var client = await PageClient.SignedIn(factory, filler);

        var page = await client.Get(ReviewUrl(id));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task A_reviewer_of_another_agency_gets_not_found()
    {
        var (id, _, _) = await Submitted();
        using (factory.Services.CreateScopeForUsers(out var users))
        {
            await StaffPortalFactory.CreateUser(users, "transport-reviewer", "交通审核", factory.TransportId, Roles.Reviewer);
        }

        var client = await PageClient.SignedIn(factory, "transport-reviewer");

        Assert.Equal(HttpStatusCode.NotFound, (await client.Get(ReviewUrl(id))).Status);
        Assert.Null((await client.Get("/Review")).Find($"a[href='/Review/Reports/{id}']"));
    }
}
