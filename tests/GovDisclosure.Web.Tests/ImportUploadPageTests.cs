using System.Net;
using GovDisclosure.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

/// <summary>The import page reads the files agencies hold: Word and PDF as well as text, and says so when a file is too large.</summary>
public sealed class ImportUploadPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Theory]
    [InlineData("000_ffb7cb016be5db93.docx")]
    [InlineData("000_ffb7cb016be5db93.pdf")]
    public async Task Uploading_a_word_or_pdf_report_shows_the_recognised_cells(string fixture)
    {
        var (id, client, page) = await OpenImport(2024);

        var recognised = await Upload(client, page, id, fixture, await File.ReadAllBytesAsync(FixturePath(fixture)));

        Assert.Equal(HttpStatusCode.OK, recognised.Status);
        Assert.Contains("识别结果", recognised.Text);
        Assert.NotNull(recognised.Find("#apply-form"));
        Assert.DoesNotContain("只能上传", recognised.Text);
    }

    [Fact]
    public async Task A_corrupt_word_file_gives_the_form_back_with_the_reason()
    {
        var (id, client, page) = await OpenImport(2024);

        var refused = await Upload(client, page, id, "报告.docx", "PK\u0003\u0004不是压缩包"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Word文档", refused.Text);
        Assert.NotNull(refused.Find("#recognise-form"));
    }

    [Fact]
    public async Task A_file_over_the_limit_gives_the_form_back_with_a_message()
    {
        var (id, client, page) = await OpenImport(2024);

        var refused = await Upload(client, page, id, "报告.pdf", new byte[(int)Pages.Work.Reports.ImportModel.MaxUploadBytes + 1024]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("文件不能超过", refused.Text);
        Assert.NotNull(refused.Find("#recognise-form"));
    }

    /// <summary>The committed .docx/PDF fixtures of the documents readers, found from the test's output folder.</summary>
    internal static string FixturePath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovDisclosure.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "GovDisclosure.Import.Documents.Tests", "Fixtures", name);
    }

    private async Task<(int Id, PageClient Client, Page Page)> OpenImport(int year)
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, year);
        var client = await PageClient.SignedIn(factory, filler);
        return (id, client, await client.Get($"/Work/Reports/{id}/Import"));
    }

    private static Task<Page> Upload(PageClient client, Page page, int id, string fileName, byte[] bytes) =>
        client.PostFile(page, $"/Work/Reports/{id}/Import?handler=Recognise", new()
        {
            ["RowVersion"] = page.Single("input[name='RowVersion']").GetAttribute("value")!,
        }, "Upload", fileName, bytes);
}

/// <summary>A historical report published by the import (gd import --publish, the history upload) on the public site.</summary>
public sealed class PublishedHistoryPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task A_published_historical_report_is_marked_and_its_original_is_downloadable()
    {
        var (agencyId, _) = await factory.NewFiller();
        var name = "000_ffb7cb016be5db93.docx";
        var bytes = await File.ReadAllBytesAsync(ImportUploadPageTests.FixturePath(name));
        var read = GovDisclosure.Import.ReportFile.Read(name, bytes);
        string code;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GovDisclosure.Application.Common.IGovDisclosureDb>();
            code = (await db.Agencies.FindAsync(agencyId))!.Code;
            var useCase = scope.ServiceProvider.GetRequiredService<GovDisclosure.Application.Reports.ImportHistory>();
            var row = await useCase.ExecuteAsync(new GovDisclosure.Domain.Workflow.Actor("test-operator", "测试操作员", agencyId),
                new GovDisclosure.Application.Reports.HistoryFile(name, GovDisclosure.Import.ReportFile.ContentType(name), bytes, read.Report, read.Findings, null),
                code, publish: true);
            Assert.Equal(GovDisclosure.Application.Reports.HistoryImportStatus.Published, row.Status);
        }

        var client = new PageClient(factory.CreateClient());
        var list = await client.Get("/Reports?year=2020");
        var link = list.Document.QuerySelectorAll("a[href^='/Reports/']").Select(a => a.GetAttribute("href")!)
            .First(h => int.TryParse(h["/Reports/".Length..], out _));
        var page = await client.Get(link);

        Assert.Contains("历史报告，据原文导入", page.Single("#history-mark").TextContent);
        var original = await client.Http.GetAsync(page.Single("#original-download").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(bytes, await original.Content.ReadAsByteArrayAsync());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), page.Single("#original-sha256").TextContent);
    }
}
