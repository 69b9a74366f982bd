using GovDisclosure.Application.Similarity;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovDisclosure.BrowserTests;

/// <summary>
/// The office above reviewing: a 总体情况 carried over from last year shows highlighted with its source, and an
/// outlying cell shows with the numbers it was judged by. Its own region and agencies, so it runs beside the others.
/// </summary>
public sealed class OversightJourney(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Password = PortalSeeding.Password;

    private const string LastYear =
        "2023年，本局坚持以人民为中心的发展思想，围绕优化营商环境和民生保障两条主线推进政务公开。一是完善主动公开目录，梳理权责清单事项146项，" +
        "在门户网站开设“惠企政策直达”专栏，集中发布减税降费、稳岗补贴等政策解读32篇。二是规范依申请公开办理流程，建立登记、审核、答复、归档全流程台账，" +
        "全年未发生逾期答复。三是加强政策解读回应，主要负责人参加“政风行风热线”直播访谈4次，就学区划分、校外培训治理等问题现场答疑。";

    private const string ThisYear =
        "2024年，本局坚持以人民为中心的发展思想，围绕优化营商环境和民生保障两条主线推进政务公开。一是完善主动公开目录，梳理权责清单事项152项，" +
        "在门户网站开设“惠企政策直达”专栏，集中发布减税降费、稳岗补贴等政策解读41篇。二是规范依申请公开办理流程，建立登记、审核、答复、归档全流程台账，" +
        "全年未发生逾期答复。三是新开通12345热线政务公开专席，全年受理咨询1200余次，当日答复率达到98%。";

    [Fact]
    public async Task A_reviewer_sees_the_overview_copied_from_last_year_and_an_outlying_cell_with_the_numbers_behind_both()
    {
        var (agency, reviewerName) = await SeedRegionAsync();
        await SeedReportAsync(agency[0], 2023, 31, LastYear, publish: true);
        for (var i = 1; i < agency.Count; i++)
        {
            await SeedReportAsync(agency[i], 2024, 18 + (i * 3 % 17), $"第{i}局本年度重点推进了{i}项公开事项，各项工作按计划完成，群众满意度保持稳定。", publish: false);
        }

        var id = await SeedReportAsync(agency[0], 2024, 260, ThisYear, publish: false);

        var page = await portal.SignInAsync(reviewerName, 1366, 1400);
        await page.GotoAsync($"/Review/Reports/{id}");

        await Expect(page.Locator($"#similarity tr[data-section='{SectionKeys.Overview}']")).ToContainTextAsync("达到提示线");
        await Expect(page.Locator($"#similarity-{SectionKeys.Overview} mark.repeated").First).ToContainTextAsync("本局坚持以人民为中心的发展思想");
        await Expect(page.Locator("#anomalies li[data-cell='s3.received.natural'][data-kind='Peers']")).ToContainTextAsync("本年260件");
        await page.Locator("#similarity").ScrollIntoViewIfNeededAsync();
        var directory = Path.Combine(RepositoryRoot(), "docs", "images");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(directory, "screenshot-review-similarity.png"),
            Clip = await ClipAsync(page),
        });
    }

    /// <summary>From the 雷同 panel to the end of the anomaly panel: the part of the page this journey is about.</summary>
    private static async Task<Clip> ClipAsync(IPage page)
    {
        var top = await page.Locator("#similarity").BoundingBoxAsync() ?? throw new InvalidOperationException("no 雷同 panel");
        var bottom = await page.Locator("#anomalies").BoundingBoxAsync() ?? throw new InvalidOperationException("no anomaly panel");
        return new Clip { X = 0, Y = top.Y - 10, Width = 1366, Height = Math.Min(1400, bottom.Y + bottom.Height - top.Y + 20) };
    }

    /// <summary>A city with eleven departments of one kind and level; a reviewer in the city.</summary>
    private async Task<(List<int> Agencies, string Reviewer)> SeedRegionAsync()
    {
        await using var db = portal.Db();
        if (!await db.ReportingYears.AnyAsync(y => y.Year == 2024))
        {
            db.ReportingYears.AddRange(new ReportingYear(2023, isOpen: false), new ReportingYear(2024));
        }

        var city = new Agency("示范区人民政府", "oversight-city", AgencyKind.PeopleGovernment, AdministrativeLevel.County, null);
        db.Agencies.Add(city);
        await db.SaveChangesAsync();
        var departments = Enumerable.Range(0, 11)
            .Select(i => new Agency(i == 0 ? "示范区教育局" : $"示范区第{i}局", $"oversight-{i}", AgencyKind.Department, AdministrativeLevel.County, city))
            .ToList();
        db.Agencies.AddRange(departments);
        await db.SaveChangesAsync();

        await using var scope = portal.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Reviewer))
        {
            await roles.CreateAsync(new IdentityRole(Roles.Reviewer));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "oversight-reviewer", DisplayName = "李审核", AgencyId = city.Id };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Reviewer);
        return (departments.Select(d => d.Id).ToList(), "oversight-reviewer");
    }

    /// <summary>A balanced report with its 总体情况, submitted (and published), then indexed as the portal does after each.</summary>
    private async Task<int> SeedReportAsync(int agencyId, int year, decimal received, string overview, bool publish)
    {
        int id;
        await using (var db = portal.Db())
        {
            var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId);
            var actor = new Actor("seed-filler", "种子填报", agency.Id);
            var report = AnnualReport.Start(agency, year, actor, DateTimeOffset.UtcNow);
            var content = CompleteReport.Balanced(year, received: (int)received);
            content.Sections[SectionKeys.Overview] = overview;
            var explanations = ReportChecker.Check(new CheckContext(content) { Agency = agency.Profile })
                .Where(f => !f.IsError)
                .ToDictionary(f => f.Key, _ => "经核对，情况属实。", StringComparer.Ordinal);
            report.UpdateContent(content, explanations, new Dictionary<string, string>(), actor, DateTimeOffset.UtcNow);
            report.Submit(actor, DateTimeOffset.UtcNow, agency.Name);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            if (publish)
            {
                var reviewer = new Actor("seed-reviewer", "种子审核", agency.Id);
                report.Approve(reviewer, DateTimeOffset.UtcNow);
                db.Publications.Add(report.Publish(reviewer, DateTimeOffset.UtcNow, agency.Name, "%PDF-1.7 seed"u8.ToArray(),
                    InterchangeJson.Write(report.ToDocument(agency.Name)), previousYear: null));
                await db.SaveChangesAsync();
            }

            id = report.Id;
        }

        await using var scope = portal.Services.CreateAsyncScope();
        var indexer = scope.ServiceProvider.GetRequiredService<SimilarityIndexer>();
        if (publish)
        {
            await indexer.BackfillAsync();
        }
        else
        {
            await indexer.SubmittedAsync(id, CancellationToken.None);
        }

        return id;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovDisclosure.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GovDisclosure.sln not found above the test output.");
    }
}
