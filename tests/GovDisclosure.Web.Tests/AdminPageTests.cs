using System.Globalization;
using System.Net;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

public sealed class AdminPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task An_admin_creates_an_agency_under_a_parent_and_renames_it()
    {
        var admin = await PageClient.SignedIn(factory, "admin");
        var page = await admin.Get("/Admin/Agencies");

        var created = await admin.Submit(page, "#create-form", new() { ["Create.ParentId"] = factory.CityId.ToString(CultureInfo.InvariantCulture), ["Create.Name"] = "示范市卫生健康委员会", ["Create.Code"] = "health" });

        Assert.Contains("已新建机构", created.Text);
        await using var db = factory.Db();
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "health");
        Assert.Equal("/city/health/", agency.Path);

        var renamed = await admin.Submit(created, $"form.rename-form[data-agency='{agency.Id}']", new() { ["Rename.Name"] = "示范市卫生健康委" });
        Assert.Contains("机构已更名为“示范市卫生健康委”", renamed.Text);
    }

    [Fact]
    public async Task A_bad_agency_code_keeps_the_input_and_says_why()
    {
        var admin = await PageClient.SignedIn(factory, "admin");

        var page = await admin.Submit(await admin.Get("/Admin/Agencies"), "#create-form", new() { ["Create.Name"] = "示范市某局", ["Create.Code"] = "a/b" });

        Assert.Contains("机构代码只能包含字母、数字", page.Text);
        Assert.Equal("示范市某局", page.Single("#Create_Name").GetAttribute("value"));
    }

    [Fact]
    public async Task An_admin_creates_a_user_bound_to_an_agency_with_roles_who_can_then_sign_in()
    {
        var admin = await PageClient.SignedIn(factory, "admin");

        var page = await admin.Submit(await admin.Get("/Admin/Users"), "#create-form", new()
        {
            ["Create.UserName"] = "newfiller",
            ["Create.DisplayName"] = "孙新",
            ["Create.AgencyId"] = factory.EducationId.ToString(CultureInfo.InvariantCulture),
            ["Create.Password"] = StaffPortalFactory.Password,
            ["Create.Roles"] = Roles.Filler,
        });

        Assert.Contains("已新建账户", page.Text);
        var dashboard = await (await PageClient.SignedIn(factory, "newfiller")).Get("/Work");
        Assert.Contains("示范市教育局", dashboard.Text);
    }

    [Fact]
    public async Task A_weak_password_is_refused_in_chinese_and_the_name_is_kept()
    {
        var admin = await PageClient.SignedIn(factory, "admin");

        var page = await admin.Submit(await admin.Get("/Admin/Users"), "#create-form", new()
        {
            ["Create.UserName"] = "weak",
            ["Create.DisplayName"] = "弱密码",
            ["Create.AgencyId"] = factory.EducationId.ToString(CultureInfo.InvariantCulture),
            ["Create.Password"] = "short",
        });

        Assert.Contains("密码至少12位", page.Text);
        Assert.Equal("弱密码", page.Single("#Create_DisplayName").GetAttribute("value"));
    }

    [Fact]
    public async Task An_admin_gives_a_filler_the_reviewer_role()
    {
        using (var scope = factory.Services.CreateScope())
        {
            await StaffPortalFactory.CreateUser(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), "promoted", "晋升", factory.CityId, Roles.Filler);
        }

        var admin = await PageClient.SignedIn(factory, "admin");
        var page = await admin.Get("/Admin/Users");

        var saved = await admin.Submit(page, "tr[data-user='promoted'] form.roles-form", new() { ["roles"] = Roles.Reviewer });

        Assert.Contains("已更新“promoted”的角色", saved.Text);
        var promoted = await PageClient.SignedIn(factory, "promoted");
        Assert.Equal(HttpStatusCode.OK, (await promoted.Get("/Review")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await promoted.Get("/Work")).Status);
    }

    [Fact]
    public async Task An_admin_unlocks_a_locked_account()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await StaffPortalFactory.CreateUser(users, "locked", "被锁定", factory.EducationId, Roles.Filler);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
        }

        var admin = await PageClient.SignedIn(factory, "admin");
        var page = await admin.Get("/Admin/Users");

        var unlocked = await admin.Submit(page, "tr[data-user='locked'] form.unlock-form");

        Assert.Contains("已解除“locked”的锁定", unlocked.Text);
        await PageClient.SignedIn(factory, "locked");
    }

    [Fact]
    public async Task An_admin_opens_a_year_and_sets_its_deadlines()
    {
        var admin = await PageClient.SignedIn(factory, "admin");
        var page = await admin.Get("/Admin/Years");

        var opened = await admin.Submit(page, "tr[data-year='2023'] form.open-form");
        Assert.Contains("2023年度已开放填报", opened.Text);

        var set = await admin.Submit(opened, "tr[data-year='2023'] form.deadlines-form", new() { ["Deadlines.Department"] = "2024-02-15", ["Deadlines.Government"] = "2024-04-15" });
        Assert.Contains("已更新2023年度截止日期", set.Text);
        await using var db = factory.Db();
        var year = await db.ReportingYears.AsNoTracking().SingleAsync(y => y.Year == 2023);
        Assert.True(year.IsOpen);
        Assert.Equal(new DateOnly(2024, 2, 15), year.DepartmentDeadline);
    }

    [Fact]
    public async Task A_deadline_before_the_year_ends_is_refused()
    {
        var admin = await PageClient.SignedIn(factory, "admin");

        var page = await admin.Submit(await admin.Get("/Admin/Years"), "tr[data-year='2024'] form.deadlines-form", new() { ["Deadlines.Department"] = "2024-06-01" });

        Assert.Contains("截止日期应在报告年度之后", page.Text);
    }

    [Fact]
    public async Task A_reviewer_cannot_open_administration()
    {
        var reviewer = await PageClient.SignedIn(factory, "reviewer");

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Get("/Admin/Users")).Status);
    }
}
