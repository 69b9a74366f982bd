namespace GovDisclosure.Web.Security;

/// <summary>
/// The headers every response carries. Scripts only from the portal's own files (no inline script anywhere:
/// editor.js is the one script), no framing of staff pages except the staff PDF preview by the portal itself,
/// no MIME sniffing, no full URLs in the Referer, and nothing a staff member saw kept in any cache.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // style-src keeps 'unsafe-inline': a few computed style="" attributes (tree indent, chart legend colours)
    // carry no script, and CSS injection through them would need an encoding bug first.
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";

    // Built once: every response carries one of these, and the public pages are served at hundreds a second.
    private static readonly string FramedBySelfPage = PagePolicy + "'self'";
    private static readonly string NeverFramedPage = PagePolicy + "'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var staff = IsStaffPath(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var pdf = context.Response.ContentType?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true;
            var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

            // The review page may embed the draft PDF; nothing else of the staff side may be framed at all.
            var framable = !staff || pdf;
            headers.ContentSecurityPolicy = (html, framable) switch
            {
                (true, true) => FramedBySelfPage,
                (true, false) => NeverFramedPage,
                (false, true) => "frame-ancestors 'self'",
                (false, false) => "frame-ancestors 'none'",
            };
            headers.XFrameOptions = framable ? "SAMEORIGIN" : "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = staff ? "same-origin" : "strict-origin-when-cross-origin";
            if (staff)
            {
                // Drafts, names and review comments must not stay in a shared computer's browser cache or a proxy.
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                headers.Remove("ETag");
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The staff side: the work, review and admin areas and the account pages (sign-in included).</summary>
    public static bool IsStaffPath(PathString path) =>
        path.StartsWithSegments("/Work", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Review", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Admin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase);
}
