using GovDisclosure.Application.Common;
using GovDisclosure.Application.Oversight;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Tests.Shared;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>
/// The public page's 雷同 figure follows the region's 审核提示设置 as it is now: the page reads the setting with its
/// stored read model (one query), so a region that turns it on or off changes its published pages without any
/// republication, and no other region's pages.
/// </summary>
public sealed class PublicCopyFigureTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private const int Year = 2023;

    private int views;

    private PageClient Anonymous() => new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    // Each view has a query string of its own, so the output cache never answers for the page before the change.
    private Task<Page> View(int id) => Anonymous().Get($"/Reports/{id}?view={Interlocked.Increment(ref views)}");

    [Fact]
    public async Task A_region_that_turns_the_figure_on_shows_it_on_its_published_pages_and_turning_it_off_hides_it_again()
    {
        var (_, cityFiller) = await factory.NewAgency("示范市雷同公开测试局");
        var (_, eastFiller) = await factory.NewAgency("东区雷同公开测试局", factory.East);
        var city = await factory.Report(cityFiller, Year, ReportState.Published, CompleteReport.Balanced(Year, marker: "本局依法公开政府信息。"));
        var east = await factory.Report(eastFiller, Year, ReportState.Published, CompleteReport.Balanced(Year, marker: "本区依法公开政府信息。"));

        var before = await View(city);
        await SetShownAsync(true);
        var shown = await View(city);
        var otherRegion = await View(east);
        await SetShownAsync(false);
        var hidden = await View(city);

        Assert.Null(before.Find("#similarity-figures"));
        var figures = shown.Single("#similarity-figures");
        Assert.Equal("文字雷同比例", figures.QuerySelector("h2")!.TextContent.Trim());
        Assert.NotEmpty(figures.QuerySelectorAll("li"));
        Assert.All(figures.QuerySelectorAll("li"), li => Assert.EndsWith("%", li.TextContent.Trim(), StringComparison.Ordinal));
        Assert.Null(otherRegion.Find("#similarity-figures"));
        Assert.Null(hidden.Find("#similarity-figures"));
        Assert.NotNull(hidden.Find("#cell-s3\\.received\\.natural"));
    }

    private async Task SetShownAsync(bool shown)
    {
        var admin = new UserScope("u-city-admin", "市管理员", factory.City.Id, factory.City.Path, IsFiller: false, IsReviewer: false, IsAdmin: true);
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReviewSettingsAdmin>().SetAsync(admin, new ReviewSettingsInput(60, shown, 3.5m, 10, 3m));
        Assert.True(result.IsOk, result.Message);
    }
}
