using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace ProductRoles.Tests.Logging;

/// <summary>A request the client gave up on is not an error of the app: it is logged as cancelled (499), not as a 500.</summary>
public sealed class AbandonedRequestLoggingTests : IDisposable
{
    private readonly CapturingLogSink _sink = new();
    private readonly SlowEndpoint _slow = new();
    private readonly AppFactory _factory;

    public AbandonedRequestLoggingTests()
    {
        _factory = new AppFactory
        {
            ExtraServices = services =>
            {
                services.AddSingleton<ILogEventSink>(_sink);
                services.AddSingleton<IStartupFilter>(_slow);
            },
        };
        _factory.Settings["Serilog:MinimumLevel:Default"] = "Information";
    }

    [Fact]
    public async Task A_request_the_client_abandoned_is_logged_as_cancelled_with_499_not_as_an_error()
    {
        using var client = new TestClient(_factory);
        using var abandon = new CancellationTokenSource();
        var request = client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/test-abandoned"), abandon.Token);
        await _slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // The request line is written once the pipeline has unwound: wait for it.
        LogEvent? line = null;
        for (var wait = 0; wait < 100 && line is null; wait++)
        {
            line = _sink.Events.FirstOrDefault(e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal)
                && e.Properties.TryGetValue("RequestPath", out var path) && path.ToString(null, CultureInfo.InvariantCulture).Contains("/test-abandoned", StringComparison.Ordinal));
            if (line is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(line);
        Assert.Equal("499", line.Properties["StatusCode"].ToString(null, CultureInfo.InvariantCulture));
        Assert.True(line.Level <= LogEventLevel.Warning, $"The abandoned request was logged at {line.Level}.");
        Assert.Null(line.Exception);
        Assert.DoesNotContain(_sink.Events, e => e.Level >= LogEventLevel.Error);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>An endpoint that waits until the client goes away, as a slow page or query would.</summary>
    private sealed class SlowEndpoint : IStartupFilter
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test-abandoned", slow => slow.Run(async http =>
            {
                Started.TrySetResult();
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }));
        };
    }
}
