using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using Serilog.Core;

namespace ProductRoles.Tests.Logging;

public sealed class RequestLoggingTests : IDisposable
{
    private readonly CapturingLogSink _sink = new();
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

        // Serilog's request line is written once the response has gone out: give it a moment.
        for (var wait = 0; wait < 50 && !_sink.Events.Any(e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal)); wait++)
        {
            await Task.Delay(100);
        }

        var handled = _sink.Events.Single(e => e.MessageTemplate.Text.StartsWith("Handled", StringComparison.Ordinal)
            && CapturingLogSink.Scalar(e, "RequestName") == "EditProductSettings");
        Assert.Equal("acme-checkout", CapturingLogSink.Scalar(handled, "Product"));
        Assert.False(string.IsNullOrEmpty(CapturingLogSink.Scalar(handled, "User")));
        Assert.True(handled.Properties.ContainsKey("ElapsedMs"));
        // Which request it was: its path, and its id (the one an error page shows).
        Assert.Equal("/p/acme-checkout/settings", CapturingLogSink.Scalar(handled, "RequestPath"));
        Assert.False(string.IsNullOrEmpty(CapturingLogSink.Scalar(handled, "RequestId")));
        Assert.Contains(_sink.Events, e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal));

        var everything = string.Join("\n", _sink.Events.Select(e => e.RenderMessage() + " " + string.Join(" ", e.Properties.Values)));
        Assert.DoesNotContain(AppFactory.DemoPassword, everything);
        Assert.DoesNotContain("ProductRoles.Auth", everything);
        Assert.DoesNotContain(_factory.DatabasePath, everything);
    }

    public void Dispose() => _factory.Dispose();
}
