using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ProductRoles.Web.Infrastructure.Web.Wire;

/// <summary>
/// Bytes on the wire: responses compressed with Brotli or gzip (HTTPS included), static files fingerprinted
/// (<c>asp-append-version</c>, and the import map for ES modules) and cached for a year when asked for by their
/// current fingerprint.
/// </summary>
/// <remarks>
/// BREACH: compressing HTTPS responses lets an attacker who can both inject guesses into a page and watch its
/// size learn a secret on that page. The secret on every form page is the antiforgery token, which Data
/// Protection encrypts with a fresh random IV for every response, so there is nothing constant to guess byte by
/// byte; the session is a cookie (a header, never compressed). The only other secrets a page shows are a new
/// personal access token and a webhook's signing secret, each shown once: those pages are never compressed
/// (<see cref="DoNotCompressAttribute"/>).
/// </remarks>
public static class WireSetup
{
    public static IServiceCollection AddWireSize(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "text/csv", "application/problem+json"];
        });
        // Optimal (Brotli quality 4, zlib level 6), not Fastest: the backlog's first screen (167 KB) goes out as 9.2 KB br and
        // 10.9 KB gzip; Fastest sent 22.5 KB and 15.9 KB (bench --wire, README "Bytes on the wire").
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.AddSingleton<ImportMap>();
        return services;
    }

    /// <summary>Compression first, so that static files and pages alike go out compressed; then the static files.</summary>
    public static IApplicationBuilder UseWireSize(this IApplicationBuilder app)
    {
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticFileCaching.SetCacheControl });
        return app;
    }
}
