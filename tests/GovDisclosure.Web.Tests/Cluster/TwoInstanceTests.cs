using System.Diagnostics;
using System.Net;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Pages.Review.Reports;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovDisclosure.Web.Tests.Cluster;

/// <summary>
/// Two portal processes (A and B) over one PostgreSQL database, as behind the reverse proxy. The in-process
/// <see cref="StaffPortalFactory"/> only seeds the database; every request under test goes to a real process.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public StaffPortalFactory Seed { get; } = new();

    public WebProcess A { get; private set; } = null!;

    public WebProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Seed).InitializeAsync();

        // The first key is made here, before either process starts, as an earlier run would have left it; two
        // processes starting together on an empty key table could otherwise each create their own first key.
        Seed.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("ring");
        var started = await Task.WhenAll(WebProcess.StartAsync(Seed.ConnectionString), WebProcess.StartAsync(Seed.ConnectionString));
        (A, B) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await ((IAsyncLifetime)Seed).DisposeAsync();
    }
}

/// <summary>One pair of processes for every class that needs two instances: starting them costs seconds each.</summary>
[CollectionDefinition(Name)]
public sealed class TwoInstancesCollection : ICollectionFixture<TwoInstances>
{
    public const string Name = "two instances";
}

[Collection(TwoInstancesCollection.Name)]
public sealed class TwoInstanceTests(TwoInstances cluster, ITestOutputHelper output)
{
    private static string ReviewUrl(int id) => $"/Review/Reports/{id}";

    [Fact]
    public async Task A_sign_in_on_one_instance_opens_staff_pages_on_the_other_and_a_form_from_one_posts_to_the_other()
    {
        var (a, b) = await SignedIn("reviewer");
        var id = await Submitted();

        var onB = await b.Get(ReviewUrl(id));
        Assert.Equal(HttpStatusCode.OK, onB.Status);
        Assert.Contains("添加审核意见", onB.Text);

        var formFromA = await a.Get(ReviewUrl(id));
        var commented = await b.Submit(formFromA, "#comment-form", new() { ["Comment.Text"] = "在A打开、在B提交的意见。" });
        Assert.Equal(HttpStatusCode.OK, commented.Status);
        Assert.Contains("审核意见已保存", commented.Text);
        Assert.Contains("在A打开、在B提交的意见。", commented.Text);
    }

    [Fact]
    public async Task A_correction_published_on_one_instance_changes_the_page_the_other_serves()
    {
        var id = await cluster.Seed.Published(cluster.Seed.EducationId, 2023, ("s3.received.natural", 8m));
        var publicB = PublicClient(cluster.B);
        var before = await publicB.GetStringAsync($"/Reports/{id}");
        Assert.Contains("· 第1版 ·", before);

        // Cached on B now; the correction is published through A's review page.
        await cluster.Seed.Change(id, r => r.OpenCorrection(new Actor("seed-filler", "种子填报", r.AgencyId), DateTimeOffset.UtcNow, "自然人申请数应为9件。"));
        await cluster.Seed.FillAndSubmit(id, ("s3.received.natural", 9m));
        await cluster.Seed.Change(id, r => r.Approve(new Actor("seed-reviewer", "种子审核", cluster.Seed.CityId), DateTimeOffset.UtcNow));
        var (a, _) = await SignedIn("reviewer");
        var published = await a.Submit(await a.Get(ReviewUrl(id)), "#publish-form");
        output.WriteLine($"{published.Status} {published.Url}: {published.Find(".status, [role=status], .validation-summary-errors")?.TextContent}");
        Assert.Contains("已发布", published.Text);

        var clock = Stopwatch.StartNew();
        var after = before;
        while (!after.Contains("· 第2版 ·", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
            after = await publicB.GetStringAsync($"/Reports/{id}");
        }

        output.WriteLine($"Propagation A → B: {clock.ElapsedMilliseconds} ms");
        Assert.Contains("· 第2版 ·", after);
    }

    [Fact]
    public async Task The_same_report_published_through_both_instances_at_once_is_published_once_and_the_other_publisher_hears_of_the_conflict()
    {
        var id = await Submitted();
        await cluster.Seed.Change(id, r => r.Approve(new Actor("seed-reviewer", "种子审核", cluster.Seed.CityId), DateTimeOffset.UtcNow));
        var (first, _) = await SignedIn("reviewer");
        var (_, second) = await SignedIn("admin");
        var pageA = await first.Get(ReviewUrl(id));
        var pageB = await second.Get(ReviewUrl(id));

        var results = await Task.WhenAll(first.Submit(pageA, "#publish-form"), second.Submit(pageB, "#publish-form"));

        var texts = results.Select(r => r.Text).ToList();
        foreach (var r in results)
        {
            output.WriteLine($"{r.Status} {r.Url}: {r.Find(".status, [role=status], .field-error, .validation-summary-errors")?.TextContent}");
        }

        Assert.Single(texts, t => t.Contains("已发布，公众现在可以查阅本报告。", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("该报告刚刚已被发布", StringComparison.Ordinal));
        await using var db = cluster.Seed.Db();
        Assert.Equal(1, await db.Publications.CountAsync(p => p.ReportId == id));
        Assert.Equal(ReportState.Published, (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).State);
    }

    [Fact]
    public async Task After_the_web_process_restarts_a_signed_in_user_is_still_signed_in_and_an_open_form_still_posts()
    {
        var id = await Submitted();
        var cookies = new CookieContainer();
        var port = WebProcess.FreePort();
        Page open;
        await using (var before = await WebProcess.StartAsync(cluster.Seed.ConnectionString, port))
        {
            var client = new PageClient(before.Client(cookies));
            await SignIn(client, "reviewer");
            open = await client.Get(ReviewUrl(id));
            Assert.Contains("添加审核意见", open.Text);
        }

        await using var after = await WebProcess.StartAsync(cluster.Seed.ConnectionString, port);
        var restarted = new PageClient(after.Client(cookies));

        var staffPage = await restarted.Get(ReviewUrl(id), follow: false);
        Assert.Equal(HttpStatusCode.OK, staffPage.Status);
        var commented = await restarted.Submit(open, "#comment-form", new() { ["Comment.Text"] = "重启前打开的表单。" });
        Assert.Contains("审核意见已保存", commented.Text);
    }

    private async Task<int> Submitted()
    {
        var (agency, _) = await cluster.Seed.NewFiller();
        var id = await cluster.Seed.StartReport(agency, 2024);
        await cluster.Seed.FillAndSubmit(id, ("s3.received.natural", 5m));
        return id;
    }

    /// <summary>One browser (one cookie jar) talking to both instances: cookies are per host, not per port, as behind one proxy.</summary>
    private async Task<(PageClient A, PageClient B)> SignedIn(string userName)
    {
        var cookies = new CookieContainer();
        var a = new PageClient(cluster.A.Client(cookies));
        await SignIn(a, userName);
        return (a, new PageClient(cluster.B.Client(cookies)));
    }

    private static async Task SignIn(PageClient client, string userName)
    {
        var login = await client.Get("/Account/Login");
        var response = await client.Submit(login, "form", new() { ["Input.UserName"] = userName, ["Input.Password"] = StaffPortalFactory.Password }, follow: false);
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
    }

    private static HttpClient PublicClient(WebProcess web) => new() { BaseAddress = web.BaseAddress };
}
