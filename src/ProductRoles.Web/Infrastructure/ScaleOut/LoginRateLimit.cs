using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace ProductRoles.Web.Infrastructure.ScaleOut;

/// <summary>
/// A fixed window per minute for one key (a client address, an access token): in this process, or, when Redis is
/// configured, one window in Redis that every app instance counts into (so a client cannot get N times the limit
/// by landing on N instances). Should Redis fail, the instance falls back to its own window rather than refusing
/// every request with an error.
/// </summary>
public static class SharedRateLimit
{
    public static RateLimitPartition<string> For(HttpContext http, string key, int permitsPerMinute)
    {
        ArgumentNullException.ThrowIfNull(http);
        var local = new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) };
        var redis = http.RequestServices.GetService<IConnectionMultiplexer>();
        if (redis is null)
        {
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => local);
        }

        var prefix = ScaleOutServices.ChannelPrefix(http.RequestServices.GetRequiredService<IConfiguration>());
        var logger = http.RequestServices.GetRequiredService<ILogger<SharedRateLimiter>>();
        return new RateLimitPartition<string>(key, partition => new SharedRateLimiter(
            new RedisFixedWindowRateLimiter<string>($"{prefix}:{partition}", new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = permitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
            }),
            new FixedWindowRateLimiter(local), logger));
    }
}

/// <summary>The login rate limit's window per client address (see <see cref="SharedRateLimit"/>).</summary>
public static class LoginRateLimit
{
    public static RateLimitPartition<string> For(HttpContext http, int permitsPerMinute)
    {
        ArgumentNullException.ThrowIfNull(http);
        return SharedRateLimit.For(http, "login:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), permitsPerMinute);
    }

    /// <summary>How long a refused client should wait, from whichever window refused it.</summary>
    public static TimeSpan? RetryAfter(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
        {
            return wait;
        }

        return lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }
}

/// <summary>The Redis window, with this instance's own window standing in while Redis cannot be reached.</summary>
public sealed partial class SharedRateLimiter(RateLimiter shared, RateLimiter fallback, ILogger<SharedRateLimiter> logger) : RateLimiter
{
    public override TimeSpan? IdleDuration => fallback.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => fallback.GetStatistics();

    // Redis is only asked asynchronously; the rate limiting middleware then waits for AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => shared.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            return await shared.AcquireAsync(permitCount, cancellationToken);
        }
        // Unreachable (RedisConnectionException) or gone quiet mid-way (RedisTimeoutException, a TimeoutException).
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogRedisUnavailable(logger, ex);
            return await fallback.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared rate limit is unavailable (Redis); counting in this instance only")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);
}
