namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// Security headers for every response, and no-store for anything behind login so that a shared
/// machine's back button or a proxy never shows another user's page.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // No inline script or style anywhere: every script and stylesheet is a file under wwwroot.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
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
        || path.StartsWithSegments("/img", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/favicon.svg", StringComparison.OrdinalIgnoreCase);
}
