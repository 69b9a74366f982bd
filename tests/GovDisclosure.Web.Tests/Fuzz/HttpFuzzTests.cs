using System.Globalization;
using GovDisclosure.Application.Common;
using GovDisclosure.Tests.Shared;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GovDisclosure.Web.Tests.Fuzz;

/// <summary>
/// Hostile requests to every page handler and endpoint. The suite sends 2,000 (about three minutes on the loaded
/// shared machine); the 10,000-case run is the same test with GD_FUZZ_CASES=10000 (figures in docs/security.md).
/// The seed is fixed, so a failure is the same failure on the next run; GD_FUZZ_ONLY=12,345 replays single cases.
/// </summary>
public sealed class HttpFuzzTests(StaffPortalFactory factory, ITestOutputHelper output) : IClassFixture<StaffPortalFactory>
{
    public const int Seed = 13;

    private static int CaseCount => int.TryParse(Environment.GetEnvironmentVariable("GD_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2_000;

    [Fact]
    public async Task Hostile_requests_to_every_route_get_no_server_error_and_no_stack_trace()
    {
        var published = await factory.Published(factory.TransportId, 2023, ("s3.received.natural", 4m));
        var submitted = await factory.StartReport(factory.TransportId, 2024);
        await factory.FillAndSubmit(submitted, ("s3.received.natural", 2m));
        var draft = await factory.StartReport(factory.EducationId, 2024);

        // The draft PDF and publication render through the stand-in: PDFsharp has its own tests, and here it would only be slow.
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IReportPdfRenderer, StandInPdfRenderer>()));
        var fuzzer = new HttpFuzzer(host, route => Target(route, draft, submitted, published));
        var only = Environment.GetEnvironmentVariable("GD_FUZZ_ONLY")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();

        var outcome = await fuzzer.RunAsync(CaseCount, Seed, only is null ? null : only.Contains);

        output.WriteLine(outcome.Summary);
        Assert.True(outcome.Failures.Count == 0, outcome.Summary + "\n" + string.Join("\n", outcome.Failures.Take(40)));
        Assert.True(only is not null || outcome.Routes >= 60, $"only {outcome.Routes} routes: the endpoint table was not read");
    }

    /// <summary>Each area is fuzzed by an identity that may use it, on the report in the state its pages work on.</summary>
    private FuzzTarget Target(RouteProbe route, int draft, int submitted, int published)
    {
        var path = "/" + route.Pattern.TrimStart('/');
        var user = path switch
        {
            _ when path.StartsWith("/Work", StringComparison.Ordinal) => "filler",
            _ when path.StartsWith("/Review", StringComparison.Ordinal) => "reviewer",
            _ when path.StartsWith("/Admin", StringComparison.Ordinal) => "admin",
            _ when path.StartsWith("/Account", StringComparison.Ordinal) && !path.Contains("Log", StringComparison.Ordinal) => "filler2",
            _ => null,
        };
        var id = path.StartsWith("/Work", StringComparison.Ordinal) ? draft
            : path.StartsWith("/Review", StringComparison.Ordinal) ? submitted
            : path.StartsWith("/Agencies", StringComparison.Ordinal) ? factory.TransportId
            : published;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture),
            ["revision"] = "1",
            ["year"] = "2023",
            ["code"] = string.Empty,
            ["documentName"] = "v1",
            ["path"] = "reports-archive",
        };
        return new FuzzTarget(user, route.RouteValues.Where(values.ContainsKey).ToDictionary(v => v, v => values[v], StringComparer.Ordinal));
    }
}
