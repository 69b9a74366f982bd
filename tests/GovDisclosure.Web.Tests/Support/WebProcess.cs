using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GovDisclosure.Web.Tests.Support;

/// <summary>
/// The built GovDisclosure.Web.dll as its own operating-system process (dotnet GovDisclosure.Web.dll), started
/// from its content root like a deployment: what two instances share can only be what they share for real
/// (the database), never a test host's memory.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private WebProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the portal on the port and waits until /healthz answers (a loaded machine may take a while to JIT it).</summary>
    public static async Task<WebProcess> StartAsync(string connectionString, int? port = null, IDictionary<string, string>? settings = null)
    {
        var chosen = port ?? FreePort();
        var (contentRoot, dll) = Locate();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{chosen}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Security__CookieSecurePolicy"] = "SameAsRequest";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var limit in new[] { "SignInPerAddress", "SignInPerAccount", "PublicPerAddress" })
        {
            start.Environment[$"RateLimits__{limit}__PermitLimit"] = "1000000";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var web = new WebProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), chosen);
        web.process.OutputDataReceived += (_, e) => web.Append(e.Data);
        web.process.ErrorDataReceived += (_, e) => web.Append(e.Data);
        web.process.BeginOutputReadLine();
        web.process.BeginErrorReadLine();
        await web.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        return web;
    }

    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web process exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The web process on port {Port} did not answer /healthz within {timeout}:\n{Output}");
    }

    /// <summary>The project folder (content root: appsettings.json, wwwroot) and the dll built beside the tests, same configuration.</summary>
    private static (string ContentRoot, string Dll) Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GovDisclosure.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("GovDisclosure.sln not found above " + AppContext.BaseDirectory);
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var contentRoot = Path.Combine(directory.FullName, "src", "GovDisclosure.Web");
        var dll = Path.Combine(contentRoot, "bin", configuration, "net10.0", "GovDisclosure.Web.dll");
        return File.Exists(dll) ? (contentRoot, dll) : throw new InvalidOperationException("Build the web project first: " + dll);
    }
}
