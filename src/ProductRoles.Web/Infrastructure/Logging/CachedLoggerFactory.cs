using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProductRoles.Web.Infrastructure.Logging;

/// <summary>
/// One logger per category, silent for the categories turned off and without scopes for those listed (see
/// <see cref="LeanLogging"/>). Serilog's factory makes a new logger (with its own enricher and event-id cache, about
/// 800 bytes) on every <c>CreateLogger</c> call, where Microsoft's factory keeps one per category; framework code
/// asks for loggers per request and per live connection, and a live connection holds its three for as long as it is open.
/// </summary>
public sealed class CachedLoggerFactory(ILoggerFactory inner, IReadOnlySet<string> turnedOff, IReadOnlySet<string> withoutScopes) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, Create);

    public void AddProvider(ILoggerProvider provider)
    {
        inner.AddProvider(provider);
        // Loggers made before the provider came would not write to it.
        loggers.Clear();
    }

    public void Dispose() => inner.Dispose();

    private ILogger Create(string categoryName)
    {
        if (turnedOff.Contains(categoryName))
        {
            return NullLogger.Instance;
        }

        var logger = inner.CreateLogger(categoryName);
        return withoutScopes.Contains(categoryName) ? new ScopelessLogger(logger) : logger;
    }

    /// <summary>Writes as the logger it wraps; begins no scope.</summary>
    private sealed class ScopelessLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}

public static class CachedLoggerFactoryRegistration
{
    /// <summary>
    /// Wraps the logger factory registered last (Serilog's) in <see cref="CachedLoggerFactory"/>, with the
    /// categories in <paramref name="turnedOff"/> silent whatever the configured levels say, and those in
    /// <paramref name="withoutScopes"/> beginning no scope.
    /// </summary>
    public static IServiceCollection CacheLoggersPerCategory(this IServiceCollection services, IEnumerable<string> turnedOff, IEnumerable<string> withoutScopes)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(registered);
        var off = turnedOff.ToHashSet(StringComparer.Ordinal);
        var scopeless = withoutScopes.ToHashSet(StringComparer.Ordinal);
        services.AddSingleton<ILoggerFactory>(provider => new CachedLoggerFactory(registered switch
        {
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(provider),
            { ImplementationType: { } type } => (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, type),
            _ => throw new InvalidOperationException("The logger factory is registered as an instance: wrap that instance instead."),
        }, off, scopeless));
        return services;
    }
}
