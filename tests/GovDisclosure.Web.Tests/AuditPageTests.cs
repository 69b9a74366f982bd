using System.Globalization;
using System.Text;
using GovDisclosure.Application.Common;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Support;

namespace GovDisclosure.Web.Tests;

/// <summary>/Admin/Audit as an admin uses it: the filters narrow the list on the page, and the CSV holds the same rows.</summary>
public sealed class AuditPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private int reportId;

    // xUnit makes a new instance per test; the fixture's database is seeded by the first.
    public async Task InitializeAsync()
    {
        using (var scope = factory.Services.CreateScopeForUsers(out var users))
        {
            if (await users.FindByNameAsync("admin-edu") is not null)
            {
                await using var seeded = factory.Db();
                reportId = seeded.Reports.Single(r => r.AgencyId == factory.EducationId && r.Year == 2024).Id;
                return;
            }

            await StaffPortalFactory.CreateUser(users, "admin-edu", "教育局管理员", factory.EducationId, Roles.Admin);
        }

        reportId = await factory.StartReport(factory.EducationId, 2024);
        var alice = new Actor("u-alice", "alice", factory.EducationId);
        var bob = new Actor("u-bob", "bob", factory.TransportId);
        await using var db = factory.Db();
        db.AuditEntries.AddRange(
            AuditEntry.Administrative(alice, At(2024, 3, 1, 10, 0), AuditActions.AgencyRenamed, factory.EducationId, "=HYPERLINK(\"http://example.com\")", "+1", "-2"),
            AuditEntry.Administrative(bob, At(2024, 5, 10, 9, 0), AuditActions.AgencyRenamed, factory.TransportId, "@SUM(A1) 交通局更名"),
            AuditEntry.Administrative(bob, At(2024, 5, 31, 23, 30), AuditActions.RolesChanged, factory.TransportId, "五月最后一刻"),
            AuditEntry.Administrative(bob, At(2024, 6, 1, 0, 10), AuditActions.RolesChanged, factory.TransportId, "六月第一刻"),
            AuditEntry.Administrative(alice, At(2024, 6, 20, 15, 0), AuditActions.YearOpened, factory.CityId, "开放2024年度"),
            new AuditEntry(alice, At(2024, 7, 1, 8, 0), AuditActions.CellChanged, factory.EducationId, reportId, 1, "本年新收：1 → 2", "s3.received.natural", "1", "2"));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Filtering_by_user_shows_only_that_users_lines()
    {
        var admin = await PageClient.SignedIn(factory, "admin");

        var page = await admin.Get("/Admin/Audit?UserName=bob");

        Assert.Equal(new[] { "五月最后一刻", "六月第一刻", "@SUM(A1) 交通局更名" }.Order(StringComparer.Ordinal), Details(page).Order(StringComparer.Ordinal));
        Assert.All(Rows(page), r => Assert.Equal("bob", r[1]));
        Assert.Contains("共 3 条", page.Text);
    }

    [Fact]
    public async Task Filtering_by_agency_shows_only_that_agencys_lines()
    {
        var admin = await PageClient.SignedIn(factory, "admin");

        var page = await admin.Get($"/Admin/Audit?AgencyId={factory.TransportId}");

        Assert.All(Rows(page), r => Assert.Equal("示范市交通运输局", r[3]));
        Assert.Equal(3, Rows(page).Count);
        Assert.Equal("selected", page.Single($"#AgencyId option[value='{factory.TransportId}']").GetAttribute("selected"));
    }

    [Fact]
    public async Task Filtering_by_report_shows_only_that_reports_history()
    {
        var admin = await PageClient.SignedIn(factory, "admin");

        var page = await admin.Get($"/Admin/Audit?ReportId={reportId}");

        Assert.NotEmpty(Rows(page));
        Assert.All(Rows(page), r => Assert.StartsWith($"{reportId}（第1版）", r[4], StringComparison.Ordinal));
        Assert.Contains(Details(page), d => d.Contains("本年新收：1 → 2", StringComparison.Ordinal));
        Assert.DoesNotContain(Details(page), d => d.Contains("交通局更名", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filtering_by_dates_keeps_the_Beijing_days_named_both_ends_included()
    {
        var admin = await PageClient.SignedIn(factory, "admin");

        var page = await admin.Get("/Admin/Audit?From=2024-05-01&To=2024-05-31");

        // 23:30 on 31 May in Beijing is still May (15:30 UTC); ten past midnight on 1 June is not.
        Assert.Equal(new[] { "@SUM(A1) 交通局更名", "五月最后一刻" }.Order(StringComparer.Ordinal), Details(page).Order(StringComparer.Ordinal));
        Assert.Equal("2024-05-31 23:30:00", Rows(page)[0][0]);
        Assert.Equal("2024-05-01", page.Single("#From").GetAttribute("value"));
    }

    [Fact]
    public async Task A_report_number_that_is_not_a_number_is_named_beside_the_field_in_chinese()
    {
        var admin = await PageClient.SignedIn(factory, "admin");

        var page = await admin.Get("/Admin/Audit?ReportId=%EF%BC%91%E5%AD%97");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.Contains("不是有效的值", page.Single("span[data-valmsg-for='ReportId']").TextContent);
        Assert.Empty(Rows(page));
    }

    [Fact]
    public async Task A_department_admin_sees_only_its_own_agencys_lines()
    {
        var departmentAdmin = await PageClient.SignedIn(factory, "admin-edu");

        var page = await departmentAdmin.Get("/Admin/Audit");
        var otherAgency = await departmentAdmin.Get($"/Admin/Audit?AgencyId={factory.TransportId}");

        Assert.NotEmpty(Rows(page));
        Assert.All(Rows(page), r => Assert.Equal("示范市教育局", r[3]));
        Assert.DoesNotContain(Details(page), d => d.Contains("交通局更名", StringComparison.Ordinal) || d.Contains("开放2024年度", StringComparison.Ordinal));
        Assert.Null(page.Find($"#AgencyId option[value='{factory.TransportId}']"));
        Assert.Empty(Rows(otherAgency));
        Assert.Contains("共 0 条", otherAgency.Text);
    }

    [Fact]
    public async Task The_csv_has_a_bom_the_filtered_pages_rows_and_cells_that_cannot_run_as_formulas()
    {
        var admin = await PageClient.SignedIn(factory, "admin");
        var page = await admin.Get($"/Admin/Audit?AgencyId={factory.EducationId}");

        using var response = await admin.Http.GetAsync($"/Admin/Audit?AgencyId={factory.EducationId}&handler=Csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xef, 0xbb, 0xbf }, bytes[..3]);
        var lines = Rows(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal("时间（北京时间）", lines[0][0]);
        var csvRows = lines.Skip(1).ToList();
        Assert.Equal(Rows(page).Select(r => (r[0], r[1], r[2])), csvRows.Select(r => (r[0], r[1], r[2])));
        var formula = Assert.Single(csvRows, r => r[6].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("'=HYPERLINK(\"http://example.com\")", formula[6]);
        Assert.Equal("'+1", formula[7]);
        Assert.Equal("'-2", formula[8]);

        using var bobs = await admin.Http.GetAsync("/Admin/Audit?UserName=bob&handler=Csv");
        var bobLines = Rows(Encoding.UTF8.GetString(await bobs.Content.ReadAsByteArrayAsync())[1..]);
        Assert.Contains(bobLines, r => r[6] == "'@SUM(A1) 交通局更名");
        Assert.Equal(4, bobLines.Count);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new DateTimeOffset(year, month, day, hour, minute, 0, Beijing).ToUniversalTime();

    /// <summary>The list's rows as the admin reads them: time, user, action, agency, report, content.</summary>
    private static List<string[]> Rows(Page page) =>
        page.Document.QuerySelectorAll("table.list-table tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();

    /// <summary>Each row's 内容 without the 修改前后 it can unfold.</summary>
    private static List<string> Details(Page page) =>
        page.Document.QuerySelectorAll("table.list-table tbody tr td:last-child")
            .Select(td => string.Concat(td.ChildNodes.Where(n => n.NodeType == AngleSharp.Dom.NodeType.Text).Select(n => n.TextContent)).Trim()).ToList();

    private static List<string[]> Rows(string text) => Csv.Read(text).Select(r => r.ToArray()).ToList();
}
