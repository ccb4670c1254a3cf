using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Infrastructure.Logging;
using Serilog.Core;
using Serilog.Events;

namespace ProductRoles.Tests.Logging;

/// <summary>
/// The app keeps one logger per category (Serilog's factory would make one per call, and a live
/// connection holds three of them for as long as it is open), and those loggers still write.
/// </summary>
public sealed class LoggerPerCategoryTests : IDisposable
{
    private readonly CapturingLogSink _sink = new();
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

    [Fact]
    public void Hosting_diagnostics_write_nothing_and_the_connection_loggers_write_without_a_scope()
    {
        var loggers = _factory.Services.GetRequiredService<ILoggerFactory>();

        // Off whatever the levels say: hosting then starts no activity and no scope per request.
        Assert.False(loggers.CreateLogger(LeanLogging.HostingDiagnostics).IsEnabled(LogLevel.Critical));

        var kestrel = loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel");
        var app = loggers.CreateLogger("ProductRoles.Tests.Scoped");
        using (var kestrelScope = kestrel.BeginScope(new Dictionary<string, object> { ["ConnectionId"] = "c1" }))
        using (app.BeginScope(new Dictionary<string, object> { ["Scoped"] = "yes" }))
        {
            Assert.Null(kestrelScope);
            kestrel.LogWarning("Written by Kestrel's logger");
            app.LogWarning("Written in a scope");
        }

        var byKestrel = Assert.Single(_sink.Events, e => e.MessageTemplate.Text == "Written by Kestrel's logger");
        Assert.Equal("Microsoft.AspNetCore.Server.Kestrel", CapturingLogSink.Scalar(byKestrel, "SourceContext"));
        // Scopes still reach the events of every other logger.
        Assert.Equal("yes", CapturingLogSink.Scalar(Assert.Single(_sink.Events, e => e.MessageTemplate.Text == "Written in a scope"), "Scoped"));
    }

    public void Dispose() => _factory.Dispose();
}
