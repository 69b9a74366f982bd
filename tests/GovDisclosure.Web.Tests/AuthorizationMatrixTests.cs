using System.Globalization;
using System.Net;
using System.Text;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GovDisclosure.Web.Tests;

/// <summary>
/// Every page handler and endpoint the running portal has, crossed with seven identities, for GET and POST. The
/// routes come from the test host's EndpointDataSource (and each page's handlers from its compiled descriptor), so a
/// new page appears here by itself; what each identity must get is written down below by hand, so a new page
/// without a decision fails, and a page that answers differently from the decision fails.
/// </summary>
public sealed class AuthorizationMatrixTests(StaffPortalFactory factory) : IClassFixture<StaffPortalFactory>
{
    // The seven identities, in the order of the letters below.
    private static readonly string?[] Identities = [null, "filler", "filler2", "reviewer-edu", "admin-edu", "admin", "reviewer"];

    // O reached the handler (any answer but the four below), L sent to sign-in, D refused (403 / 无权访问),
    // N 404 (the object is outside the identity's scope, or not public). The report under test is a draft of
    // 示范市教育局 (填报人 A's agency): 填报人 B (交通运输局) must not reach it; the public must not see it.
    //   columns: anonymous, 填报人 A, 填报人 B, 审核人 A (教育局), 部门管理员 (教育局), 地区管理员 (市政府), 发布人 (市审核人)
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["GET /"] = "OOOOOOO",
        ["GET /Error/{code:int?}"] = "OOOOOOO",
        ["POST /Error/{code:int?}"] = "OOOOOOO",
        ["GET /Error"] = "OOOOOOO",
        ["GET /Index"] = "OOOOOOO",
        ["GET /Reports"] = "OOOOOOO",
        ["GET /Reports/{id:int}"] = "NNNNNNN",
        ["GET /Agencies/{id:int}"] = "OOOOOOO",
        ["GET /Summary"] = "OOOOOOO",
        ["GET /Summary/Cell"] = "NNNNNNN",
        ["GET /api/reports"] = "OOOOOOO",
        ["GET /api/reports/{id:int}"] = "NNNNNNN",
        ["GET /api/summary"] = "OOOOOOO",
        ["GET /api/ontime"] = "OOOOOOO",
        ["GET /Reports/{id:int}/pdf"] = "NNNNNNN",
        ["GET /Reports/{id:int}/revisions/{revision:int}/pdf"] = "NNNNNNN",
        ["GET /Reports/{id:int}/json"] = "NNNNNNN",
        ["GET /Reports/{id:int}/csv"] = "NNNNNNN",
        ["GET /downloads/{year:int}.zip"] = "NNNNNNN",
        ["GET /sitemap.xml"] = "OOOOOOO",
        ["GET /robots.txt"] = "OOOOOOO",
        ["GET /healthz"] = "OOOOOOO",
        ["GET /Account/Login"] = "OOOOOOO",
        ["POST /Account/Login"] = "OOOOOOO",
        ["GET /Account/Logout"] = "OOOOOOO",
        ["POST /Account/Logout"] = "OOOOOOO",
        ["GET /Account/AccessDenied"] = "DDDDDDD",
        ["GET /Account"] = "LOOOOOO",
        ["GET /Account/Index"] = "LOOOOOO",
        ["GET /Account/Manage/ChangePassword"] = "LOOOOOO",
        ["POST /Account/Manage/ChangePassword"] = "LOOOOOO",
        ["GET /Work"] = "LOODDDD",
        ["GET /Work/Index"] = "LOODDDD",
        ["POST /Work"] = "LOODDDD",
        ["POST /Work/Index"] = "LOODDDD",
        ["GET /Work/Reports/{id:int}/Edit"] = "LONDDDD",
        ["POST /Work/Reports/{id:int}/Edit"] = "LONDDDD",
        ["GET /Work/Reports/{id:int}/History"] = "LONDDDD",
        ["GET /Work/Reports/{id:int}/Import"] = "LONDDDD",
        ["POST /Work/Reports/{id:int}/Import"] = "LONDDDD",
        ["GET /Work/Reports/{id:int}/Pdf"] = "LONDDDD",
        ["GET /Work/Reports/{id:int}/Preview"] = "LONDDDD",
        ["GET /Review"] = "LDDOOOO",
        ["GET /Review/Index"] = "LDDOOOO",
        ["GET /Review/Reports/{id:int}"] = "LDDOOOO",
        ["POST /Review/Reports/{id:int}"] = "LDDOOOO",
        ["GET /Review/Reports/{id:int}/Pdf"] = "LDDOOOO",
        ["GET /Admin"] = "LDDDOOD",
        ["GET /Admin/Index"] = "LDDDOOD",
        ["GET /Admin/Agencies"] = "LDDDOOD",
        ["POST /Admin/Agencies"] = "LDDDOOD",
        ["GET /Admin/Users"] = "LDDDOOD",
        ["POST /Admin/Users"] = "LDDDOOD",
        ["GET /Admin/Years"] = "LDDDOOD",
        ["POST /Admin/Years"] = "LDDDOOD",
        ["GET /Admin/Audit"] = "LDDDOOD",
        ["GET /Admin/Approval"] = "LDDDOOD",
        ["POST /Admin/Approval"] = "LDDDOOD",
        // Past reports as history: each admin for the agencies it manages (its own, or its region); sent empty, the form answers.
        ["GET /Admin/History"] = "LDDDOOD",
        ["POST /Admin/History"] = "LDDDOOD",
        // A department's admin reaches the page and is told the region's admin sets it (a refusal, not a 403).
        ["GET /Admin/Oversight"] = "LDDDOOD",
        ["POST /Admin/Oversight"] = "LDDDOOD",
        ["GET /Reports/{id:int}/compare"] = "NNNNNNN",
        ["GET /Reports/{id:int}/original"] = "NNNNNNN",
        ["GET /rules"] = "OOOOOOO",
        ["GET /OnTime"] = "OOOOOOO",
        ["GET /Indicators"] = "OOOOOOO",
        ["GET /api/indicators"] = "OOOOOOO",
        ["GET /api/agencies/{id:int}/indicators"] = "OOOOOOO",
        ["GET /downloads/indicators/{year:int}.csv"] = "OOOOOOO",
        // The probe fills the route value with a name that is no document (only v1 exists): 404 for everyone.
        ["GET /openapi/{documentName}.json"] = "NNNNNNN",
        // Any other /api path is a problem+json 404, for everyone.
        ["GET /api/{**path}"] = "NNNNNNN",

