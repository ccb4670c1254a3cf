using System.Globalization;
using ProductRoles.Tests.Notifications;

namespace ProductRoles.BrowserTests.Infrastructure;

/// <summary>
/// The browser app with mail on: a real SMTP server in this process on loopback (the integration tests'
/// <see cref="SmtpTestServer"/>) and the outbox sender delivering to it for real, polling often.
/// </summary>
public sealed class MailBrowserApp : IAsyncLifetime
{
    public MailBrowserApp()
    {
        Smtp = new SmtpTestServer();
        App = new BrowserApp(new Dictionary<string, string>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:LinkBaseUrl"] = "http://mail-link.test",
            ["Outbox:Enabled"] = "true",
            ["Outbox:PollSeconds"] = "0.2",
        });
    }

    public SmtpTestServer Smtp { get; }

    public BrowserApp App { get; }

    public async Task InitializeAsync()
    {
        Smtp.Start();
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Its own app (mail on) and browser, started when no other collection runs: two apps starting at once race for a port.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MailBrowserCollection : ICollectionFixture<MailBrowserApp>
{
    public const string Name = "mail";
}
