using System.Net;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Tests;

/// <summary>The reviewer sees what will be published, comments on a cell where it is, confirms before acting, and sees what a resubmission changed.</summary>
public sealed class ReviewerViewPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    private const string Natural = "s3.received.natural";

    private static string ReviewUrl(int id) => $"/Review/Reports/{id}";

    private async Task<int> Submitted(decimal received = 40)
    {
        var (agency, _) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        await factory.FillAndSubmit(id, (Natural, received));
        return id;
    }

    [Fact]
    public async Task Clicking_a_cell_opens_the_comment_box_with_that_cell_chosen()
    {
        var id = await Submitted();
        var reviewer = await PageClient.SignedIn(factory, "reviewer");
        var page = await reviewer.Get(ReviewUrl(id));

        var link = page.Single($"a#cell-{Natural.Replace(".", "\\.", StringComparison.Ordinal)}");
        Assert.Equal($"cell:{Natural}", link.GetAttribute("data-comment-target"));
        var opened = await reviewer.Get(link.GetAttribute("href")!);

        var chosen = opened.Single("#Comment_Target option[selected]");
        Assert.Equal($"cell:{Natural}", chosen.GetAttribute("value"));
        Assert.Equal(ReportTemplates.Get(TemplateVersion.T2021).Cell(Natural).DisplayName, chosen.TextContent);
        var saved = await reviewer.Submit(opened, "#comment-form", new() { ["Comment.Text"] = "请核对自然人申请数。" });
        Assert.Contains("审核意见已保存", saved.Text);
        Assert.Contains("审核意见：请核对自然人申请数。", saved.Single($"#cell-{Natural.Replace(".", "\\.", StringComparison.Ordinal)}").ParentElement!.TextContent);
    }

    [Fact]
    public async Task Approving_and_publishing_each_ask_for_confirmation_naming_the_report_and_what_happens()
    {
        var id = await Submitted();
        var reviewer = await PageClient.SignedIn(factory, "reviewer");
        var page = await reviewer.Get(ReviewUrl(id));
        string title;
        await using (var db = factory.Db())
        {
            title = (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Title;
        }

        var approve = page.Single("details#approve-confirm");
        Assert.Equal("审核通过…", approve.QuerySelector("summary")!.TextContent);
        Assert.Null(approve.GetAttribute("open"));
        Assert.Contains($"确认审核通过《{title}》第1版", approve.TextContent);

        var approved = await reviewer.Submit(page, "#approve-form");

        var publish = approved.Single("details#publish-confirm");
        Assert.Contains($"确认发布《{title}》第1版", publish.TextContent);
        Assert.Contains("发布后公众即可查看", publish.TextContent);
        Assert.Equal("确认发布", publish.QuerySelector("#publish-form button")!.TextContent);
    }

    [Fact]
    public async Task The_review_page_embeds_the_pdf_preview_drawn_inline_for_the_reviewer()
    {
        var id = await Submitted();
        var reviewer = await PageClient.SignedIn(factory, "reviewer");

        var page = await reviewer.Get(ReviewUrl(id));
        var frame = page.Single("#pdf-preview iframe");
        var pdf = await reviewer.Http.GetAsync(frame.GetAttribute("src"));

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("frame-ancestors 'self'", pdf.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
        var filler = await PageClient.SignedIn(factory, "filler2");
        var refused = await filler.Http.GetAsync(frame.GetAttribute("src"));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_resubmission_shows_the_changes_since_the_return_and_which_comments_were_addressed()
    {
        var id = await Submitted(5);
        var reviewer = await PageClient.SignedIn(factory, "reviewer");
        var page = await reviewer.Get($"{ReviewUrl(id)}?comment=cell:{Natural}");
        page = await reviewer.Submit(page, "#comment-form", new() { ["Comment.Text"] = "自然人申请数偏少，请核对。" });
        page = await reviewer.Submit(page, "#comment-form", new() { ["Comment.Target"] = "section:problems", ["Comment.Text"] = "请写明存在的问题。" });
        await reviewer.Submit(page, "#return-form", new() { ["ReturnSummary"] = "请按意见修改。" });

        await factory.FillAndSubmit(id, (Natural, 8));

        var review = await reviewer.Get(ReviewUrl(id));

        var since = review.Single("#since-return");
        var name = ReportTemplates.Get(TemplateVersion.T2021).Cell(Natural).DisplayName;
        var row = since.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == name);
        Assert.Equal(["5", "8"], row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains("自然人申请数偏少，请核对。（退回后已修改）", since.TextContent.Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Contains("请写明存在的问题。（退回后未修改）", since.TextContent.Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));
        var cell = review.Single($"#cell-{Natural.Replace(".", "\\.", StringComparison.Ordinal)}").ParentElement!;
        Assert.Contains("退回时 5", cell.TextContent);
        Assert.Contains("审核意见：自然人申请数偏少，请核对。（退回后已修改）", cell.TextContent);
    }
}
