using System.Net;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Account;

public sealed class LoginRateLimitTests
{
    [Fact]
    public async Task Posting_the_login_form_too_often_is_refused_with_429()
    {
        using var factory = new AppFactory();
        factory.Settings["Security:LoginAttemptsPerMinute"] = "3";
        using var client = new TestClient(factory);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var login = await client.GetPageAsync("/Account/Login");
            using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@test.local",
                ["Input.Password"] = "whatever-password",
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
