using GovDisclosure.Application.Admin;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Application.Tests.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Tests.Admin;

/// <summary>Administration is scoped like reports: by the admin's agency, and by what kind of agency it is.</summary>
public sealed class AdminScopeTests : IAsyncLifetime
{
    private ReportWorld world = null!;
    private UserScope regionAdmin = null!;
    private UserScope departmentAdmin = null!;

    public async Task InitializeAsync()
    {
        world = await ReportWorld.CreateAsync("gd_admin_scope");
        regionAdmin = new UserScope("u-ra", "区管理员", world.Government.Id, world.Government.Path, IsFiller: false, IsReviewer: false, IsAdmin: true);
        departmentAdmin = new UserScope("u-da", "甲局管理员", world.BureauA.Id, world.BureauA.Path, IsFiller: false, IsReviewer: false, IsAdmin: true);
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task A_department_admin_cannot_open_a_year_add_one_or_move_deadlines()
    {
        await using var db = world.Db();
        var years = new YearAdmin(db, world.Clock);

        var open = await years.SetOpenAsync(departmentAdmin, 2021, open: false);
        var add = await years.AddAsync(departmentAdmin, 2030);
        var deadlines = await years.SetDeadlinesAsync(departmentAdmin, 2021, new DateOnly(2022, 2, 28), new DateOnly(2022, 4, 30));

        Assert.All([open, add, deadlines], r => Assert.Equal((UseCaseStatus.Refused, AdminReach.DepartmentRefusal), (r.Status, r.Message)));
        await using var check = world.Db();
        var year = await check.ReportingYears.SingleAsync(y => y.Year == 2021);
        Assert.Equal((true, new DateOnly(2022, 1, 31)), (year.IsOpen, year.DepartmentDeadline));
        Assert.False(await check.ReportingYears.AnyAsync(y => y.Year == 2030));
        Assert.Empty(await check.AuditEntries.Where(a => a.UserId == "u-da").ToListAsync());
    }

    [Fact]
    public async Task The_regions_government_office_opens_years_and_sets_deadlines_and_each_change_is_audited_old_to_new()
    {
        await using (var db = world.Db())
        {
            var years = new YearAdmin(db, world.Clock);
            Assert.True((await years.SetOpenAsync(regionAdmin, 2021, open: false)).IsOk);
            Assert.True((await years.SetDeadlinesAsync(regionAdmin, 2021, new DateOnly(2022, 2, 28), new DateOnly(2022, 3, 31))).IsOk);
        }

        await using var check = world.Db();
        var audit = await check.AuditEntries.AsNoTracking().Where(a => a.UserId == "u-ra").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.YearClosed, AuditActions.DeadlinesChanged], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(world.Government.Id, a.AgencyId));
        Assert.Equal(("开放", "关闭"), (audit[0].OldValue, audit[0].NewValue));
        Assert.Equal(("部门2022-01-31，政府2022-03-31", "部门2022-02-28，政府2022-03-31"), (audit[1].OldValue, audit[1].NewValue));
    }

    [Fact]
    public async Task A_government_office_below_the_top_sets_only_its_own_regions_deadlines()
    {
        Agency town;
        await using (var db = world.Db())
        {
            var government = await db.Agencies.SingleAsync(a => a.Id == world.Government.Id);
            town = new Agency("新华区城关镇人民政府", "XH-CG", AgencyKind.TownshipStreet, AdministrativeLevel.Township, government);
            db.Agencies.Add(town);
            await db.SaveChangesAsync();
        }

        var townAdmin = new UserScope("u-ta", "镇管理员", town.Id, town.Path, IsFiller: false, IsReviewer: false, IsAdmin: true);
        await using (var db = world.Db())
        {
            var years = new YearAdmin(db, world.Clock);
            var open = await years.SetOpenAsync(townAdmin, 2021, open: false);
            Assert.Equal(UseCaseStatus.Refused, open.Status);
            Assert.Contains("最上级人民政府", open.Message, StringComparison.Ordinal);
            Assert.True((await years.SetDeadlinesAsync(townAdmin, 2021, new DateOnly(2022, 2, 15), new DateOnly(2022, 4, 15))).IsOk);
        }

        await using var check = world.Db();
        var year = await check.ReportingYears.SingleAsync(y => y.Year == 2021);
        Assert.Equal((true, new DateOnly(2022, 3, 31)), (year.IsOpen, year.GovernmentDeadline));
        var own = await check.DeadlineOverrides.SingleAsync(o => o.RegionAgencyId == town.Id);
        Assert.Equal(new DateOnly(2022, 4, 15), own.GovernmentDeadline);
        Assert.Equal(new DateOnly(2022, 4, 15), Deadlines.For(year, town, [own]));
    }

    [Fact]
    public async Task A_department_admin_neither_creates_nor_renames_agencies_and_a_region_admin_cannot_reach_outside_its_tree()
    {
        await using var db = world.Db();
        var agencies = new AgencyAdmin(db, world.Clock);

        var create = await agencies.CreateAsync(departmentAdmin, new NewAgency(world.BureauA.Id, "甲局下属中心", "XH-A-1", AgencyKind.Other, AdministrativeLevel.County));
        var rename = await agencies.RenameAsync(departmentAdmin, world.BureauA.Id, "甲局（新）");
        var bureauAdmin = departmentAdmin with { AgencyId = world.BureauB.Id, AgencyPath = world.BureauB.Path };
        var renameOther = await agencies.RenameAsync(bureauAdmin, world.BureauA.Id, "甲局（被乙局改名）");

        Assert.Equal((UseCaseStatus.Refused, AdminReach.DepartmentRefusal), (create.Status, create.Message));
        Assert.Equal(UseCaseStatus.Refused, rename.Status);
        Assert.Equal(UseCaseStatus.Refused, renameOther.Status);
        Assert.Equal("新华区甲局", (await world.Db().Agencies.SingleAsync(a => a.Id == world.BureauA.Id)).Name);
    }

    [Fact]
    public async Task A_region_admin_renames_within_its_region_and_the_trail_keeps_both_names()
    {
        await using (var db = world.Db())
        {
            Assert.True((await new AgencyAdmin(db, world.Clock).RenameAsync(regionAdmin, world.BureauA.Id, "新华区甲管理局")).IsOk);
        }

        await using var check = world.Db();
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.AgencyRenamed);
        Assert.Equal((world.BureauA.Id, "新华区甲局", "新华区甲管理局", "区管理员"), (entry.AgencyId!.Value, entry.OldValue, entry.NewValue, entry.UserName));
    }
}
