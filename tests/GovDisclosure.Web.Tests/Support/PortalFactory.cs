using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests.Support;

/// <summary>
/// The real web host (Program.cs as deployed, environment "Testing") on a migrated PostgreSQL database of its
/// own, one per test class, dropped afterwards. Subclasses seed what their pages need and may swap services.
/// </summary>
public abstract class PortalFactory(string databasePrefix) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public GovDisclosureDbContext Db() => TestDatabase.Context(ConnectionString);

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync(databasePrefix);
        await SeedAsync();
    }

    protected abstract Task SeedAsync();

    /// <summary>Replaces services after Program.cs registered its own (a stand-in renderer, a fixed clock).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);

        // Every test client shares one address, and a class signs in far more often than a person would;
        // the rate-limit tests set their own, low limits.
        foreach (var limit in new[] { "SignInPerAddress", "SignInPerAccount", "PublicPerAddress" })
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", "1000000");
        }
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}
