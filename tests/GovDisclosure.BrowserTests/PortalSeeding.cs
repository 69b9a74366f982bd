using System.Text.RegularExpressions;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovDisclosure.BrowserTests;

/// <summary>A city government with one department: the department's filler(s), the city's reviewer (who may also publish).</summary>
public sealed record SeededRegion(int CityId, int AgencyId, string AgencyName, string Filler, string Colleague, string Reviewer);

/// <summary>
/// The agencies, users and reports the journeys start from, written straight into the portal's database, and the
/// sign-in they all go through. Each call makes a new region, so tests in one class never share an agency and run
/// in any order.
/// </summary>
public static class PortalSeeding
{
    public const string Password = "Correct-Horse-42";

    // Regions are numbered across all classes; the lock keeps two tests from creating the reporting years or roles twice.
    private static readonly SemaphoreSlim SeedLock = new(1, 1);
    private static int counter;

    /// <summary>
    /// A region named 「{place}N市人民政府」 and 「{place}N市教育局」, its users' names starting with <paramref name="prefix"/>;
    /// 2023 (closed) and 2024 (open) exist. A colleague, a second filler in the department, is made only when asked.
    /// </summary>
    public static async Task<SeededRegion> SeedRegionAsync(this PortalFixture portal, string place, string prefix, bool withColleague = false)
    {
        await SeedLock.WaitAsync();
        try
        {
            var n = Interlocked.Increment(ref counter);
            await using var db = portal.Db();
            if (!await db.ReportingYears.AnyAsync(y => y.Year == 2024))
            {
                db.ReportingYears.AddRange(new ReportingYear(2023, isOpen: false), new ReportingYear(2024));
            }

            var city = new Agency($"{place}{n}市人民政府", $"{prefix}city{n}", AgencyKind.PeopleGovernment, AdministrativeLevel.DistrictedCity, null);
            db.Agencies.Add(city);
            await db.SaveChangesAsync();
            var department = new Agency($"{place}{n}市教育局", $"{prefix}edu{n}", AgencyKind.Department, AdministrativeLevel.DistrictedCity, city);
            db.Agencies.Add(department);
            await db.SaveChangesAsync();

            await using var scope = portal.Services.CreateAsyncScope();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }

            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await CreateUserAsync(users, $"{prefix}filler{n}", "张填报", department.Id, Roles.Filler);
            if (withColleague)
            {
                await CreateUserAsync(users, $"{prefix}colleague{n}", "钱同事", department.Id, Roles.Filler);
            }

            await CreateUserAsync(users, $"{prefix}reviewer{n}", "王审核", city.Id, Roles.Reviewer);
            return new SeededRegion(city.Id, department.Id, department.Name, $"{prefix}filler{n}", $"{prefix}colleague{n}", $"{prefix}reviewer{n}");
        }
        finally
        {
            SeedLock.Release();
        }
    }

    /// <summary>
    /// A balanced report with every warning explained, submitted by the department's filler; approved and published
    /// by a seed reviewer when asked (with a stand-in PDF: the public pages show it, no test reads it).
    /// </summary>
    public static async Task<int> SeedSubmittedAsync(this PortalFixture portal, SeededRegion region, decimal received, int year = 2024, bool publish = false)
    {
        await using var db = portal.Db();
        var agency = await db.Agencies.SingleAsync(a => a.Id == region.AgencyId);
        var filler = await db.Users.SingleAsync(u => u.UserName == region.Filler);
        var actor = new Actor(filler.Id, filler.DisplayName, agency.Id);
        var report = AnnualReport.Start(agency, year, actor, DateTimeOffset.UtcNow);
        var content = new ReportDocument(report.Template, report.Year, agency.Name, report.Title);
        content.Cells["s3.received.natural"] = received;
        content.Cells["s3.granted.natural"] = received;
        content.Sections[SectionKeys.Other] = "本年度未收取信息处理费。";
        var explanations = ReportChecker.Check(new CheckContext(content) { Agency = agency.Profile })
            .Where(f => !f.IsError)
            .ToDictionary(f => f.Key, _ => "经核对，情况属实。", StringComparer.Ordinal);
        report.UpdateContent(content, explanations, new Dictionary<string, string>(), actor, DateTimeOffset.UtcNow);
        report.Submit(actor, DateTimeOffset.UtcNow, agency.Name);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        if (publish)
        {
            var seedReviewer = new Actor("seed-reviewer", "种子审核", agency.ParentId ?? agency.Id);
            report.Approve(seedReviewer, DateTimeOffset.UtcNow);
            db.Publications.Add(report.Publish(seedReviewer, DateTimeOffset.UtcNow, agency.Name, "%PDF-1.7 seed"u8.ToArray(), InterchangeJson.Write(report.ToDocument(agency.Name)), previousYear: null));
            await db.SaveChangesAsync();
        }

        return report.Id;
    }

    /// <summary>Signs in through the login form in a fresh browser context (no cookies or local storage shared with another).</summary>
    public static async Task<IPage> SignInAsync(this PortalFixture portal, string userName, int width = 1366, int height = 768)
    {
        var page = await portal.NewPageAsync(width, height);
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync(Password);
        // The sign-in POST is answered with a redirect; anything else (a 429 from the sign-in throttle, a 400 from
        // antiforgery) is named here instead of surfacing as a 90 s wait for a URL that never changes.
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/Account/Login", StringComparison.Ordinal));
        Assert.True(answer.Status == 302, $"signing in as {userName} was answered {answer.Status}, not a redirect");
        // Signed in once the browser has left the sign-in page. WaitForURLAsync is not used: when the redirect has
        // already landed it waits for a load state instead, and timed out twice in CI with the page served (once
        // for "load", once for "commit", which is no load state). The URL assertion polls the URL and nothing else.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>Saves a screenshot into docs/images, where the README links it.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovDisclosure.sln")))
        {
            dir = dir.Parent;
        }

        var images = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("GovDisclosure.sln not found above the test output."), "docs", "images");
        Directory.CreateDirectory(images);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(images, name) });
    }

    private static async Task CreateUserAsync(UserManager<ApplicationUser> users, string userName, string displayName, int agencyId, string role)
    {
        var user = new ApplicationUser { UserName = userName, DisplayName = displayName, AgencyId = agencyId };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }
}
