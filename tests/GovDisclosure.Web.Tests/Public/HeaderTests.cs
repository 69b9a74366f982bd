using System.Net;
using GovDisclosure.Domain.Workflow;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovDisclosure.Web.Tests.Public;

/// <summary>What a browser is told about framing, scripts, sniffing and caching, on the public side.</summary>
public sealed class PublicHeaderTests(PublicSiteFactory factory) : IClassFixture<PublicSiteFactory>
{
    private HttpClient Anonymous(WebApplicationFactory<Program>? host = null) =>
        (host ?? factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task A_public_page_forbids_inline_scripts_and_sniffing_and_may_be_cached()
    {
        var response = await Anonymous().GetAsync("/Reports");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("'unsafe-inline' ", csp.Split("script-src")[1].Split(';')[0] + " ");
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty);
    }

    [Fact]
    public async Task A_published_pdf_download_is_not_sniffed_and_keeps_its_long_cache()
    {
        var (_, filler) = await factory.NewAgency();
        var id = await factory.Report(filler, 2023, ReportState.Published);

        var response = await Anonymous().GetAsync($"/Reports/{id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("frame-ancestors 'self'", Header(response, "Content-Security-Policy"));
        Assert.Contains("max-age=300", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_forged_host_header_is_refused_and_the_sitemap_uses_the_configured_address()
    {
        await using var host = factory.WithWebHostBuilder(b => b.UseSetting("PublicSite:BaseUrl", "https://gk.example.gov.cn/"));
        var forged = new HttpRequestMessage(HttpMethod.Get, "/robots.txt");
        forged.Headers.Host = "evil.example.com";

        var refused = await Anonymous(host).SendAsync(forged);
        var robots = await Anonymous(host).GetStringAsync("/robots.txt");
        var sitemap = await Anonymous(host).GetStringAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Sitemap: https://gk.example.gov.cn/sitemap.xml", robots);
        Assert.Contains("<loc>https://gk.example.gov.cn/Reports</loc>", sitemap);
        Assert.DoesNotContain("localhost", sitemap);
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : throw new Xunit.Sdk.XunitException($"no {name} header");
}

/// <summary>The staff side: never framed (except the draft PDF, by the portal itself) and never cached.</summary>
public sealed class StaffHeaderTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    [Fact]
    public async Task A_staff_page_cannot_be_framed_or_cached()
    {
        var client = await PageClient.SignedIn(factory, "filler");

        var response = await client.Http.GetAsync("/Work");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = PublicHeaderTests.Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("DENY", PublicHeaderTests.Header(response, "X-Frame-Options"));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", PublicHeaderTests.Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", PublicHeaderTests.Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task The_draft_pdf_may_be_framed_by_the_portal_only_and_is_not_stored()
    {
        var (agency, filler) = await factory.NewFiller();
        var id = await factory.StartReport(agency, 2024);
        var client = await PageClient.SignedIn(factory, filler);

        var response = await client.Http.GetAsync($"/Work/Reports/{id}/Pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("frame-ancestors 'self'", PublicHeaderTests.Header(response, "Content-Security-Policy"));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task No_page_carries_an_inline_script_or_event_handler()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "GovDisclosure.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        // A JSON data block (type="application/json") is never executed, so CSP and this test leave it alone.
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src", "GovDisclosure.Web"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"<script(?![^>]*\b(?:src=|type=""application/json""))[^>]*>|\son[a-z]+\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();

        Assert.Empty(offenders);
    }
}
