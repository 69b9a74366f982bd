using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovDisclosure.BrowserTests;

/// <summary>
/// The whole portal on a real Kestrel port over a real, migrated PostgreSQL database, driven by Debian's
/// headless Chromium through Playwright (browser downloads fail on our machines, so the driver is pointed
/// at /usr/bin/chromium).
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => factory!.Services;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync("gd_browser");
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Default", ConnectionString);

            // Plain http on the loopback address, as run.sh serves it: Secure cookies would never come back.
            b.UseSetting("Security:CookieSecurePolicy", "SameAsRequest");

            // Every browser context signs in from 127.0.0.1, and the journeys sign in more than the per-address
            // limit (20 a minute) when a fast machine runs them together: a throttled sign-in failed CI once.
            // The throttle itself is tested over HTTP (SignInThrottleTests).
            b.UseSetting("RateLimits:SignInPerAddress:PermitLimit", "10000");
        });
        // Port 0 is reported back as the default 5000 by the server addresses feature, so pick a free port first.
        var port = FreeTcpPort();
        factory.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        factory.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";

        playwright = await Playwright.CreateAsync();

        // Playwright launches every browser with a fresh temporary profile of its own (it refuses --user-data-dir).
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GD_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies and storage) at 1366×768, the size the portal is designed for.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public async Task SeedAsync(Func<IServiceProvider, Task> seed)
    {
        await using var scope = Services.CreateAsyncScope();
        await seed(scope.ServiceProvider);
    }

    public GovDisclosureDbContext Db() => TestDatabase.Context(ConnectionString);

    private static int FreeTcpPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await TestDatabase.DropAsync(ConnectionString);
    }
}
