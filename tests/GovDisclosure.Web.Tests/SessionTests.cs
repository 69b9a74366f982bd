using Microsoft.Extensions.Time.Testing;
using System.Net;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Public;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

/// <summary>
/// A session ends for every copy of its cookie: each test signs in twice (two browsers, or a stolen copy),
/// does something in one, and watches the other get the sign-in page on its next request.
/// </summary>
public sealed class SessionTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task After_signing_out_a_copy_of_the_old_cookie_gets_the_sign_in_page()
    {
        var user = await NewFiller("s-out");
        var client = await PageClient.SignedIn(factory, user);
        var copy = await SignIn(user);

        await client.Submit(await client.Get("/Work"), "form[action='/Account/Logout']");

        await AssertSentToSignIn(copy);
    }

    [Fact]
    public async Task After_a_password_change_the_other_session_gets_the_sign_in_page_and_this_one_stays()
    {
        var user = await NewFiller("s-pw");
        var client = await PageClient.SignedIn(factory, user);
        var other = await SignIn(user);
        Assert.Equal(HttpStatusCode.OK, (await Get(other, "/Work")).StatusCode);

        var form = await client.Get("/Account/Manage/ChangePassword");
        var done = await client.Submit(form, "main form", new() { ["Input.OldPassword"] = StaffPortalFactory.Password, ["Input.NewPassword"] = "Fresh-Lantern-Road-61", ["Input.ConfirmPassword"] = "Fresh-Lantern-Road-61" });

        Assert.Contains("密码已修改", done.Text);
        await AssertSentToSignIn(other);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/Work")).Status);
    }

    [Fact]
    public async Task After_the_role_is_removed_the_old_cookie_gets_the_sign_in_page()
    {
        var user = await NewFiller("s-role");
        var cookie = await SignIn(user);
        Assert.Equal(HttpStatusCode.OK, (await Get(cookie, "/Work")).StatusCode);

        using (var scope = factory.Services.CreateScopeForUsers(out var users))
        {
            await users.RemoveFromRoleAsync((await users.FindByNameAsync(user))!, Roles.Filler);
        }

        await AssertSentToSignIn(cookie);
    }

    [Fact]
    public async Task A_busy_session_still_ends_eight_hours_after_sign_in_and_an_idle_one_after_thirty_minutes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var user = await NewFiller("s-life");
        var busy = await SignIn(user, host);
        var idle = await SignIn(user, host);

        // A click every 20 minutes keeps the sliding window open until the absolute lifetime is spent.
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed < TimeSpan.FromHours(8); elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            var response = await Get(busy, "/Work", host);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            busy = Renewed(response) ?? busy;
            if (elapsed == TimeSpan.FromMinutes(40))
            {
                await AssertSentToSignIn(idle, host);
            }
        }

        // 7 h 40 min so far; one more click 21 minutes later is within the idle window but past 8 hours.
        clock.Advance(TimeSpan.FromMinutes(21));
        await AssertSentToSignIn(busy, host);
    }

    private async Task<string> NewFiller(string userName)
    {
        using var scope = factory.Services.CreateScopeForUsers(out var users);
        await StaffPortalFactory.CreateUser(users, userName, "会话测试", factory.EducationId, Roles.Filler);
        return userName;
    }

    /// <summary>Signs in with a client that keeps no cookies, and returns the session cookie as a browser would send it.</summary>
    private async Task<string> SignIn(string userName, WebApplicationFactory<Program>? host = null)
    {
        var http = (host ?? factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await http.GetAsync("/Account/Login");
        var antiforgeryCookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var html = await login.Content.ReadAsStringAsync();
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("Input.UserName", userName), new("Input.Password", StaffPortalFactory.Password), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var response = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Renewed(response) ?? throw new InvalidOperationException("no session cookie");
    }

    private static string? Renewed(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("gd.auth=", StringComparison.Ordinal) && c.Length > "gd.auth=".Length)
            : null;

    private async Task<HttpResponseMessage> Get(string cookie, string url, WebApplicationFactory<Program>? host = null)
    {
        var http = (host ?? factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    private async Task AssertSentToSignIn(string cookie, WebApplicationFactory<Program>? host = null)
    {
        var response = await Get(cookie, "/Work", host);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", response.Headers.Location?.ToString());
    }
}
