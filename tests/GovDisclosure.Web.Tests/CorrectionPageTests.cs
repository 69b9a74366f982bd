using System.Net;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Pages.Work.Reports;
using GovDisclosure.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Tests;

public sealed class CorrectionPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    private static string EditUrl(int id) => $"/Work/Reports/{id}/Edit";

    [Fact]
    public async Task A_filler_opens_a_correction_with_a_reason_and_the_published_revision_stays_public()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.Published(agency, 2024, ("s3.received.natural", 8m));
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));
        Assert.Null(page.Find("input.cell-input"));

        var corrected = await client.Submit(page, "#correction-form", new() { ["CorrectionReason"] = "自然人申请数统计有误，应为9件。" });

        Assert.Contains("已发起第2版更正", corrected.Text);
        Assert.Contains("本版为更正版，更正原因：自然人申请数统计有误，应为9件。", corrected.Text);
        Assert.Contains("公众看到的仍是第1版", corrected.Text);
        Assert.Equal("8", corrected.Cell("s3.received.natural").Value);
        Assert.Contains("自然人申请数统计有误，应为9件。", corrected.Single(".corrections").TextContent);
        await using var db = factory.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal((ReportState.Draft, 2, 1), (report.State, report.Revision, report.PublishedRevision));
        Assert.Equal(1, await db.Publications.CountAsync(p => p.ReportId == id));
    }

    [Fact]
    public async Task A_correction_without_a_reason_is_refused_and_names_the_reason_field()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.Published(agency, 2024, ("s3.received.natural", 3m));
        var client = await PageClient.SignedIn(factory, filler);

        var page = await client.Submit(await client.Get(EditUrl(id)), "#correction-form", new() { ["CorrectionReason"] = "  " });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(EditModel.CorrectionReasonMissing, page.Single("#CorrectionReason-error").TextContent);
        await using var db = factory.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal((ReportState.Published, 1), (report.State, report.Revision));
    }

    [Fact]
    public async Task Another_agencys_filler_cannot_open_a_correction()
    {
        var (agency, _) = await factory.NewFiller();
        var id = await factory.Published(agency, 2024, ("s3.received.natural", 2m));
        var client = await PageClient.SignedIn(factory, "filler");
        var own = await client.Get("/Work");

        var page = await client.PostTo(own, $"{EditUrl(id)}?handler=Correct", new() { ["CorrectionReason"] = "越权更正", ["Input.RowVersion"] = "0" });

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        await using var db = factory.Db();
        Assert.Equal(ReportState.Published, (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).State);
    }

    [Fact]
    public async Task Each_correction_reason_stays_in_the_reports_history()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.Published(agency, 2024, ("s3.received.natural", 5m));
        var client = await PageClient.SignedIn(factory, filler);
        await client.Submit(await client.Get(EditUrl(id)), "#correction-form", new() { ["CorrectionReason"] = "第一次更正：错别字。" });
        await factory.FillAndSubmit(id, ("s3.received.natural", 5m));
        await factory.Change(id, r =>
        {
            var reviewer = new Actor("seed-reviewer", "种子审核", factory.CityId);
            r.Approve(reviewer, DateTimeOffset.UtcNow);
        });
        var reviewer = await PageClient.SignedIn(factory, "reviewer");
        await reviewer.Submit(await reviewer.Get($"/Review/Reports/{id}"), "#publish-form");

        var second = await client.Submit(await client.Get(EditUrl(id)), "#correction-form", new() { ["CorrectionReason"] = "第二次更正：补充数据。" });

        var history = second.Single(".corrections").TextContent;
        Assert.Contains("第一次更正：错别字。", history);
        Assert.Contains("第二次更正：补充数据。", history);
        Assert.Contains("公众看到的仍是第2版", second.Text);
    }
}
