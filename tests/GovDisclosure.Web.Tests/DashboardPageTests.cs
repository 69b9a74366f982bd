using Microsoft.Extensions.Time.Testing;
using System.Net;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

public sealed class DashboardPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task The_dashboard_starts_this_years_report_and_lists_it_with_its_deadline()
    {
        var (agency, filler) = await factory.NewFiller();
        var client = await PageClient.SignedIn(factory, filler);
        var dashboard = await client.Get("/Work");
        Assert.Contains("新建2024年度报告", dashboard.Text);

        var editor = await client.Submit(dashboard, "form.start-form");
        Assert.Contains("已新建2024年度报告", editor.Text);

        var listed = await client.Get("/Work");
        Assert.DoesNotContain("新建2024年度报告", listed.Text);
        Assert.Contains("2025年1月31日", listed.Text);
        Assert.Contains("草稿", listed.Text);
        await using var db = factory.Db();
        Assert.Equal(1, await db.Reports.CountAsync(r => r.AgencyId == agency && r.Year == 2024));
    }

    [Fact]
    public async Task Days_left_count_beijing_calendar_days_to_the_deadline()
    {
        var (agency, filler) = await factory.NewFiller();
        await factory.StartReport(agency, 2024);
        // 20 January 2025 17:00 UTC is already 21 January in Beijing: 10 days to 31 January.
        await using var onDate = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 1, 20, 17, 0, 0, TimeSpan.Zero)))));
        var client = await PageClient.SignedIn(onDate, filler);

        var page = await client.Get("/Work");

        Assert.Contains("剩余 10 天", page.Text);
    }

    [Fact]
    public async Task Starting_a_closed_year_is_refused()
    {
        var (_, filler) = await factory.NewFiller();
        var client = await PageClient.SignedIn(factory, filler);
        var dashboard = await client.Get("/Work");

        var page = await client.Submit(dashboard, "form.start-form", new() { ["year"] = "2023" });

        Assert.Contains("2023年度尚未开放填报", page.Text);
    }

    [Fact]
    public async Task Preview_shows_the_saved_report_read_only_and_the_pdf_preview_is_a_pdf()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);

        var preview = await client.Get($"/Work/Reports/{id}/Preview");
        var pdf = await client.Http.GetAsync($"/Work/Reports/{id}/Pdf");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Null(preview.Find("input.cell-input"));
        Assert.NotNull(preview.Find("table[data-table='s3']"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task Preview_shows_the_cross_year_warnings_that_will_be_published_with_their_explanations()
    {
        var (agency, filler) = await factory.NewFiller();
        await factory.Published(agency, 2023, ("s3.received.natural", 4m), ("s3.carried_out.natural", 4m));
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);

        var preview = await client.Get($"/Work/Reports/{id}/Preview");

        Assert.Contains("X-1", preview.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_says_plainly_when_nothing_was_given()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);

        var page = await client.Submit(await client.Get($"/Work/Reports/{id}/Import"), "#recognise-form");

        Assert.Contains("请粘贴报告文本或选择文件", page.Text);
    }

    [Fact]
    public async Task Applying_a_recognised_document_fills_the_draft()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get($"/Work/Reports/{id}/Import");
        var json = """{"template":"2021","year":2024,"agency":"x","title":"","sections":{"overview":"导入的总体情况。"},"cells":{"s3.received.natural":31,"s3.granted.natural":31}}""";

        var editor = await client.PostTo(page, $"/Work/Reports/{id}/Import?handler=Apply", new()
        {
            ["RecognisedJson"] = json,
            ["RowVersion"] = page.Single("input[name='RowVersion']").GetAttribute("value")!,
        });

        Assert.Contains("已导入到草稿", editor.Text);
        Assert.Equal("31", editor.Cell("s3.received.natural").Value);
        Assert.Equal("导入的总体情况。", editor.Single("textarea[name='Input.Sections[overview]']").TextContent);
    }

    [Fact]
    public async Task Applying_an_unbalanced_document_is_refused_and_lists_the_findings()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get($"/Work/Reports/{id}/Import");
        var json = """{"template":"2021","year":2024,"agency":"x","title":"","sections":{},"cells":{"s3.received.natural":31}}""";

        var refused = await client.PostTo(page, $"/Work/Reports/{id}/Import?handler=Apply", new()
        {
            ["RecognisedJson"] = json,
            ["RowVersion"] = page.Single("input[name='RowVersion']").GetAttribute("value")!,
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("R3-A", refused.Text);
        await using var db = factory.Db();
        Assert.Empty((await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Cells);
    }

    [Fact]
    public async Task Import_of_another_agencys_report_is_not_found()
    {
        var (agency, _) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, "filler");

        Assert.Equal(HttpStatusCode.NotFound, (await client.Get($"/Work/Reports/{id}/Import")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get($"/Work/Reports/{id}/Preview")).Status);
    }
}
