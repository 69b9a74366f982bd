using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovDisclosure.BrowserTests;

/// <summary>A reader opens the page of a bureau formed by a merger: its predecessors' years, the trend across the merge, the indicators.</summary>
public sealed class AgencyIndicatorsJourney(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_reader_sees_a_merged_bureaus_indicators_by_year_and_its_trend_continuing_across_the_merge()
    {
        var successorId = await SeedMergerAsync();

        var page = await portal.NewPageAsync(1280, 1500);
        var response = await page.GotoAsync($"/Agencies/{successorId}");

        Assert.Equal(200, response?.Status);
        await Assertions.Expect(page.Locator("#agency-changes")).ToContainTextAsync("并入本机关");
        await Assertions.Expect(page.Locator("#indicator-table tr[data-year='2023'] td[data-indicator='request_growth']")).ToHaveTextAsync("+25.0%");
        await Assertions.Expect(page.Locator("#indicator-table tr[data-year='2024'] td[data-indicator='review_correction']")).ToHaveTextAsync("样本不足");
        await Assertions.Expect(page.Locator("svg#trend-chart line[data-change='2023']")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => document.getElementById('trend-heading').scrollIntoView()");
        var directory = Path.Combine(RepositoryRoot(), "docs", "images");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, "screenshot-agency-indicators.png") });
    }

    /// <summary>文化局 and 旅游局 report 2021–2022 and merge on 2023-01-01 into 文化和旅游局, which reports 2023–2024.</summary>
    private async Task<int> SeedMergerAsync()
    {
        await using var db = portal.Db();
        foreach (var year in new[] { 2021, 2022, 2023, 2024 }.Where(y => !db.ReportingYears.Any(r => r.Year == y)))
        {
            db.ReportingYears.Add(new ReportingYear(year, isOpen: false));
        }

        var city = new Agency("示范合并市人民政府", "merge-city", AgencyKind.PeopleGovernment, AdministrativeLevel.DistrictedCity, null);
        db.Agencies.Add(city);
        await db.SaveChangesAsync();
        var merged = new DateOnly(2023, 1, 1);
        var culture = new Agency("示范合并市文化局", "merge-culture", AgencyKind.Department, AdministrativeLevel.DistrictedCity, city, reportsUntil: merged.AddDays(-1));
        var tourism = new Agency("示范合并市旅游局", "merge-tourism", AgencyKind.Department, AdministrativeLevel.DistrictedCity, city, reportsUntil: merged.AddDays(-1));
        var successor = new Agency("示范合并市文化和旅游局", "merge-both", AgencyKind.Department, AdministrativeLevel.DistrictedCity, city, reportsFrom: merged);
        db.Agencies.AddRange(culture, tourism, successor);
        db.AgencyLinks.Add(new AgencyLink(culture, successor, AgencyChange.MergedInto, merged));
        db.AgencyLinks.Add(new AgencyLink(tourism, successor, AgencyChange.MergedInto, merged));
        await db.SaveChangesAsync();

        await PublishAsync(culture, 2021, received: 60, granted: 41);
        await PublishAsync(culture, 2022, received: 50, granted: 38);
        await PublishAsync(tourism, 2022, received: 30, granted: 19);
        await PublishAsync(successor, 2023, received: 100, granted: 71);
        await PublishAsync(successor, 2024, received: 115, granted: 88);
        return successor.Id;
    }

    /// <summary>A balanced report (the rest withheld to protect third parties), submitted, approved and published through the use cases.</summary>
    private async Task PublishAsync(Agency agency, int year, int received, int granted)
    {
        int id;
        await using (var db = portal.Db())
        {
            var tracked = await db.Agencies.SingleAsync(a => a.Id == agency.Id);
            var actor = new Actor("seed-filler", "张填报", agency.Id);
            var report = AnnualReport.Start(tracked, year, actor, DateTimeOffset.UtcNow);
            var content = CompleteReport.Balanced(year, received: received, carriedIn: 0, carriedOut: 0);
            foreach (var column in new[] { "natural", "total" })
            {
                content.Cells[$"s3.granted.{column}"] = granted;
                content.Cells[$"s3.withheld.4.{column}"] = received - granted;
            }

            content.Cells["s4.review.upheld"] = 3;
            content.Cells["s4.review.total"] = 3;
            var explanations = ReportChecker.Check(new CheckContext(content) { Agency = tracked.Profile })
                .Where(f => !f.IsError).ToDictionary(f => f.Key, _ => "经核对，情况属实。", StringComparer.Ordinal);
            report.UpdateContent(content, explanations, new Dictionary<string, string>(), actor, DateTimeOffset.UtcNow);
            report.Submit(actor, DateTimeOffset.UtcNow, agency.Name);
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            id = report.Id;
        }

        var reviewer = new UserScope("seed-reviewer", "王审核", agency.ParentId!.Value, "/", IsFiller: false, IsReviewer: true, IsAdmin: true);
        await using var scope = portal.Services.CreateAsyncScope();
        var approved = await scope.ServiceProvider.GetRequiredService<ApproveReport>().ExecuteAsync(reviewer, id, Version(id));
        Assert.True(approved.Status == UseCaseStatus.Ok, approved.Message);
        var published = await scope.ServiceProvider.GetRequiredService<PublishReport>().ExecuteAsync(reviewer, id, Version(id));
        Assert.True(published.Status == UseCaseStatus.Ok, published.Message);
    }

    private uint Version(int id)
    {
        using var db = portal.Db();
        return db.Reports.AsNoTracking().Where(r => r.Id == id).Select(r => r.RowVersion).Single();
    }

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
