using System.Diagnostics;
using System.Net;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

/// <summary>Sign-in under attack: rate limits answer 429, and guessing from one address never locks the owner out of theirs.</summary>
public sealed class SignInThrottleTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    /// <summary>A host whose clients say which address they come from (X-Test-Client), with the given limits.</summary>
    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) => factory.WithWebHostBuilder(b =>
    {
        foreach (var (key, value) in settings)
        {
            b.UseSetting(key, value);
        }

        b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, ClientAddressFilter>());
    });

    private static PageClient From(WebApplicationFactory<Program> host, string address)
    {
        var http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        http.DefaultRequestHeaders.Add(ClientAddressFilter.Header, address);
        return new PageClient(http);
    }

    private async Task<string> NewUser(string userName)
    {
        using var scope = factory.Services.CreateScopeForUsers(out var users);
        await StaffPortalFactory.CreateUser(users, userName, "限流测试", factory.EducationId, Roles.Filler);
        return userName;
    }

    private static async Task<Page> TrySignIn(PageClient client, string userName, string password) =>
        await client.Submit(await client.Get("/Account/Login"), "form", new() { ["Input.UserName"] = userName, ["Input.Password"] = password }, follow: false);

    [Fact]
    public async Task Sign_in_from_one_address_gets_429_with_retry_after_once_the_burst_is_spent()
    {
        await using var host = Host(("RateLimits:SignInPerAddress:PermitLimit", "3"), ("RateLimits:SignInPerAddress:WindowSeconds", "600"));
        var client = From(host, "203.0.113.7");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await TrySignIn(client, $"nobody{i}", "Wrong-Password-11")).Status);
        }

        var page = await client.Get("/Account/Login");
        var response = await client.Http.PostAsync("/Account/Login", new FormUrlEncodedContent([new("Input.UserName", "nobody"), new("Input.Password", "x"),
            new("__RequestVerificationToken", page.Single("input[name='__RequestVerificationToken']").GetAttribute("value")!)]));
        var other = await TrySignIn(From(host, "203.0.113.8"), "nobody", "Wrong-Password-11");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("请求过于频繁", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task Sign_in_for_one_account_name_gets_429_after_its_burst_from_any_address()
    {
        await using var host = Host(("RateLimits:SignInPerAccount:PermitLimit", "4"), ("RateLimits:SignInPerAccount:WindowSeconds", "600"));

        for (var i = 0; i < 4; i++)
        {
            await TrySignIn(From(host, $"198.51.100.{i + 1}"), "spread-target", "Wrong-Password-11");
        }

        var refused = await TrySignIn(From(host, "198.51.100.99"), "spread-target", "Wrong-Password-11");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("请求过于频繁", refused.Text);
    }

    [Fact]
    public async Task An_attacker_from_another_address_cannot_lock_the_owner_out()
    {
        await using var host = Host();
        var user = await NewUser("target");
        var attacker = From(host, "192.0.2.66");

        Page page = null!;
        for (var i = 0; i < 8; i++)
        {
            page = await TrySignIn(attacker, user, "Guessing-Wrong-12");
        }

        var owner = await TrySignIn(From(host, "192.0.2.10"), user, StaffPortalFactory.Password);

        Assert.Contains("已被暂时锁定", page.Text);
        Assert.Equal(HttpStatusCode.Redirect, owner.Status);
    }

    [Fact]
    public async Task An_unknown_name_gets_the_same_answers_as_a_known_one()
    {
        await using var host = Host();
        var user = await NewUser("known-one");
        var known = From(host, "192.0.2.20");
        var unknown = From(host, "192.0.2.21");

        var knownFirst = await TrySignIn(known, user, "Guessing-Wrong-12");
        var unknownFirst = await TrySignIn(unknown, "nobody-at-all", "Guessing-Wrong-12");
        Page knownLast = null!, unknownLast = null!;
        for (var i = 0; i < 5; i++)
        {
            knownLast = await TrySignIn(known, user, "Guessing-Wrong-12");
            unknownLast = await TrySignIn(unknown, "nobody-at-all", "Guessing-Wrong-12");
        }

        Assert.Equal(Message(knownFirst), Message(unknownFirst));
        Assert.Contains("用户名或密码不正确", Message(knownFirst));
        Assert.Equal(Message(knownLast), Message(unknownLast));
        Assert.Contains("已被暂时锁定", Message(unknownLast));
    }

    [Fact]
    public async Task An_unknown_name_takes_about_as_long_to_refuse_as_a_wrong_password()
    {
        await using var host = Host();
        var user = await NewUser("timed-one");
        var client = From(host, "192.0.2.30");
        await TrySignIn(client, "warm-up", "Guessing-Wrong-12");

        async Task<TimeSpan> Time(string name)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 4; i++)
            {
                await TrySignIn(From(host, $"192.0.2.{40 + i}"), name, "Guessing-Wrong-12");
            }

            return clock.Elapsed;
        }

        var knownTime = await Time(user);
        var unknownTime = await Time("no-such-account");

        // Before, the unknown name answered in 5 ms against 121 ms; both now verify a PBKDF2 hash.
        Assert.True(unknownTime > knownTime * 0.5, $"unknown {unknownTime.TotalMilliseconds} ms, known {knownTime.TotalMilliseconds} ms");
    }

    private static string Message(Page page) => page.Single(".error-summary").TextContent.Trim();

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public const string Header = "X-Test-Client";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header].ToString() is { Length: > 0 } address)
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
