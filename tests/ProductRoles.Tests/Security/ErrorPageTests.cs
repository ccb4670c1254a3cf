using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace ProductRoles.Tests.Security;

public sealed class ErrorPageTests : IDisposable
{
    private readonly CapturingLogSink _log = new();
    private readonly AppFactory _factory;

    public ErrorPageTests() => _factory = new AppFactory
    {
        ExtraServices = services =>
        {
            // A request that blows up inside the app's own pipeline, as a bug would.
            services.AddSingleton<IStartupFilter, ThrowingEndpointFilter>();
            services.AddSingleton<ILogEventSink>(_log);
        },
    };

    [Fact]
    public async Task An_unexpected_error_shows_the_generic_page_with_a_trace_id_and_no_stack_trace()
    {
        using var client = new TestClient(_factory);
        using var response = await client.GetAsync("/test-failure");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var page = await TestClient.ParseAsync(response);
        Assert.Equal("Something went wrong", page.Heading());
        Assert.StartsWith("Trace id:", page.Text(".trace"));
        Assert.DoesNotContain("Secret detail", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task The_trace_id_the_error_page_shows_finds_the_error_in_the_log()
    {
        using var client = new TestClient(_factory);
        using var response = await client.GetAsync("/test-failure");
        var page = await TestClient.ParseAsync(response);
        var traceId = page.Text(".trace")["Trace id:".Length..].Trim();

        // The exception handler's error and the request's own line both name the request.
        var logged = _log.Events.Where(e => e.Exception?.Message == "Secret detail").ToList();
        Assert.Contains(logged, e => e.Level == LogEventLevel.Error);
        Assert.All(logged, e =>
        {
            Assert.Equal(traceId, CapturingLogSink.Scalar(e, "RequestId"));
            Assert.Equal("/test-failure", CapturingLogSink.Scalar(e, "RequestPath"));
        });
    }

    public void Dispose() => _factory.Dispose();

    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Runs after the app's endpoints found no match, inside its exception handler.
            app.Map("/test-failure", failing => failing.Run(_ => throw new InvalidOperationException("Secret detail")));
        };
    }
}