        // A handler whose form names an object: sent empty, the admins reach it and hear 404 (no such account or year).
        ["POST /Admin/Users?handler=Roles"] = "LDDDNND",
        ["POST /Admin/Users?handler=Unlock"] = "LDDDNND",
        ["POST /Admin/Years?handler=Open"] = "LDDDOND",
        ["POST /Admin/Years?handler=Deadlines"] = "LDDDNND",
        // 恢复法定截止日期: the department admin reaches both and is told it is not theirs (the page, with the refusal).
        ["GET /Admin/Years?handler=ResetDeadlines"] = "LDDDOOD",
        ["POST /Admin/Years?handler=ResetDeadlines"] = "LDDDOOD",
    };

    [Fact]
    public async Task Every_endpoint_and_handler_answers_each_identity_as_the_table_says()
    {
        var reportId = await factory.StartReport(factory.EducationId, 2024);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByNameAsync("admin-edu") is null)
            {
                await StaffPortalFactory.CreateUser(users, "reviewer-edu", "教育局审核", factory.EducationId, Roles.Reviewer);
                await StaffPortalFactory.CreateUser(users, "admin-edu", "教育局管理员", factory.EducationId, Roles.Admin);
            }
        }

        var requests = await PortalEndpoints.ReadAsync(factory.Services);
        var undecided = requests.Select(r => r.Key).Distinct().Where(k => !Expected.ContainsKey(k)).ToList();
        Assert.True(undecided.Count == 0, "No decision in the table for: " + string.Join(", ", undecided));

        var clients = new List<(PageClient Client, string Token)>();
        foreach (var name in Identities)
        {
            var client = name is null ? PageClient.For(factory) : await PageClient.SignedIn(factory, name);
            var tokenPage = await client.Get(name is null ? "/Account/Login" : "/Account/Manage/ChangePassword");
            clients.Add((client, tokenPage.Single("input[name='__RequestVerificationToken']").GetAttribute("value")!));
        }

        var wrong = new StringBuilder();
        var count = 0;
        foreach (var request in requests)
        {
            var url = Url(request.Pattern, reportId) + (request.Handler is null ? string.Empty : $"?handler={request.Handler}");
            for (var i = 0; i < Identities.Length; i++)
            {
                var (client, token) = clients[i];
                using var response = request.Verb == "GET"
                    ? await client.Http.GetAsync(url)
                    : await client.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                var got = Code(response);
                count++;
                Assert.True((int)response.StatusCode < 500, $"{request.Verb} {url} as {Identities[i] ?? "anonymous"}: {(int)response.StatusCode}");
                if (request.Verb == "POST" && response.StatusCode == HttpStatusCode.BadRequest && (await response.Content.ReadAsStringAsync()).Length == 0)
                {
                    wrong.AppendLine(CultureInfo.InvariantCulture, $"{request.Verb} {url} as {Identities[i] ?? "anonymous"}: antiforgery refused the token, the handler was never reached");
                }

                var expected = (Expected.GetValueOrDefault($"{request.Key}?handler={request.Handler}") ?? Expected[request.Key])[i];
                if (got != expected)
                {
                    wrong.AppendLine(CultureInfo.InvariantCulture, $"{request.Verb} {url} as {Identities[i] ?? "anonymous"}: expected {expected}, got {got} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(wrong.Length == 0, wrong.ToString());
        Assert.True(count > 300, $"only {count} requests: the endpoint table was not read");
    }

    private static char Code(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => 'N',
            HttpStatusCode.Forbidden => 'D',
            HttpStatusCode.Unauthorized => 'L',
            _ when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => 'L',
            _ when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => 'D',
            _ => 'O',
        };
    }

    private string Url(string pattern, int reportId) => ("/" + pattern.TrimStart('/'))
        .Replace("/Agencies/{id:int}", $"/Agencies/{factory.EducationId}", StringComparison.Ordinal)
        .Replace("/agencies/{id:int}", $"/agencies/{factory.EducationId}", StringComparison.Ordinal)
        .Replace("{id:int}", reportId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{revision:int}", "1", StringComparison.Ordinal)
        .Replace("{year:int}", "2024", StringComparison.Ordinal)
        .Replace("{code:int?}", string.Empty, StringComparison.Ordinal);
}
