using GovDisclosure.Web.Tests.Support;

namespace GovDisclosure.Web.Tests;

public sealed class EditorHintsPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task The_fill_zero_buttons_accessible_name_contains_its_visible_text()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);

        var page = await client.Get($"/Work/Reports/{id}/Edit");

        var buttons = page.Document.QuerySelectorAll("button[data-fill-zero]");
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.StartsWith(b.TextContent.Trim(), b.GetAttribute("aria-label"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_editor_shows_when_the_report_was_last_saved()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);

        var page = await client.Get($"/Work/Reports/{id}/Edit");

        Assert.Matches(@"^已保存 \d\d:\d\d$", page.Single("#save-status").TextContent);
    }

    [Fact]
    public async Task The_reviewer_sees_no_last_year_hint_when_there_is_no_last_year()
    {
        var (agency, _) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        await factory.FillAndSubmit(id, ("s3.received.natural", 3));
        var reviewer = await PageClient.SignedIn(factory, "reviewer");

        var page = await reviewer.Get($"/Review/Reports/{id}");

        Assert.Contains("审核", page.Text);
        Assert.DoesNotContain("表中每格下方为上年数据", page.Text);
    }

    [Fact]
    public async Task The_reviewer_sees_the_last_year_hint_when_last_year_was_published()
    {
        var (agency, _) = await factory.NewFiller();
        await factory.Published(agency, 2023, ("s3.received.natural", 2));
        var id = await factory.StartReport(agency, 2024);
        await factory.FillAndSubmit(id, ("s3.received.natural", 3));
        var reviewer = await PageClient.SignedIn(factory, "reviewer");

        var page = await reviewer.Get($"/Review/Reports/{id}");

        Assert.Contains("表中每格下方为上年数据", page.Text);
    }
}
