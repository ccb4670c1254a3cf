using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductRoles.Web.Infrastructure.Live;
using StackExchange.Redis;

namespace ProductRoles.Web.Infrastructure.ScaleOut;

/// <summary>
/// What more than one app instance needs. With <c>Redis:ConnectionString</c> set: one shared Redis
/// connection that carries the SignalR backplane, the live pages' presence and the login rate limit,
/// and a Redis health check.
/// With <c>ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c> set: the client address and scheme
/// from those proxies' X-Forwarded-For / X-Forwarded-Proto. Without either, the app runs in one
/// process exactly as before.
/// </summary>
public static class ScaleOutServices
{
    public const string RedisConnectionStringKey = "Redis:ConnectionString";
    public const string RedisChannelPrefixKey = "Redis:ChannelPrefix";
    public const string DefaultChannelPrefix = "ProductRoles";

    public static bool UsesRedis(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[RedisConnectionStringKey]);

    /// <summary>The prefix of every Redis channel and key this app writes, so apps can share one Redis.</summary>
    public static string ChannelPrefix(IConfiguration configuration) =>
        configuration[RedisChannelPrefixKey] is { Length: > 0 } prefix ? prefix : DefaultChannelPrefix;

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder health)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(health);
        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, configuration));
        if (!UsesRedis(configuration))
        {
            return services;
        }

        var options = ConfigurationOptions.Parse(configuration[RedisConnectionStringKey]!);
        // Start even while Redis is down, and keep reconnecting: /health says unhealthy meanwhile.
        options.AbortOnConnectFail = false;
        var prefix = ChannelPrefix(configuration);
        options.ChannelPrefix = RedisChannel.Literal(prefix);

        // One connection per instance, shared by the backplane, the rate limit and the health check.
        services.AddSingleton<IConnectionMultiplexer>(s =>
        {
            var own = options.Clone();
            own.LoggerFactory = s.GetRequiredService<ILoggerFactory>();
            return ConnectionMultiplexer.Connect(own);
        });
        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>()
            .Configure<IServiceProvider>((o, s) =>
            {
                o.Configuration = options;
                o.ConnectionFactory = _ => Task.FromResult(s.GetRequiredService<IConnectionMultiplexer>());
            });
        // Who is on which page, for every instance: presence lists and member removals see all connections.
        services.RemoveAll<IPresenceStore>();
        services.AddSingleton<IPresenceStore, RedisPresenceStore>();
        health.AddRedis(s => s.GetRequiredService<IConnectionMultiplexer>(), name: "redis", timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>Honours forwarded headers only when the operator named the proxies to trust.</summary>
    public static IApplicationBuilder UseScaleOut(this IApplicationBuilder app, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return TrustedProxies(configuration).Any() ? app.UseForwardedHeaders() : app;
    }

    private static IEnumerable<string> TrustedProxies(IConfiguration configuration) =>
        Values(configuration, "ForwardedHeaders:KnownProxies").Concat(Values(configuration, "ForwardedHeaders:KnownNetworks"));

    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfiguration configuration)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Only the configured proxies count: not even loopback, which the defaults trust.
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in Values(configuration, "ForwardedHeaders:KnownProxies"))
        {
            o.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in Values(configuration, "ForwardedHeaders:KnownNetworks"))
        {
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        // Every hop from the right is taken while it comes from a trusted proxy, and no further.
        o.ForwardLimit = null;
    }

    /// <summary>A list setting, as an array (<c>KnownProxies:0</c>) or one comma-separated string (handy in environment variables).</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }
}
