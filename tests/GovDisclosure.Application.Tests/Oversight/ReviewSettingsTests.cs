using GovDisclosure.Application.Common;
using GovDisclosure.Application.Oversight;
using GovDisclosure.Application.Reports;
using GovDisclosure.Application.Tests.Reports;
using GovDisclosure.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Application.Tests.Oversight;

public sealed class ReviewSettingsTests : IAsyncLifetime
{
    private ReportWorld world = null!;

    public async Task InitializeAsync() => world = await ReportWorld.CreateAsync("gd_review_settings");

    public async Task DisposeAsync() => await world.DisposeAsync();

    private UserScope RegionAdmin => new("u-adm", "区管理员", world.Government.Id, world.Government.Path, IsFiller: false, IsReviewer: false, IsAdmin: true);

    private UserScope DepartmentAdmin => new("u-adm-a", "甲局管理员", world.BureauA.Id, world.BureauA.Path, IsFiller: false, IsReviewer: false, IsAdmin: true);

    [Fact]
    public async Task The_regions_admin_sets_the_threshold_for_every_agency_below_and_the_change_is_audited()
    {
        await using (var db = world.Db())
        {
            var result = await new ReviewSettingsAdmin(db, world.Clock).SetAsync(RegionAdmin, new ReviewSettingsInput(75, true, 4m, 15, 2.5m));
            Assert.True(result.IsOk, result.Message);
        }

        await using var read = world.Db();
        var settings = await new ReviewSettingsAdmin(read, world.Clock).InForceAsync(world.BureauA.Id);
        Assert.Equal((75, true, 4m, 15, 2.5m), (settings.CopyThresholdPercent, settings.ShowCopyFigurePublicly, settings.AnomalyZ, settings.AnomalyFloor, settings.JumpRatio));
        var audit = await read.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.ReviewSettingsChanged);
        Assert.Equal(world.Government.Id, audit.AgencyId);
        Assert.Contains("雷同提示线60%", audit.OldValue, StringComparison.Ordinal);
        Assert.Contains("雷同提示线75%", audit.NewValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_departments_admin_cannot_set_what_the_region_is_judged_by_and_an_out_of_range_value_names_its_field()
    {
        await using var db = world.Db();
        var admin = new ReviewSettingsAdmin(db, world.Clock);

        var department = await admin.SetAsync(DepartmentAdmin, new ReviewSettingsInput(75, false, 3.5m, 10, 3m));
        var tooLow = await admin.SetAsync(RegionAdmin, new ReviewSettingsInput(10, false, 3.5m, 10, 3m));
        var notAdmin = await admin.SetAsync(world.Reviewer, new ReviewSettingsInput(75, false, 3.5m, 10, 3m));

        Assert.Equal(UseCaseStatus.Refused, department.Status);
        Assert.Contains("人民政府的管理员", department.Message, StringComparison.Ordinal);
        Assert.Equal(UseCaseStatus.Refused, tooLow.Status);
        Assert.Contains("雷同提示线", tooLow.Message, StringComparison.Ordinal);
        Assert.Equal(UseCaseStatus.NotFound, notAdmin.Status);
        Assert.False(await db.ReviewSettings.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ReviewSettingsChanged));
    }
}
