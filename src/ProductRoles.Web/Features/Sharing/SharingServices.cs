using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ProductRoles.Web.Features.Sharing;

public static class SharingServices
{
    public const string RateLimitPolicy = "share-link";

    /// <summary>
    /// Share links are limited per client address across all links (<c>Sharing:ViewsPerMinute</c>, default 60):
    /// a budget per link would give a guesser a fresh budget with every guess, and a room of stakeholders
    /// opening one link shares an address more rarely than it shares a link.
    /// </summary>
    public static IServiceCollection AddSharing(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Sharing:ViewsPerMinute", 60);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            "share:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }
}
