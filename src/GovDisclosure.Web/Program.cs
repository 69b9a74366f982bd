using GovDisclosure.Application;
using GovDisclosure.Infrastructure;
using GovDisclosure.Infrastructure.Data;
using GovDisclosure.Infrastructure.Identity;
using GovDisclosure.Infrastructure.Pdf;
using GovDisclosure.Web.Public;
using GovDisclosure.Web.Security;
using Microsoft.AspNetCore.Identity;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Logging: Serilog as the host's logger, configured from appsettings and the environment (docs/decisions/0003).
// preserveStaticLogger: the page tests start many hosts in one process, and none may replace another's logger.
builder.Host.UseSerilog(
    (context, services, logger) => logger.ReadFrom.Configuration(context.Configuration).ReadFrom.Services(services).Enrich.FromLogContext(),
    preserveStaticLogger: true);

// The use cases and queries (Application), and what implements their seams (Infrastructure): the composition root.
builder.Services.AddGovDisclosureApplication();
builder.Services.AddGovDisclosureData(builder.Configuration);

// One key ring in PostgreSQL for every instance and restart: cookies and open forms survive both (docs/operations.md).
builder.Services.AddSharedDataProtection(builder.Configuration);
builder.Services.AddReportPdf(builder.Configuration);
builder.Services
    .AddIdentity<ApplicationUser, IdentityRole>(IdentityPolicy.Apply)
    .AddEntityFrameworkStores<GovDisclosureDbContext>()
    .AddClaimsPrincipalFactory<AgencyClaimsFactory>()
    .AddPortalIdentityRules()
    .AddDefaultTokenProviders();

// Sessions: stamp checked on every request, 30 min idle, 8 h absolute, Secure cookies, forwarded headers, HSTS.
builder.Services.AddStaffSessions(builder.Configuration, builder.Environment);

// Rate limits: sign-in per address (and per account name in the handler), the API and downloads per address.
builder.Services.AddPortalRateLimits(builder.Configuration);

// Authorization: named policies, applied to whole page folders so no staff page can forget one.
builder.Services.AddAuthorization(Policies.Add);
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/Work", Policies.Filler);
    o.Conventions.AuthorizeFolder("/Review", Policies.Reviewer);
    o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
    o.Conventions.AuthorizeFolder("/Account/Manage", Policies.Staff);
});
builder.Services.AddFormInputChecks();
builder.Services.AddAntiforgery(o => o.Cookie.Name = "gd.af");
builder.Services.AddSingleton(TimeProvider.System);

// The public site and open-data API: anonymous, published revisions only, output-cached (docs/decisions/0004).
builder.Services.AddPublicSite(builder.Configuration);

var app = builder.Build();

// First, so the client address, scheme, HSTS and the rate limiter all see what the proxy saw.
app.UseForwardedHeaders();

// Fail loudly at start when a CJK font is missing: publishing would otherwise fail at the worst moment.
app.Services.ValidatePdfFonts();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

// One line per request: method, path without its query string, status and time. Never bodies, query strings or
// headers, which carry passwords, search terms and cookies.
// The host's logger, not the static one: the static logger is left alone (preserveStaticLogger above).
app.UseSerilogRequestLogging(o =>
{
    o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    o.IncludeQueryInRequestPath = false;
});
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseStaticFiles();
app.UseMiddleware<UnreadableFormMiddleware>();
app.UseMiddleware<NulInFormMiddleware>();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

// PublicSite:OutputCache=false serves every public page from the stored public record: the benchmark of an uncached
// page (docs/benchmarks.md), or an operator ruling the cache out while chasing a stale page.
if (app.Configuration.GetValue("PublicSite:OutputCache", true))
{
    app.UseOutputCache();
}

app.MapRazorPages();
app.MapPublicSite();

// For run.sh, the compose health check and monitoring: the process answers and the database is reachable.
app.MapGet("/healthz", async (GovDisclosureDbContext db, CancellationToken ct) =>
    await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.Text("database unreachable", statusCode: 503));

app.Run();

/// <summary>Exposed for WebApplicationFactory in the page tests.</summary>
public partial class Program;
