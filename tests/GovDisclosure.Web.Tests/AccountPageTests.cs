using System.Net;
using GovDisclosure.Web.Tests.Support;

namespace GovDisclosure.Web.Tests;

public sealed class AccountPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task Signing_in_with_the_right_password_opens_the_filler_dashboard()
    {
        var client = await PageClient.SignedIn(factory, "filler");

        var page = await client.Get("/Account");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("年度报告填报", page.Text);
        Assert.Contains("示范市教育局", page.Text);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_user_name_and_says_so_in_chinese()
    {
        var client = PageClient.For(factory);
        var login = await client.Get("/Account/Login");

        var page = await client.Submit(login, "form", new() { ["Input.UserName"] = "reviewer", ["Input.Password"] = "wrong-password-1A" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("用户名或密码不正确", page.Text);
        Assert.Equal("reviewer", page.Single("#Input_UserName").GetAttribute("value"));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_with_a_chinese_message()
    {
        using (var scope = factory.Services.CreateScopeForUsers(out var users))
        {
            await StaffPortalFactory.CreateUser(users, "locky", "锁定测试", factory.EducationId, GovDisclosure.Infrastructure.Identity.Roles.Filler);
        }

        var client = PageClient.For(factory);
        Page page = null!;
        for (var i = 0; i < 5; i++)
        {
            page = await client.Submit(await client.Get("/Account/Login"), "form", new() { ["Input.UserName"] = "locky", ["Input.Password"] = "Wrong-password-9" });
        }

        Assert.Contains("已被暂时锁定", page.Text);
        page = await client.Submit(await client.Get("/Account/Login"), "form", new() { ["Input.UserName"] = "locky", ["Input.Password"] = StaffPortalFactory.Password });
        Assert.Contains("已被暂时锁定", page.Text);
    }

    [Theory]
    [InlineData("/Work")]
    [InlineData("/Review")]
    [InlineData("/Admin")]
    [InlineData("/Account/Manage/ChangePassword")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string url)
    {
        var page = await PageClient.For(factory).Get(url, follow: false);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/Account/Login?ReturnUrl=", page.Location);
    }

    [Fact]
    public async Task A_filler_opening_the_admin_area_is_refused_with_403()
    {
        var client = await PageClient.SignedIn(factory, "filler");

        var page = await client.Get("/Admin");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("无权访问", page.Text);
    }

    [Fact]
    public async Task The_menu_follows_the_roles()
    {
        var filler = await (await PageClient.SignedIn(factory, "filler")).Get("/Work");
        var admin = await (await PageClient.SignedIn(factory, "admin")).Get("/Admin");

        var fillerMenu = filler.Single("nav.staff-nav").TextContent;
        var adminMenu = admin.Single("nav.staff-nav").TextContent;
        Assert.Contains("填报", fillerMenu);
        Assert.DoesNotContain("管理", fillerMenu);
        Assert.DoesNotContain("审核", fillerMenu);
        Assert.Contains("管理", adminMenu);
        Assert.Contains("审核", adminMenu);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_then_works()
    {
        using (var scope = factory.Services.CreateScopeForUsers(out var users))
        {
            await StaffPortalFactory.CreateUser(users, "changer", "改密测试", factory.EducationId, GovDisclosure.Infrastructure.Identity.Roles.Filler);
        }

        var client = await PageClient.SignedIn(factory, "changer");
        var form = await client.Get("/Account/Manage/ChangePassword");
        var refused = await client.Submit(form, "main form", new() { ["Input.OldPassword"] = "Not-the-password-1", ["Input.NewPassword"] = "Another-Secret-77", ["Input.ConfirmPassword"] = "Another-Secret-77" });
        Assert.Contains("当前密码不正确", refused.Text);

        var done = await client.Submit(refused, "main form", new() { ["Input.OldPassword"] = StaffPortalFactory.Password, ["Input.NewPassword"] = "Another-Secret-77", ["Input.ConfirmPassword"] = "Another-Secret-77" });
        Assert.Contains("密码已修改", done.Text);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await PageClient.SignedIn(factory, "filler");
        var work = await client.Get("/Work");

        await client.Submit(work, "form[action='/Account/Logout']");
        var after = await client.Get("/Work", follow: false);

        Assert.Equal(HttpStatusCode.Redirect, after.Status);
    }
}
