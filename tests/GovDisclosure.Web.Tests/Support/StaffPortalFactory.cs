using GovDisclosure.Domain.Agencies;
using GovDisclosure.Domain.Reports;
using GovDisclosure.Domain.Rules;
using GovDisclosure.Domain.Templates;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace GovDisclosure.Web.Tests.Support;

/// <summary>
/// The staff portal on its own database (<see cref="PortalFactory"/>), seeded in code:
/// a city government with two departments, one user per role, the 2023 and 2024 reporting years.
/// </summary>
public sealed class StaffPortalFactory() : PortalFactory("gd_web")
{
    public const string Password = "Correct-Horse-42";

    public int CityId { get; private set; }

    public int EducationId { get; private set; }

    public int TransportId { get; private set; }

    protected override async Task SeedAsync()
    {
        await using var db = Db();
        var city = new Agency("示范市人民政府", "city", AgencyKind.PeopleGovernment, AdministrativeLevel.DistrictedCity, null);
        db.Agencies.Add(city);
        await db.SaveChangesAsync();
        var education = new Agency("示范市教育局", "edu", AgencyKind.Department, AdministrativeLevel.DistrictedCity, city);
        var transport = new Agency("示范市交通运输局", "transport", AgencyKind.Department, AdministrativeLevel.DistrictedCity, city);
        db.Agencies.AddRange(education, transport);
        db.ReportingYears.AddRange(new ReportingYear(2023, isOpen: false), new ReportingYear(2024));
        await db.SaveChangesAsync();
        (CityId, EducationId, TransportId) = (city.Id, education.Id, transport.Id);

        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await CreateUser(users, "filler", "张填报", education.Id, Roles.Filler);
        await CreateUser(users, "filler2", "李填报", transport.Id, Roles.Filler);
        await CreateUser(users, "reviewer", "王审核", city.Id, Roles.Reviewer);
        await CreateUser(users, "admin", "赵管理", city.Id, Roles.Admin);
    }

    public static async Task<ApplicationUser> CreateUser(UserManager<ApplicationUser> users, string userName, string displayName, int agencyId, params string[] roles)
    {
        var user = new ApplicationUser { UserName = userName, DisplayName = displayName, AgencyId = agencyId };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRolesAsync(user, roles);
        return user;
    }

    private int agencyCounter;

    /// <summary>A fresh department with its own filler, so each test can start its own (agency, year) report.</summary>
    public async Task<(int AgencyId, string UserName)> NewFiller()
    {
        var n = Interlocked.Increment(ref agencyCounter);
        await using var db = Db();
        var city = await db.Agencies.SingleAsync(a => a.Id == CityId);
        var agency = new Agency($"示范市第{n}局", $"dept{n}", AgencyKind.Department, AdministrativeLevel.DistrictedCity, city);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await CreateUser(users, $"deptfiller{n}", $"填报{n}", agency.Id, Roles.Filler);
        return (agency.Id, $"deptfiller{n}");
    }

    /// <summary>Starts a report the way the domain does, as the given agency's filler.</summary>
    public async Task<int> StartReport(int agencyId, int year, Action<AnnualReport>? then = null)
    {
        await using var db = Db();
        var agency = await db.Agencies.FindAsync(agencyId) ?? throw new InvalidOperationException("no agency");
        var report = AnnualReport.Start(agency, year, new Actor("seed", "种子数据", agencyId), DateTimeOffset.UtcNow);
        then?.Invoke(report);
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    public async Task Change(int reportId, Action<AnnualReport> change)
    {
        await using var db = Db();
        var report = await db.Reports.FindAsync(reportId) ?? throw new InvalidOperationException("no report");
        await db.Entry(report).Reference(r => r.Agency).LoadAsync();
        change(report);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Fills the report with content that keeps every balance rule (a request received is a request granted),
    /// writes a 说明 for each warning the rules raise, and submits it as the agency's filler.
    /// </summary>
    public Task FillAndSubmit(int reportId, params (string Code, decimal Value)[] cells) => Change(reportId, r =>
    {
        var actor = new Actor("seed-filler", "种子填报", r.AgencyId);
        var content = CompleteReport.Sparse(r, cells);
        r.UpdateContent(content, ExplainEveryWarning(r, content), new Dictionary<string, string>(), actor, DateTimeOffset.UtcNow);
        r.Submit(actor, DateTimeOffset.UtcNow, r.Agency!.Name);
    });

    /// <summary>A report for the year, filled, submitted, approved by someone else and published, as last year's would be.</summary>
    public async Task<int> Published(int agencyId, int year, params (string Code, decimal Value)[] cells)
    {
        var id = await StartReport(agencyId, year);
        await FillAndSubmit(id, cells);
        await using var db = Db();
        var report = await db.Reports.Include(r => r.Agency).SingleAsync(r => r.Id == id);
        var now = DateTimeOffset.UtcNow;
        var reviewer = new Actor("seed-reviewer", "种子审核", CityId);
        report.Approve(reviewer, now);
        var document = report.ToDocument(report.Agency!.Name);
        db.Publications.Add(report.Publish(reviewer, now, report.Agency.Name, "%PDF-1.7 seed"u8.ToArray(), InterchangeJson.Write(document), previousYear: null));
        await db.SaveChangesAsync();
        return id;
    }

    public static Dictionary<string, string> ExplainEveryWarning(AnnualReport report, ReportDocument content) =>
        ReportChecker.Check(new CheckContext(content) { Agency = report.Agency?.Profile })
            .Where(f => !f.IsError)
            .ToDictionary(f => f.Key, _ => "种子数据，情况属实。", StringComparer.Ordinal);
}
