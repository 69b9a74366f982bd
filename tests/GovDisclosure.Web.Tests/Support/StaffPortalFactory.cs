using GovDisclosure.Domain.Agencies;
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
/// The real web host on a migrated database of its own (one per test class), seeded in code:
/// a city government with two departments, one user per role, the 2023 and 2024 reporting years.
/// </summary>
public sealed class StaffPortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Correct-Horse-42";

    private string connectionString = string.Empty;

    public int CityId { get; private set; }

    public int EducationId { get; private set; }

    public int TransportId { get; private set; }

    public async Task InitializeAsync()
    {
        connectionString = await TestDatabase.CreateAsync("gd_web");
        await using var db = TestDatabase.Context(connectionString);
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
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

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

    public GovDisclosureDbContext Db() => TestDatabase.Context(connectionString);

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(connectionString);
    }
}
