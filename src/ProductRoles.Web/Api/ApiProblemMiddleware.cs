using Microsoft.AspNetCore.Diagnostics;

namespace ProductRoles.Web.Api;

/// <summary>
/// API answers are never the HTML error page: a refusal without a body of its own (unreadable JSON, a
/// wrong content type, 429) becomes RFC 9457 problem details. 401 stays empty, with its WWW-Authenticate.
/// </summary>
public sealed class ApiProblemMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        await next(context);
        var response = context.Response;
        if (response.StatusCode >= 400 && response.StatusCode != StatusCodes.Status401Unauthorized && !response.HasStarted
            && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context });
        }
    }
}
