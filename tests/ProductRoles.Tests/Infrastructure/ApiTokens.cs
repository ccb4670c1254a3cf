using System.Net.Http.Headers;
using ProductRoles.Web.Domain.AccessTokens;
using ProductRoles.Web.Features.Account.Tokens;

namespace ProductRoles.Tests.Infrastructure;

/// <summary>Personal access tokens for tests: made through the app's own command, used as a script would use them.</summary>
public static class ApiTokens
{
    /// <summary>A token of <paramref name="email"/>'s, made as they would make it on their settings page.</summary>
    public static async Task<string> CreateAsync(this AppFixture app, string email, AccessTokenScope scope = AccessTokenScope.ReadWrite,
        string? productSlug = null, string name = "Test script")
    {
        var created = await app.AsUserAsync(email, sender =>
            sender.Send(new CreateAccessToken(name, scope, productSlug, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30))));
        return created.Token;
    }

    /// <summary>An HTTP client with no cookies that sends the token on every request.</summary>
    public static HttpClient TokenClient(this AppFixture app, string token)
    {
        var client = app.Factory.CreateDefaultClient(new Uri("http://localhost"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
