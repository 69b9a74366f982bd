using System.Net;
using GovDisclosure.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Tests;

/// <summary>Input the database cannot or should not hold comes back on the form with a message, never as the framework's bare 400 or a 500.</summary>
public sealed class FormInputTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task A_nul_in_a_section_is_refused_on_the_form_keeping_what_was_typed()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get($"/Work/Reports/{id}/Edit");

        var result = await client.Submit(page, "#report-form", new()
        {
            ["Input.Sections[problems]"] = "人员\0不足。",
            ["Input.Cells[s3.received.natural]"] = "12",
        }, "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("控制字符", result.Text);
        Assert.Equal("12", result.Cell("s3.received.natural").Value);
        Assert.Contains("不足。", result.Single("textarea[name='Input.Sections[problems]']").TextContent);
        await using var db = factory.Db();
        Assert.Empty((await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Cells);
    }

    [Fact]
    public async Task A_section_of_five_megabytes_gets_the_form_back_with_the_limit_named()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        var page = await client.Get($"/Work/Reports/{id}/Edit");

        var result = await client.Submit(page, "#report-form", new()
        {
            ["Input.Sections[problems]"] = new string('长', 5 * 1024 * 1024 / 3),
            ["Input.Cells[s3.received.natural]"] = "12",
        }, "button[formaction*='handler=Save']");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("100000", result.Text);
        Assert.Equal("12", result.Cell("s3.received.natural").Value);
    }

    [Fact]
    public async Task A_control_character_in_the_sign_in_name_is_answered_on_the_form()
    {
        var client = PageClient.For(factory);

        var result = await client.Submit(await client.Get("/Account/Login"), "form", new() { ["Input.UserName"] = "fil\u0001ler", ["Input.Password"] = "whatever-it-is-1A" });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("控制字符", result.Text);
    }
}
