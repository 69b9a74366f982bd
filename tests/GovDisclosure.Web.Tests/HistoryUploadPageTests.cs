using System.Globalization;
using System.Net;
using System.Text;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

/// <summary>上传历史报告: an admin uploads several past years at once and reads the result table.</summary>
public sealed class HistoryUploadPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    private const string Yinzhou2020 = "000_ffb7cb016be5db93";
    private const string Office2021 = "003_07ea97a0e0dbb2b9";

    [Fact]
    public async Task A_region_admin_uploads_two_years_and_sees_one_row_per_file_with_the_reports_kept_as_history()
    {
        var (agencyId, _) = await factory.NewFiller();
        var admin = await PageClient.SignedIn(factory, "admin");
        var page = await admin.Get("/Admin/History");

        var result = await Upload(admin, page, agencyId,
            ($"{Yinzhou2020}.pdf", await Fixture($"{Yinzhou2020}.pdf")),
            ($"{Office2021}.txt", Marked(await Fixture($"{Office2021}.txt"), "region")));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var rows = Rows(result);
        Assert.Equal(2, rows.Count);
        Assert.Equal($"{Yinzhou2020}.pdf", rows[0][0]);
        Assert.Equal(("2020", "2021"), (rows[0][2], rows[1][2]));
        Assert.All(rows, r => Assert.StartsWith("已导入", r[6], StringComparison.Ordinal));
        Assert.All(rows, r => Assert.True(int.Parse(r[4], CultureInfo.InvariantCulture) > 50, $"cells read: {r[4]}"));
        Assert.Contains("导入2个", result.Text);

        await using var db = factory.Db();
        var reports = await db.Reports.AsNoTracking().Where(r => r.AgencyId == agencyId).OrderBy(r => r.Year).ToListAsync();
        Assert.Equal([2020, 2021], reports.Select(r => r.Year));
        Assert.All(reports, r => Assert.Equal((ReportOrigin.ImportedHistory, ReportState.Approved), (r.Origin, r.State)));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.AgencyId == agencyId && a.Action == AuditActions.ImportedHistory && a.UserName == "赵管理"));
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.HistoryUploaded && a.AgencyId == agencyId).ToListAsync(),
            a => a.Detail.Contains($"{Office2021}.txt", StringComparison.Ordinal) && a.UserName == "赵管理");
    }

    [Fact]
    public async Task The_same_file_again_changes_nothing_and_another_file_for_a_year_that_has_a_report_is_reported_not_overwritten()
    {
        var (agencyId, _) = await factory.NewFiller();
        var admin = await PageClient.SignedIn(factory, "admin");
        var page = await admin.Get("/Admin/History");
        var file = Marked(await Fixture($"{Office2021}.txt"), "again");
        await Upload(admin, page, agencyId, ("2021.txt", file));
        var before = await Snapshot(agencyId);

        var again = await Upload(admin, page, agencyId, ("2021.txt", file), ("2021-修订.txt", Marked(file, "other")));

        var rows = Rows(again);
        Assert.StartsWith("已导入过（同一文件），未改动", rows[0][6], StringComparison.Ordinal);
        Assert.StartsWith("该单位该年度已有报告，未覆盖", rows[1][6], StringComparison.Ordinal);
        Assert.Equal(before, await Snapshot(agencyId));
    }

    [Fact]
    public async Task A_file_that_is_no_report_is_a_failed_row_and_the_other_files_are_still_imported()
    {
        var (agencyId, _) = await factory.NewFiller();
        var admin = await PageClient.SignedIn(factory, "admin");
        var page = await admin.Get("/Admin/History");

        var result = await Upload(admin, page, agencyId,
            ("坏文件.docx", "PK\u0003\u0004不是压缩包"u8.ToArray()),
            ("旧版.doc", [0xD0, 0xCF, 0x11, 0xE0]),
            ("2021.txt", Marked(await Fixture($"{Office2021}.txt"), "mixed")));

        var rows = Rows(result);
        Assert.StartsWith("无法读取：Word文档", rows[0][6], StringComparison.Ordinal);
        Assert.StartsWith("无法读取：只能上传", rows[1][6], StringComparison.Ordinal);
        Assert.StartsWith("已导入", rows[2][6], StringComparison.Ordinal);
        Assert.NotNull(result.Find("#history-results tr.row--failed"));
        Assert.Contains("失败2个", result.Text);
    }

    [Fact]
    public async Task Posting_without_files_gives_the_form_back_with_a_message()
    {
        var admin = await PageClient.SignedIn(factory, "admin");
        var page = await admin.Get("/Admin/History");

        var result = await Upload(admin, page, null);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("请选择要上传的历史报告文件", result.Single(".error-summary").TextContent);
        Assert.Null(result.Find("#history-results"));
    }

    [Fact]
    public async Task A_department_admin_imports_for_its_own_agency_only()
    {
        var (agencyId, _) = await factory.NewFiller();
        var (otherId, _) = await factory.NewFiller();
        var userName = $"histadmin{agencyId}";
        using (var scope = factory.Services.CreateScope())
        {
            await StaffPortalFactory.CreateUser(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), userName, "部门管理员", agencyId, Roles.Admin);
        }

        var admin = await PageClient.SignedIn(factory, userName);
        var page = await admin.Get("/Admin/History");
        var choices = page.Document.QuerySelectorAll("#AgencyId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([agencyId.ToString(CultureInfo.InvariantCulture)], choices);

        var refused = await Upload(admin, page, otherId, ("2021.txt", Marked(await Fixture($"{Office2021}.txt"), "other agency")));
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);

        // Named by the document (政府办), which is no agency this admin manages: a row that says so, nothing imported.
        var byName = await Upload(admin, page, null, ("2021.txt", Marked(await Fixture($"{Office2021}.txt"), "by name")));
        Assert.False(Rows(byName)[0][6].StartsWith("已导入", StringComparison.Ordinal), Rows(byName)[0][6]);
        await using var db = factory.Db();
        Assert.False(await db.Reports.AnyAsync(r => r.AgencyId == otherId || r.AgencyId == agencyId));
    }

    private static async Task<byte[]> Fixture(string name) => await File.ReadAllBytesAsync(ImportUploadPageTests.FixturePath(name));

    /// <summary>The same report with a line of its own, so each test's file has its own hash.</summary>
    private static byte[] Marked(byte[] text, string marker) => [.. text, .. Encoding.UTF8.GetBytes($"\n\n（{marker}）\n")];

    private async Task<string> Snapshot(int agencyId)
    {
        await using var db = factory.Db();
        var reports = await db.Reports.AsNoTracking().Where(r => r.AgencyId == agencyId).ToListAsync();
        var sources = await db.HistoricalSources.AsNoTracking().Where(s => s.Report!.AgencyId == agencyId).Select(s => s.Sha256).ToListAsync();
        var audit = await db.AuditEntries.CountAsync(a => a.AgencyId == agencyId && a.ReportId != null);
        return string.Join('|', reports.Select(r => $"{r.Id}:{r.Year}:{r.RowVersion}:{r.Cells.Count}")) + "|" + string.Join(',', sources) + "|" + audit;
    }

    private static List<string[]> Rows(Page page) => page.Document.QuerySelectorAll("#history-results tbody tr")
        .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();

    /// <summary>Posts the form as a browser's multiple file input does: one part per file under the same name.</summary>
    private static async Task<Page> Upload(PageClient client, Page page, int? agencyId, params (string Name, byte[] Bytes)[] files)
    {
        var token = page.Single("input[name='__RequestVerificationToken']").GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(agencyId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty), "AgencyId" },
        };
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "Uploads", name);
        }

        using var response = await client.Http.PostAsync("/Admin/History", form);
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response.StatusCode, "/Admin/History", null, html, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html));
    }
}
