using System.Collections.Concurrent;

namespace ProductRoles.Web.Infrastructure.Logging;

/// <summary>
/// One logger per category. Serilog's factory makes a new logger (with its own enricher and event-id
/// cache, about 800 bytes) on every <c>CreateLogger</c> call, where Microsoft's factory keeps one per
/// category; framework code asks for loggers per request and per live connection, and a live
/// connection holds its three for as long as it is open.
/// </summary>
public sealed class CachedLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider)
    {
        inner.AddProvider(provider);
        // Loggers made before the provider came would not write to it.
        loggers.Clear();
    }

    public void Dispose() => inner.Dispose();
}

public static class CachedLoggerFactoryRegistration
{
    /// <summary>Wraps the logger factory registered last (Serilog's) in <see cref="CachedLoggerFactory"/>.</summary>
    public static IServiceCollection CacheLoggersPerCategory(this IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CachedLoggerFactory(registered switch
        {
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(provider),
            { ImplementationType: { } type } => (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, type),
            _ => throw new InvalidOperationException("The logger factory is registered as an instance: wrap that instance instead."),
        }));
        return services;
    }
}
