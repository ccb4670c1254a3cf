namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// Security headers for every response, and no-store for anything behind login so that a shared
/// machine's back button or a proxy never shows another user's page.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, Wire.ImportMap importMap)
{
    // No inline script or style anywhere: every script and stylesheet is a file under wwwroot, except the
    // import map (JSON, no code), allowed by its hash alone.
    private readonly string _contentSecurityPolicy =
        $"default-src 'self'; script-src 'self' {importMap.ScriptHash}; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// An endpoint that cannot live under the strict policy (the API reference's inline start-up script) puts a
    /// <c>Func&lt;HttpContext, string&gt;</c> here to give its own, for its responses only.
    /// </summary>
    public static readonly object PolicyOverrideKey = new();

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Items[PolicyOverrideKey] is Func<HttpContext, string> policy ? policy(http) : _contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // A page may ask for less (a share link sends no referrer at all); never for more.
            headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.Remove("Server");
            if (http.User.Identity?.IsAuthenticated == true && !IsStaticAsset(http.Request.Path))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/img", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/favicon.svg", StringComparison.OrdinalIgnoreCase);
}
