using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

/// <summary>Two colleagues edit one report at once: each field is merged, and nobody's text is lost or overwritten silently.</summary>
public sealed class MergePageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    private const string Save = "button[formaction*='handler=Save']";

    private static string EditUrl(int id) => $"/Work/Reports/{id}/Edit";

    private async Task<(int Id, PageClient A, PageClient B)> TwoColleagues()
    {
        var (agency, filler) = await factory.NewFiller();
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await StaffPortalFactory.CreateUser(users, $"colleague{agency}", "钱同事", agency, Roles.Filler);
        }

        var id = await factory.StartReport(agency, 2024);
        return (id, await PageClient.SignedIn(factory, filler), await PageClient.SignedIn(factory, $"colleague{agency}"));
    }

    [Fact]
    public async Task Two_users_editing_different_sections_at_once_both_keep_their_changes()
    {
        var (id, a, b) = await TwoColleagues();
        var pageA = await a.Get(EditUrl(id));
        var pageB = await b.Get(EditUrl(id));

        await a.Submit(pageA, "#report-form", new() { ["Input.Sections[overview]"] = "甲写的总体情况。" }, Save);
        var result = await b.Submit(pageB, "#report-form", new() { ["Input.Sections[problems]"] = "乙写的问题和改进。" }, Save);

        Assert.Contains("已保存", result.Text);
        Assert.Contains("已合并他人在您编辑期间保存的1项修改", result.Text);
        Assert.Equal("甲写的总体情况。", result.Single("textarea[name='Input.Sections[overview]']").TextContent);
        await using var db = factory.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal("甲写的总体情况。", report.Sections["overview"]);
        Assert.Equal("乙写的问题和改进。", report.Sections["problems"]);
        var texts = await db.AuditEntries.AsNoTracking().Where(e => e.ReportId == id && e.Action == AuditActions.TextChanged).ToListAsync();
        Assert.Equal("甲写的总体情况。", Assert.Single(texts, e => e.UserName != "钱同事").NewValue);
        Assert.Equal("乙写的问题和改进。", Assert.Single(texts, e => e.UserName == "钱同事").NewValue);
    }

    [Fact]
    public async Task The_same_section_edited_by_both_shows_both_versions_and_loses_neither()
    {
        var (id, a, b) = await TwoColleagues();
        var pageA = await a.Get(EditUrl(id));
        var pageB = await b.Get(EditUrl(id));
        await a.Submit(pageA, "#report-form", new() { ["Input.Sections[overview]"] = "甲的总体情况。" }, Save);

        var choice = await b.Submit(pageB, "#report-form", new() { ["Input.Sections[overview]"] = "乙的总体情况。", ["Input.Cells[s3.received.natural]"] = "3", ["Input.Cells[s3.granted.natural]"] = "3" }, Save);

        var merge = choice.Single("#merge-choice");
        Assert.Contains("一、总体情况", merge.TextContent);
        Assert.Contains("甲的总体情况。", merge.TextContent);
        Assert.Contains("乙的总体情况。", merge.TextContent);
        Assert.Contains("请逐项选择保留哪个版本", choice.Single("#error-summary").TextContent);
        await using (var db = factory.Db())
        {
            var untouched = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal("甲的总体情况。", untouched.Sections["overview"]);
            Assert.Empty(untouched.Cells);
        }

        var unpicked = await b.Submit(choice, "#report-form", buttonSelector: Save);
        Assert.Contains("请选择““一、总体情况”正文”保留哪个版本", unpicked.Single("#error-summary").TextContent);
        Assert.NotNull(unpicked.Find("#merge-choice"));

        var saved = await b.Submit(unpicked, "#report-form", new() { ["Input.Choices[0].Pick"] = "mine" }, Save);

        Assert.Contains("已保存", saved.Text);
        await using var after = factory.Db();
        var report = await after.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal("乙的总体情况。", report.Sections["overview"]);
        Assert.Equal(3m, report.Cells["s3.received.natural"]);
        var change = await after.AuditEntries.AsNoTracking().Where(e => e.ReportId == id && e.Action == AuditActions.TextChanged && e.UserName == "钱同事").SingleAsync();
        Assert.Equal(("甲的总体情况。", "乙的总体情况。"), (change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task Choosing_the_other_persons_version_keeps_it_and_saves_the_rest()
    {
        var (id, a, b) = await TwoColleagues();
        var pageA = await a.Get(EditUrl(id));
        var pageB = await b.Get(EditUrl(id));
        await a.Submit(pageA, "#report-form", new() { ["Input.Title"] = "甲改的标题" }, Save);
        var choice = await b.Submit(pageB, "#report-form", new() { ["Input.Title"] = "乙改的标题", ["Input.Sections[problems]"] = "乙的问题。" }, Save);

        var saved = await b.Submit(choice, "#report-form", new() { ["Input.Choices[0].Pick"] = "theirs" }, Save);

        Assert.Contains("已保存", saved.Text);
        await using var db = factory.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal("甲改的标题", report.Title);
        Assert.Equal("乙的问题。", report.Sections["problems"]);
    }
}
