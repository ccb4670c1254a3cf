using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace ProductRoles.Tests.Logging;

public sealed class RequestLoggingTests : IDisposable
{
    private readonly CapturingSink _sink = new();
    private readonly AppFactory _factory;

    public RequestLoggingTests()
    {
        _factory = new AppFactory { ExtraServices = services => services.AddSingleton<ILogEventSink>(_sink) };
        _factory.Settings["Serilog:MinimumLevel:Default"] = "Information";
    }

    [Fact]
    public async Task Requests_are_logged_with_name_user_product_and_time_but_never_secrets()
    {
        using var client = new TestClient(_factory);
        await client.SignInAsync(AppFixture.Pm, AppFactory.DemoPassword);
        var settings = await client.GetPageAsync("/p/acme-checkout/settings");
        using (await client.SubmitAsync(settings, "main form", new Dictionary<string, string> { ["Input.Stage"] = "Maturity" }))
        {
        }

        var handled = _sink.Events.Single(e => e.MessageTemplate.Text.StartsWith("Handled", StringComparison.Ordinal)
            && Scalar(e, "RequestName") == "EditProductSettings");
        Assert.Equal("acme-checkout", Scalar(handled, "Product"));
        Assert.False(string.IsNullOrEmpty(Scalar(handled, "User")));
        Assert.True(handled.Properties.ContainsKey("ElapsedMs"));
        Assert.Contains(_sink.Events, e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal));

        var everything = string.Join("\n", _sink.Events.Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Values)));
        Assert.DoesNotContain(AppFactory.DemoPassword, everything);
        Assert.DoesNotContain("ProductRoles.Auth", everything);
        Assert.DoesNotContain(_factory.DatabasePath, everything);
    }

    public void Dispose() => _factory.Dispose();

    private static string? Scalar(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: var v } ? v?.ToString() : null;

    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}
