using GovDisclosure.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovDisclosure.Web.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task The_portal_starts_against_a_migrated_database_and_reports_itself_healthy()
    {
        var cs = await TestDatabase.CreateAsync("gd_web_health");
        try
        {
            await using var factory = new WebApplicationFactory<Program>()
                .WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Default", cs));
            using var client = factory.CreateClient();

            var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(cs);
        }
    }

    [Fact]
    public async Task The_health_check_fails_when_the_database_is_unreachable()
    {
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Default", "Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=2"));
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
