using System.Net;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

/// <summary>暂存: what a filler typed survives a refused save and a change of device, and stays theirs alone.</summary>
public sealed class DraftPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    private static string EditUrl(int id) => $"/Work/Reports/{id}/Edit";

    private static Dictionary<string, string> HalfBalancedTable3() => new()
    {
        ["Input.Cells[s3.received.natural]"] = "10",
        ["Input.Cells[s3.granted.natural]"] = "4",
        ["Input.Sections[overview]"] = "本年度，我局认真贯彻落实条例。",
    };

    [Fact]
    public async Task A_half_balanced_table_survives_a_refused_save_and_is_offered_on_another_device_where_it_can_be_finished()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var office = await PageClient.SignedIn(factory, filler);
        var page = await office.Get(EditUrl(id));

        var refused = await office.Submit(page, "#report-form", HalfBalancedTable3(), "button[formaction*='handler=Save']");

        var summary = refused.Single("#error-summary").TextContent;
        Assert.Contains("未保存", summary);
        Assert.Contains("已暂存在服务器上", summary);

        var laptop = await PageClient.SignedIn(factory, filler);
        var opened = await laptop.Get(EditUrl(id));
        var offer = opened.Single("#draft-offer").TextContent;
        Assert.Contains("填报", offer);
        Assert.Contains("暂存了未保存的内容", offer);
        Assert.Equal(string.Empty, opened.Cell("s3.received.natural").Value);

        var restored = await laptop.Get(opened.Single("#draft-offer a").GetAttribute("href")!);
        Assert.Equal("10", restored.Cell("s3.received.natural").Value);
        Assert.Equal("4", restored.Cell("s3.granted.natural").Value);
        Assert.Contains("尚未保存", restored.Single("#draft-restored").TextContent);
        Assert.Null(restored.Find("#draft-offer"));

        var saved = await laptop.Submit(restored, "#report-form", new() { ["Input.Cells[s3.granted.natural]"] = "10" }, "button[formaction*='handler=Save']");

        Assert.Contains("已保存", saved.Text);
        Assert.Null(saved.Find("#draft-offer"));
        await using var db = factory.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(10m, report.Cells["s3.granted.natural"]);
        Assert.Equal("本年度，我局认真贯彻落实条例。", report.Sections["overview"]);
        Assert.False(await db.ReportDrafts.AnyAsync(d => d.ReportId == id));
    }

    [Fact]
    public async Task Typing_is_kept_by_the_autosave_handler_without_touching_the_report()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));
        var fields = HalfBalancedTable3();
        fields["Input.RowVersion"] = page.Single("input[name='Input.RowVersion']").GetAttribute("value")!;

        var response = await client.PostTo(page, $"{EditUrl(id)}?handler=Draft", fields);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("已暂存", System.Text.Json.JsonDocument.Parse(response.Html).RootElement.GetProperty("status").GetString());
        await using var db = factory.Db();
        Assert.Empty((await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Cells);
        var draft = await db.ReportDrafts.AsNoTracking().SingleAsync(d => d.ReportId == id);
        Assert.Equal("10", draft.Fields["cell:s3.received.natural"]);
        Assert.Contains("暂存了未保存的内容", (await client.Get(EditUrl(id))).Single("#draft-offer").TextContent);
    }

    [Fact]
    public async Task A_draft_is_never_shown_to_a_colleague_or_a_reviewer()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));
        await client.Submit(page, "#report-form", HalfBalancedTable3(), "button[formaction*='handler=Save']");
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await StaffPortalFactory.CreateUser(users, $"colleague{agency}", "同事", agency, Roles.Filler);
        }

        var colleague = await PageClient.SignedIn(factory, $"colleague{agency}");
        var theirs = await colleague.Get(EditUrl(id));

        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.Null(theirs.Find("#draft-offer"));
        Assert.Equal(string.Empty, (await colleague.Get($"{EditUrl(id)}?draft=restore")).Cell("s3.received.natural").Value);
        var reviewer = await PageClient.SignedIn(factory, "reviewer");
        var review = await reviewer.Get($"/Review/Reports/{id}");
        Assert.DoesNotContain("本年度，我局认真贯彻落实条例。", review.Html);
    }

    [Fact]
    public async Task Discarding_the_offered_draft_removes_it()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        await client.Submit(await client.Get(EditUrl(id)), "#report-form", HalfBalancedTable3(), "button[formaction*='handler=Save']");
        var offered = await client.Get(EditUrl(id));

        var discarded = await client.Submit(offered, "#report-form", buttonSelector: "#draft-offer button");

        Assert.Contains("已放弃暂存的内容", discarded.Text);
        Assert.Null(discarded.Find("#draft-offer"));
        await using var db = factory.Db();
        Assert.False(await db.ReportDrafts.AnyAsync(d => d.ReportId == id));
    }

    [Fact]
    public async Task Submitting_with_a_missing_explanation_says_saved_but_not_submitted_and_never_not_saved()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get(EditUrl(id));

        var result = await client.Submit(page, "#report-form", new() { ["Input.Cells[s3.received.natural]"] = "6", ["Input.Cells[s3.granted.natural]"] = "6" }, "button[formaction*='handler=Submit']");

        var summary = result.Single("#error-summary").TextContent;
        Assert.Contains("已保存，但未能提交", summary);
        Assert.DoesNotContain("未保存", summary);
        Assert.Equal(1, result.Document.QuerySelectorAll("#error-summary h2").Length);
    }
}
