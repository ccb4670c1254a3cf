using System.Net;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Account;

public sealed class LoginRateLimitTests
{
    [Fact]
    public async Task Posting_the_login_form_too_often_is_refused_with_429_saying_when_to_try_again()
    {
        using var factory = new AppFactory();
        factory.Settings["Security:LoginAttemptsPerMinute"] = "3";
        using var client = new TestClient(factory);

        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var login = await client.GetPageAsync("/Account/Login");
            using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@test.local",
                ["Input.Password"] = "whatever-password",
            });
            statuses.Add(response.StatusCode);
            retryAfter = response.Headers.RetryAfter?.Delta;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // Retry-After in seconds: what is left of the one-minute window.
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
    }
}
