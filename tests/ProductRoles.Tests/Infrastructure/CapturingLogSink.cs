using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ProductRoles.Tests.Infrastructure;

/// <summary>Every event the app logs, in order, for a test to read (register it as an <see cref="ILogEventSink"/>).</summary>
public sealed class CapturingLogSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

    /// <summary>A scalar property of an event as text; null when it has none.</summary>
    public static string? Scalar(LogEvent e, string name)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: var v } ? v?.ToString() : null;
    }
}
