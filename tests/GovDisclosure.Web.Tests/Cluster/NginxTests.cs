using System.Diagnostics;
using System.Net;
using GovDisclosure.Web.Tests.Support;

namespace GovDisclosure.Web.Tests.Cluster;

/// <summary>
/// Debian's nginx (scripts/deps.sh nginx) with deploy/nginx-two-instances.conf in front of the two processes of
/// <see cref="TwoInstances"/>: the proxy set-up is tried, not only written. Ports are rewritten to free ones.
/// </summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class NginxTests(TwoInstances cluster)
{
    private const string Nginx = "/usr/sbin/nginx";

    [Fact]
    public async Task Behind_nginx_a_signed_in_reviewer_is_served_by_both_instances_and_stays_signed_in()
    {
        Assert.True(File.Exists(Nginx), "nginx is missing: run scripts/deps.sh nginx");
        var port = WebProcess.FreePort();
        var prefix = Directory.CreateTempSubdirectory("gd-nginx-").FullName;
        var site = (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "nginx-two-instances.conf")))
            .Replace("127.0.0.1:8081", $"127.0.0.1:{cluster.A.Port}", StringComparison.Ordinal)
            .Replace("127.0.0.1:8082", $"127.0.0.1:{cluster.B.Port}", StringComparison.Ordinal)
            .Replace("listen 127.0.0.1:8080", $"listen 127.0.0.1:{port}", StringComparison.Ordinal);
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log;
            events { worker_connections 256; }
            http {
                access_log {{prefix}}/access.log;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                {{site}}
            }
            """);
        using var nginx = Process.Start(new ProcessStartInfo(Nginx, ["-p", prefix, "-c", config]) { UseShellExecute = false, RedirectStandardError = true })!;
        try
        {
            var cookies = new CookieContainer();
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitForAsync(http);
            var client = new PageClient(http);
            var login = await client.Get("/Account/Login");
            var signedIn = await client.Submit(login, "form", new() { ["Input.UserName"] = "reviewer", ["Input.Password"] = StaffPortalFactory.Password }, follow: false);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);

            // nginx takes turns between the upstreams, so a few requests reach both processes.
            for (var i = 0; i < 4; i++)
            {
                var page = await client.Get("/Review", follow: false);
                Assert.Equal(HttpStatusCode.OK, page.Status);
            }

            var access = await File.ReadAllTextAsync(Path.Combine(prefix, "access.log"));
            Assert.Contains("/Review", access);
        }
        finally
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }
    }

    private static async Task WaitForAsync(HttpClient http)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // nginx not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("nginx did not answer /healthz through the two instances");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GovDisclosure.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("GovDisclosure.sln not found");
    }
}
