using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductRoles.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace ProductRoles.Tests.Logging;

/// <summary>
/// The app keeps one logger per category (Serilog's factory would make one per call, and a live
/// connection holds three of them for as long as it is open), and those loggers still write.
/// </summary>
public sealed class LoggerPerCategoryTests : IDisposable
{
    private readonly CapturingSink _sink = new();
    private readonly AppFactory _factory;

    public LoggerPerCategoryTests()
    {
        _factory = new AppFactory { ExtraServices = services => services.AddSingleton<ILogEventSink>(_sink) };
        _factory.Settings["Serilog:MinimumLevel:Default"] = "Information";
    }

    [Fact]
    public void A_category_asked_for_twice_gets_the_same_logger_and_it_writes_with_its_category()
    {
        var loggers = _factory.Services.GetRequiredService<ILoggerFactory>();

        var first = loggers.CreateLogger("ProductRoles.Tests.Category");
        var again = loggers.CreateLogger("ProductRoles.Tests.Category");
        var other = loggers.CreateLogger("ProductRoles.Tests.Other");
        again.LogInformation("Written through the cached logger");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
        var written = Assert.Single(_sink.Events, e => e.MessageTemplate.Text == "Written through the cached logger");
        Assert.Equal("ProductRoles.Tests.Category", written.Properties["SourceContext"] is ScalarValue { Value: string c } ? c : null);
    }

    public void Dispose() => _factory.Dispose();

    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}
