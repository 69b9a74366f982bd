using Microsoft.Extensions.Time.Testing;
using GovDisclosure.Application.Common;
using GovDisclosure.Application.Reports;
using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Tests.Shared;
using GovDisclosure.Web.Public;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>
/// The real web host on its own migrated database, with a region (示范市 → departments) and a second region
/// (东区) for filters. Reports reach their state through the real use cases (Start, Save, Submit, Approve,
/// Publish, OpenCorrection…), so the public site is tested against what the workflow really writes.
/// After each publication the fixture calls <see cref="IPublicSiteCache.EvictReportAsync"/>, as the staff
/// publish handler must.
/// </summary>
public sealed class PublicSiteFactory() : PortalFactory("gd_public")
{
    private int counter;

    /// <summary>The host's clock: tests set it (AdjustTime, which may go back) so publications are on time or late.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.FromHours(8)));

    public Agency City { get; private set; } = null!;

    public Agency East { get; private set; } = null!;

    public UserScope Reviewer { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        await using var db = Db();
        City = new Agency("示范市人民政府", "SFS", AgencyKind.PeopleGovernment, AdministrativeLevel.DistrictedCity, null);
        East = new Agency("东区人民政府", "DQ", AgencyKind.PeopleGovernment, AdministrativeLevel.County, null);
        db.Agencies.AddRange(City, East);
        db.ReportingYears.AddRange(Enumerable.Range(2019, 7).Select(y => new ReportingYear(y, isOpen: true)));
        await db.SaveChangesAsync();
        Reviewer = new UserScope("u-reviewer", "市审核人", City.Id, "/", IsFiller: false, IsReviewer: true, IsAdmin: true);
    }

    /// <summary>A fresh agency (under 示范市 unless told) with its filler's scope.</summary>
    public async Task<(Agency Agency, UserScope Filler)> NewAgency(string? name = null, Agency? parent = null, AgencyKind kind = AgencyKind.Department)
    {
        var n = Interlocked.Increment(ref counter);
        await using var db = Db();
        var under = await db.Agencies.SingleAsync(a => a.Id == (parent ?? City).Id);
        var agency = new Agency(name ?? $"示范市第{n}局", $"P{n}", kind, AdministrativeLevel.DistrictedCity, under);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return (agency, new UserScope($"u-filler-{n}", $"填报人{n}", agency.Id, agency.Path, IsFiller: true, IsReviewer: false, IsAdmin: false));
    }

    /// <summary>Takes a new report of the filler's agency to <paramref name="state"/>; explanations get <paramref name="explanation"/>.</summary>
    public async Task<int> Report(UserScope filler, int year, ReportState state, ReportDocument? content = null, string explanation = "经核实数据无误。")
    {
        var id = Ok(await Run<StartReport>(u => u.ExecuteAsync(filler, year))).ReportId!.Value;
        if (state == ReportState.Draft && content is null)
        {
            return id;
        }

        await SaveExplained(filler, id, content ?? CompleteReport.Balanced(year), explanation);
        if (state == ReportState.Draft)
        {
            return id;
        }

        Ok(await Run<SubmitReport>(u => u.ExecuteAsync(filler, id, Version(id))));
        if (state == ReportState.Returned)
        {
            Ok(await Run<ReturnReport>(u => u.ExecuteAsync(Reviewer, id, Version(id), "退回意见：请核实第三部分")));
            return id;
        }

        if (state == ReportState.Submitted)
        {
            return id;
        }

        Ok(await Run<ApproveReport>(u => u.ExecuteAsync(Reviewer, id, Version(id))));
        if (state == ReportState.Approved)
        {
            return id;
        }

        await Publish(id);
        return id;
    }

    /// <summary>Publishes through the use case alone: the public pages' eviction is its listener's business, as in the portal.</summary>
    public async Task Publish(int id) => Ok(await Run<PublishReport>(u => u.ExecuteAsync(Reviewer, id, Version(id))));

    /// <summary>Opens a correction and saves new content into it (not submitted, not published).</summary>
    public async Task CorrectionDraft(UserScope filler, int id, string reason, ReportDocument content, string explanation)
    {
        Ok(await Run<OpenCorrection>(u => u.ExecuteAsync(Reviewer, id, Version(id), reason)));
        await SaveExplained(filler, id, content, explanation);
    }

    /// <summary>Opens, fills, submits, approves and publishes a correction.</summary>
    public async Task PublishCorrection(UserScope filler, int id, string reason, ReportDocument content)
    {
        await CorrectionDraft(filler, id, reason, content, "无");
        Ok(await Run<SubmitReport>(u => u.ExecuteAsync(filler, id, Version(id))));
        Ok(await Run<ApproveReport>(u => u.ExecuteAsync(Reviewer, id, Version(id))));
        await Publish(id);
    }

    public async Task Comment(int id, string text) => Ok(await Run<AddComment>(u => u.ExecuteAsync(Reviewer, id, text, null, "s3.received.natural")));

    public async Task SaveExplained(UserScope filler, int id, ReportDocument content, string explanation)
    {
        var saved = Ok(await Run<SaveReport>(u => u.ExecuteAsync(filler, new SaveReportInput(id, Version(id), content))));
        if (saved.Findings.Count > 0)
        {
            var explanations = saved.Findings.ToDictionary(f => f.Key, _ => explanation);
            Ok(await Run<SaveReport>(u => u.ExecuteAsync(filler, new SaveReportInput(id, saved.RowVersion!.Value, content, explanations))));
        }
    }

    public uint Version(int id)
    {
        using var db = Db();
        return db.Reports.AsNoTracking().Where(r => r.Id == id).Select(r => r.RowVersion).Single();
    }

    private async Task<UseCaseResult> Run<T>(Func<T, Task<UseCaseResult>> call)
        where T : notnull
    {
        using var scope = Services.CreateScope();
        return await call(scope.ServiceProvider.GetRequiredService<T>());
    }

    public static UseCaseResult Ok(UseCaseResult result)
    {
        Assert.True(result.IsOk, $"{result.Status}: {result.Message} {string.Join("；", result.Findings)}");
        return result;
    }

    /// <summary>A balanced report with one cell left blank: the rules warn (blank is not 0), so it needs a 说明.</summary>
    public static ReportDocument WithBlank(int year, string marker, int received = 5)
    {
        var doc = CompleteReport.Balanced(year, received, marker: marker);
        doc.Cells.Remove("s3.received.research");
        return doc;
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<IReportPdfRenderer, StandInPdfRenderer>();
        services.AddSingleton<TimeProvider>(Clock);
    }

}
