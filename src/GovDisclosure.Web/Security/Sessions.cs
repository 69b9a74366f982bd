using System.Globalization;
using System.Net;
using GovDisclosure.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace GovDisclosure.Web.Security;

/// <summary>
/// The staff session: a cookie that dies on sign-out, password change and role change (the security stamp is
/// checked on every request), after 30 idle minutes, and 8 hours after sign-in however busy the user is.
/// </summary>
public static class Sessions
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// When the user typed their password. Kept in the ticket's properties, which survive the renewals that
    /// sliding expiration and the stamp check make (those move IssuedUtc, so IssuedUtc cannot serve).
    /// </summary>
    public const string SignedInAtItem = "gd.signed_in_at";

    public static IServiceCollection AddStaffSessions(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Zero: every staff request reads the user's stamp, so a change made anywhere ends every session at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "gd.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy(configuration, environment);
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = IdleTimeout;
            o.Events.OnSigningIn = context =>
            {
                // A refresh after a password change keeps the original sign-in time; only a real sign-in sets it.
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(SignedInAtItem, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var at)
                    || !long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > AbsoluteLifetime)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });

        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, configuration));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>
    /// Secure cookies everywhere except where the portal is served over plain http on purpose: Development,
    /// the page tests (TestServer speaks http) and run.sh on the loopback address set
    /// Security:CookieSecurePolicy=SameAsRequest. Behind the TLS proxy the forwarded scheme makes requests https.
    /// </summary>
    private static CookieSecurePolicy CookieSecurePolicy(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Security:CookieSecurePolicy"] is { Length: > 0 } configured
            ? Enum.Parse<CookieSecurePolicy>(configured, ignoreCase: true)
            : environment.IsDevelopment() || environment.IsEnvironment("Testing") ? Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest
            : Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;

    /// <summary>
    /// Trust X-Forwarded-For/-Proto only from the proxies named in ForwardedHeaders:KnownProxies (addresses)
    /// and ForwardedHeaders:KnownNetworks (CIDR); loopback is trusted by default, nothing else.
    /// </summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfiguration configuration)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.ForwardLimit = 1;
        foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            o.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
        {
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
