using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Tests;

/// <summary>恢复法定截止日期 on /Admin/Years: shown first, done on confirmation, audited, and only by a government office.</summary>
public sealed class DeadlineResetPageTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task The_region_admin_restores_the_statutory_deadlines_only_after_confirming_and_each_year_is_audited()
    {
        var admin = await PageClient.SignedIn(factory, "admin");
        var moved = await admin.Submit(await admin.Get("/Admin/Years"), "tr[data-year='2024'] form.deadlines-form", new() { ["Deadlines.Department"] = "2025-02-15", ["Deadlines.Government"] = "2025-04-15" });
        Assert.Contains("已更新2024年度截止日期", moved.Text);

        var confirmation = await admin.Get(moved.Single("#reset-link").GetAttribute("href")!);

        Assert.Contains("2025-02-15 → 2025-01-31", confirmation.Single("tr[data-reset-year='2024']").TextContent);
        Assert.Contains("2025-04-15 → 2025-03-31", confirmation.Single("tr[data-reset-year='2024']").TextContent);
        Assert.Equal(new DateOnly(2025, 2, 15), (await Year(2024)).DepartmentDeadline);

        var done = await admin.Submit(confirmation, "#reset-form");

        // Another test of this class may have moved a year of its own; this one restores 2024 among them.
        Assert.Contains("2024年度的法定截止日期", done.Text);
        Assert.Equal("2025-01-31", done.Single("tr[data-year='2024'] input[name='Deadlines.Department']").GetAttribute("value"));
        Assert.Equal("2025-03-31", done.Single("tr[data-year='2024'] input[name='Deadlines.Government']").GetAttribute("value"));
        await using var db = factory.Db();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.DeadlinesChanged && a.Detail.StartsWith("2024年度截止日期恢复为法定日期")).SingleAsync();
        Assert.Equal("部门2025-02-15，政府2025-04-15", audit.OldValue);
        Assert.Equal("部门2025-01-31，政府2025-03-31", audit.NewValue);
        Assert.Equal("赵管理", audit.UserName);
        Assert.Equal(factory.CityId, audit.AgencyId);
    }

    [Fact]
    public async Task A_district_government_drops_its_own_deadlines_and_follows_the_statutory_ones_again()
    {
        var districtId = await District();
        var admin = await PageClient.SignedIn(factory, "admin-district");
        await admin.Submit(await admin.Get("/Admin/Years"), "tr[data-year='2023'] form.deadlines-form", new() { ["Deadlines.Department"] = "2024-01-10", ["Deadlines.Government"] = "2024-03-10" });

        var confirmation = await admin.Get("/Admin/Years?handler=ResetDeadlines");
        Assert.Contains("将删除本地区自定的截止日期", confirmation.Text);
        var done = await admin.Submit(confirmation, "#reset-form");

        Assert.Contains("已恢复2023年度的法定截止日期", done.Text);
        Assert.Equal("2024-01-31", done.Single("tr[data-year='2023'] input[name='Deadlines.Department']").GetAttribute("value"));
        await using var db = factory.Db();
        Assert.False(await db.DeadlineOverrides.AnyAsync(o => o.RegionAgencyId == districtId));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.UserName == "区政府管理员" && a.Detail.Contains("恢复为法定日期"));
        Assert.Equal("部门2024-01-10，政府2024-03-10", audit.OldValue);
    }

    [Fact]
    public async Task A_department_admin_is_told_deadlines_are_not_theirs_and_nothing_changes()
    {
        using (var scope = factory.Services.CreateScopeForUsers(out var users))
        {
            if (await users.FindByNameAsync("admin-transport") is null)
            {
                await StaffPortalFactory.CreateUser(users, "admin-transport", "交通局管理员", factory.TransportId, Roles.Admin);
            }
        }

        await using (var db = factory.Db())
        {
            var year = new ReportingYear(2022, isOpen: false);
            year.SetDeadlines(new DateOnly(2023, 2, 20), new DateOnly(2023, 4, 20));
            db.ReportingYears.Add(year);
            await db.SaveChangesAsync();
        }

        var departmentAdmin = await PageClient.SignedIn(factory, "admin-transport");
        var confirmation = await departmentAdmin.Get("/Admin/Years?handler=ResetDeadlines");
        var posted = await departmentAdmin.PostTo(confirmation, "/Admin/Years?handler=ResetDeadlines", new());

        Assert.Contains("部门管理员只能管理本机构的账户", confirmation.Single("#reset-confirm").TextContent);
        Assert.Null(confirmation.Find("#reset-form"));
        Assert.Contains("部门管理员只能管理本机构的账户", posted.Text);
        Assert.Equal(new DateOnly(2023, 2, 20), (await Year(2022)).DepartmentDeadline);
    }

    private async Task<ReportingYear> Year(int year)
    {
        await using var db = factory.Db();
        return await db.ReportingYears.AsNoTracking().SingleAsync(y => y.Year == year);
    }

    /// <summary>示范市某区人民政府 under the city, with its own admin.</summary>
    private async Task<int> District()
    {
        await using var db = factory.Db();
        var city = await db.Agencies.SingleAsync(a => a.Id == factory.CityId);
        var district = new Agency("示范市某区人民政府", "district", AgencyKind.PeopleGovernment, AdministrativeLevel.County, city);
        db.Agencies.Add(district);
        await db.SaveChangesAsync();
        using var scope = factory.Services.CreateScopeForUsers(out var users);
        await StaffPortalFactory.CreateUser(users, "admin-district", "区政府管理员", district.Id, Roles.Admin);
        return district.Id;
    }
}
