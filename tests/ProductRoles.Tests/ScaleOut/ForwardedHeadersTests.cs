using System.Net;
using ProductRoles.Tests.Infrastructure.ScaleOut;

namespace ProductRoles.Tests.ScaleOut;

/// <summary>
/// Behind a reverse proxy the app sees the proxy's address and plain HTTP; X-Forwarded-For/-Proto
/// tell it the client's. It believes them only from the proxies it was told to trust, or anyone
/// could pick a new address per login attempt and never hit the rate limit.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const int Limit = 2;

    [Fact]
    public async Task From_a_known_proxy_the_rate_limit_counts_the_forwarded_client_address_and_HTTPS_is_detected()
    {
        // The tests reach Kestrel from 127.0.0.1: that is the proxy here.
        using var app = Start(("ForwardedHeaders:KnownProxies", "127.0.0.1"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await LoginPostsAsync(app, "203.0.113.7", Limit + 1));
        Assert.Equal([HttpStatusCode.OK], await LoginPostsAsync(app, "203.0.113.8", 1));

        // The proxy terminated TLS: the cookies the app sets are Secure, and HSTS is sent.
        using var client = app.Client(headers: Forwarded("203.0.113.9", "https"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "productroles.example";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("ForwardedHeaders:KnownProxies", "10.20.30.40")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/8")]
    public async Task From_anyone_else_the_forwarded_headers_are_ignored(string? key, string? value)
    {
        using var app = key is null ? Start() : Start((key, value!));

        // A new made-up address per attempt does not get past the limit: they all count as the sender's.
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= Limit; attempt++)
        {
            statuses.AddRange(await LoginPostsAsync(app, $"203.0.113.{20 + attempt}", 1));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        using var client = app.Client(headers: Forwarded("203.0.113.9", "https"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "productroles.example";
        using var response = await client.SendAsync(request);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static AppInstance Start(params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => (string?)s.Value, StringComparer.Ordinal);
        all["Security:LoginAttemptsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new AppInstance("behind a proxy", AppInstance.NewDatabasePath(), all, ownsDatabase: true).Start();
    }

    private static Dictionary<string, string> Forwarded(string client, string scheme = "http") => new(StringComparer.Ordinal)
    {
        ["X-Forwarded-For"] = client,
        ["X-Forwarded-Proto"] = scheme,
    };

    private static async Task<List<HttpStatusCode>> LoginPostsAsync(AppInstance app, string client, int times)
    {
        using var http = app.Client(headers: Forwarded(client));
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < times; n++)
        {
            var login = await http.GetPageAsync("/Account/Login");
            using var response = await http.SubmitAsync(login, "form", new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@test.local",
                ["Input.Password"] = "whatever-password",
            });
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
