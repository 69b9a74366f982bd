using System.Net;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Tests;

/// <summary>确认导入 posts the recognised document back as JSON: it is read as untrusted input, like a typed cell.</summary>
public sealed class ImportApplyPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    private const string Code = "s3.received.natural";

    [Theory]
    [InlineData("1e20")]
    [InlineData("1234567890123456789012345678")]
    public async Task Applying_a_value_too_large_for_a_cell_names_the_cell_and_leaves_the_draft_alone(string value)
    {
        var (id, client, page) = await OpenImport();

        var refused = await Apply(client, page, id, """{"template":"2021","year":2024,"agency":"x","title":"","sections":{},"cells":{""" + $"\"{Code}\":{value}" + "}}");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"“{ReportTemplates.Get(TemplateVersion.T2021).Cell(Code).DisplayName}”数值过大", refused.Text);
        await AssertUntouched(id);
    }

    [Fact]
    public async Task Applying_recognised_json_with_an_escaped_nul_names_the_section_and_leaves_the_draft_alone()
    {
        var (id, client, page) = await OpenImport();

        // PostgreSQL cannot store U+0000 in text or jsonb: this once reached SaveChanges and answered 500.
        var refused = await Apply(client, page, id, """{"template":"2021","year":2024,"agency":"x","title":"","sections":{"overview":"总体\u0000情况"},"cells":{}}""");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("正文含有无法识别的控制字符", refused.Text);
        await AssertUntouched(id);
    }

    [Fact]
    public async Task Applying_recognised_json_with_a_raw_nul_character_is_refused_without_a_server_error()
    {
        var (id, client, page) = await OpenImport();

        // The form itself is refused before the page runs (antiforgery cannot read it); the user gets the 请求无效 page.
        var refused = await Apply(client, page, id, "{\"template\":\"2021\",\"year\":2024,\"agency\":\"x\",\"title\":\"\",\"sections\":{\"overview\":\"总体\0情况\"},\"cells\":{}}");

        Assert.NotEqual(HttpStatusCode.InternalServerError, refused.Status);
        await AssertUntouched(id);
    }

    [Fact]
    public async Task The_import_preview_lists_the_title_change_before_confirming_and_the_audit_records_it()
    {
        var (id, client, page) = await OpenImport();
        string oldTitle;
        await using (var db = factory.Db())
        {
            oldTitle = (await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id)).Title;
        }

        var json = """{"template":"2021","year":2024,"agency":"x","title":"导入文件里的标题","sections":{"overview":"导入的总体情况。"},"cells":{"s3.received.natural":3,"s3.granted.natural":3}}""";
        var preview = await client.PostFile(page, $"/Work/Reports/{id}/Import?handler=Recognise", new() { ["RowVersion"] = page.Single("input[name='RowVersion']").GetAttribute("value")! },
            "Upload", "report.json", System.Text.Encoding.UTF8.GetBytes(json));

        var rows = preview.Document.QuerySelectorAll("#import-changes tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("报告标题", StringComparison.Ordinal) && r.Contains(oldTitle, StringComparison.Ordinal) && r.Contains("导入文件里的标题", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("一、总体情况", StringComparison.Ordinal) && r.Contains("导入的总体情况。", StringComparison.Ordinal));
        var cell = ReportTemplates.Get(TemplateVersion.T2021).Cell(Code).DisplayName;
        Assert.Contains(rows, r => r.Contains(cell, StringComparison.Ordinal) && r.Contains("（空）", StringComparison.Ordinal) && r.Contains('3', StringComparison.Ordinal));

        var applied = await client.Submit(preview, "#apply-form");

        Assert.Contains("已导入到草稿", applied.Text);
        await using var after = factory.Db();
        var audit = await after.AuditEntries.AsNoTracking().Where(e => e.ReportId == id && e.Action == GovDisclosure.Domain.Workflow.AuditActions.TitleChanged).SingleAsync();
        Assert.Equal((oldTitle, "导入文件里的标题"), (audit.OldValue, audit.NewValue));
        Assert.True(await after.AuditEntries.AnyAsync(e => e.ReportId == id && e.Action == GovDisclosure.Domain.Workflow.AuditActions.TextChanged && e.NewValue == "导入的总体情况。"));
    }

    private async Task<(int Id, PageClient Client, Page Page)> OpenImport()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);
        return (id, client, await client.Get($"/Work/Reports/{id}/Import"));
    }

    private static Task<Page> Apply(PageClient client, Page page, int id, string json) =>
        client.PostTo(page, $"/Work/Reports/{id}/Import?handler=Apply", new()
        {
            ["RecognisedJson"] = json,
            ["RowVersion"] = page.Single("input[name='RowVersion']").GetAttribute("value")!,
        });

    private async Task AssertUntouched(int id)
    {
        await using var db = factory.Db();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Empty(report.Cells);
        Assert.DoesNotContain(report.Sections, s => s.Value.Contains("总体", StringComparison.Ordinal));
    }
}
