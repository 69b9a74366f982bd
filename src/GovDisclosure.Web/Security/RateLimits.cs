using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace GovDisclosure.Web.Security;

/// <summary>
/// ASP.NET Core's rate limiter: sign-in POSTs per client address, and the open-data API and downloads per
/// address. Sign-in per account name is counted by <see cref="AccountSignInLimiter"/> in the handler, where
/// the typed name is known. Limits come from the RateLimits section; the counts are per process (docs/security.md).
/// </summary>
public static class RateLimits
{
    public sealed class Limit
    {
        public int PermitLimit { get; set; }

        public int WindowSeconds { get; set; } = 60;

        public FixedWindowRateLimiterOptions Options() => new()
        {
            PermitLimit = PermitLimit,
            Window = TimeSpan.FromSeconds(WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    public sealed class Settings
    {
        public Limit SignInPerAddress { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

        public Limit SignInPerAccount { get; set; } = new() { PermitLimit = 30, WindowSeconds = 300 };

        public Limit PublicPerAddress { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };
    }

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<Settings>() ?? new Settings();
        services.AddSingleton(new AccountSignInLimiter(settings.SignInPerAccount));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Classify(http) switch
            {
                Kind.SignIn => RateLimitPartition.GetFixedWindowLimiter("signin|" + Address(http), _ => settings.SignInPerAddress.Options()),
                Kind.Public => RateLimitPartition.GetFixedWindowLimiter("public|" + Address(http), _ => settings.PublicPerAddress.Options()),
                _ => RateLimitPartition.GetNoLimiter(string.Empty),
            });
            o.OnRejected = (context, ct) => new ValueTask(TooManyAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null, ct));
        });
        return services;
    }

    /// <summary>The client's address as the forwarded-headers middleware left it; one bucket for requests without one.</summary>
    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>429 with Retry-After and a Chinese reason: problem+json for the API, a short page otherwise.</summary>
    public static async Task TooManyAsync(HttpContext http, TimeSpan? retryAfter, CancellationToken ct)
    {
        var seconds = (int)Math.Ceiling((retryAfter ?? TimeSpan.FromSeconds(60)).TotalSeconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"请求过于频繁，请{seconds}秒后再试。";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(detail: message, statusCode: StatusCodes.Status429TooManyRequests, title: "请求过于频繁",
                extensions: new Dictionary<string, object?> { ["error"] = message }).ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求过于频繁</title></head><body><h1>请求过于频繁</h1><p>{message}</p></body></html>", ct);
    }

    private enum Kind
    {
        None,
        SignIn,
        Public,
    }

    private static Kind Classify(HttpContext http)
    {
        var path = http.Request.Path;
        if (HttpMethods.IsPost(http.Request.Method) && path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.SignIn;
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            return Kind.None;
        }

        var isDownload = path.StartsWithSegments("/downloads")
            || (path.StartsWithSegments("/Reports") && path.Value is { } v && (v.EndsWith("/pdf", StringComparison.Ordinal) || v.EndsWith("/json", StringComparison.Ordinal) || v.EndsWith("/csv", StringComparison.Ordinal)));
        return path.StartsWithSegments("/api") || isDownload ? Kind.Public : Kind.None;
    }
}

/// <summary>
/// Sign-in attempts per typed account name, whoever sends them. Generous on purpose: it bounds a distributed
/// guessing run against one account, and each address already has its own, tighter lockout.
/// </summary>
public sealed class AccountSignInLimiter(RateLimits.Limit limit) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(
        name => RateLimitPartition.GetFixedWindowLimiter(name, _ => limit.Options()));

    /// <summary>Null when the attempt may go ahead; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string normalizedUserName)
    {
        using var lease = limiter.AttemptAcquire(normalizedUserName);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(limit.WindowSeconds);
    }

    public void Dispose() => limiter.Dispose();
}
