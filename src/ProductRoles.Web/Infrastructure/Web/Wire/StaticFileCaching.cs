using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace ProductRoles.Web.Infrastructure.Web.Wire;

/// <summary>
/// A static file asked for by its current fingerprint (<c>?v=</c> as <c>asp-append-version</c> and the import
/// map write it) never changes under that address: cached for a year, immutable. Anything else (no fingerprint,
/// or an old one, which gets today's file) is cached briefly, so a deploy shows within minutes.
/// </summary>
public static class StaticFileCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Short = "public, max-age=600";

    public static void SetCacheControl(StaticFileResponseContext context)
    {
        var http = context.Context;
        var versions = http.RequestServices.GetRequiredService<IFileVersionProvider>();
        var asked = http.Request.Query["v"];
        var current = versions.AddFileVersionToPath(http.Request.PathBase, (http.Request.PathBase + http.Request.Path).Value!);
        var fingerprinted = asked.Count == 1 && current.EndsWith("?v=" + asked[0], StringComparison.Ordinal);
        http.Response.Headers[HeaderNames.CacheControl] = fingerprinted ? Immutable : Short;
    }
}
