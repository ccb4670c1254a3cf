using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Security;

public sealed class ErrorPageTests : IDisposable
{
    private readonly AppFactory _factory = new()
    {
        // A request that blows up inside the app's own pipeline, as a bug would.
        ExtraServices = services => services.AddSingleton<IStartupFilter, ThrowingEndpointFilter>(),
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
