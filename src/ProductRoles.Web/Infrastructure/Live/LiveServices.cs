using ProductRoles.Web.Infrastructure.Events;

namespace ProductRoles.Web.Infrastructure.Live;

/// <summary>
/// Live updates in one place: SignalR, the hub, presence and the after-commit sender. A scale-out
/// registration (the Redis backplane, a shared presence store) adds to what this registers.
/// </summary>
public static class LiveServices
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR(o =>
        {
            // A dropped connection is noticed within the timeout, and the page says it is reconnecting.
            o.KeepAliveInterval = TimeSpan.FromSeconds(configuration.GetValue("Live:KeepAliveSeconds", 15));
            o.ClientTimeoutInterval = o.KeepAliveInterval * 2;
            o.MaximumReceiveMessageSize = 4 * 1024;
        });
        services.AddSingleton<IPresenceStore, InMemoryPresenceStore>();
        services.AddScoped<LiveChanges>();
        services.AddScoped<ICommitListener>(s => s.GetRequiredService<LiveChanges>());
        return services;
    }

    public static IEndpointRouteBuilder MapLiveUpdates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<LiveHub>(LiveHub.Path);
        return endpoints;
    }
}
