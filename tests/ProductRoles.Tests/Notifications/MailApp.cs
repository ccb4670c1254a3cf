using System.Globalization;
using ProductRoles.Tests.Infrastructure;

namespace ProductRoles.Tests.Notifications;

/// <summary>An app of a test's own with mail on, pointed at a real SMTP server on loopback (started or not), the outbox sending often.</summary>
public static class MailApp
{
    public static async Task<AppFixture> StartAsync(SmtpTestServer smtp, double retryHours = 24, bool outbox = true)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        var factory = new AppFactory();
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        factory.Settings["Smtp:Security"] = "None";
        factory.Settings["Smtp:LinkBaseUrl"] = "http://localhost";
        factory.Settings["Smtp:RetryHours"] = retryHours.ToString(CultureInfo.InvariantCulture);
        factory.Settings["Outbox:Enabled"] = outbox ? "true" : "false";
        factory.Settings["Outbox:PollSeconds"] = "0.2";
        factory.Settings["Outbox:RetryFirstSeconds"] = "0.2";
        factory.Settings["Outbox:RetryLongestMinutes"] = "0.01";
        var app = new AppFixture { Factory = factory };
        await app.InitializeAsync();
        return app;
    }

    /// <summary>A guard against hanging, not a timing assertion.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited a minute for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
