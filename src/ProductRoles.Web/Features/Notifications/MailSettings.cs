using MailKit.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// The <c>Smtp:*</c> settings. Mail is off unless <c>Smtp:Host</c> is set: notifications then stay in the app,
/// whatever the preferences say, and nothing is written to the outbox for mail.
/// </summary>
public sealed class MailSettings(IConfiguration configuration)
{
    public string? Host => configuration["Smtp:Host"] is { Length: > 0 } host ? host : null;

    public bool Enabled => Host is not null;

    public int Port => configuration.GetValue("Smtp:Port", 25);

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's names); Auto by default.</summary>
    public SecureSocketOptions Security => Enum.TryParse<SecureSocketOptions>(configuration["Smtp:Security"], true, out var s) ? s : SecureSocketOptions.Auto;

    public string? UserName => configuration["Smtp:UserName"] is { Length: > 0 } user ? user : null;

    public string? Password => configuration["Smtp:Password"];

    public string From => configuration["Smtp:From"] ?? "ProductRoles <notifications@productroles.local>";

    /// <summary>The app's address as people open it, for the links in mail ("https://roles.example.com").</summary>
    public Uri LinkBase => new(configuration["Smtp:LinkBaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080", UriKind.Absolute);

    public TimeSpan RetryWindow => TimeSpan.FromHours(configuration.GetValue("Smtp:RetryHours", 24.0));

    public TimeSpan Timeout => TimeSpan.FromSeconds(configuration.GetValue("Smtp:TimeoutSeconds", 30.0));
}
