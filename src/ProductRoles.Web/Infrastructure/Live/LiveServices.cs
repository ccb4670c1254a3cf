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

    /// <summary>
    /// The hub's requests take a short pipeline of their own: routing, sign-in and the signed-in check
    /// (<see cref="LiveSignIn"/>), trimming (<see cref="LiveConnectionTrimming"/>) and the hub. A live connection stays open for hours, and
    /// every middleware that awaits it (the request log, the error pages, the API's problem details…)
    /// would hold its state for as long, for nothing: none of them has work to do on a WebSocket.
    /// Call it first, after the forwarded headers. A branch routes on its own, so the hub is mapped here.
    /// </summary>
    public static IApplicationBuilder UseLiveUpdates(this IApplicationBuilder app) =>
        app.MapWhen(context => context.Request.Path.StartsWithSegments(LiveHub.Path, StringComparison.OrdinalIgnoreCase), hub => hub
            .UseRouting()
            .UseMiddleware<LiveSignIn>()
            .UseMiddleware<LiveConnectionTrimming>()
            .UseEndpoints(endpoints => endpoints.MapHub<LiveHub>(LiveHub.Path)));
}
