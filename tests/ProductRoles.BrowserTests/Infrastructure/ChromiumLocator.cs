namespace ProductRoles.BrowserTests.Infrastructure;

/// <summary>
/// Finds Debian's Chromium (Playwright cannot download its own browser here): CHROMIUM_PATH if set,
/// else /usr/bin/chromium. Without one the journeys skip, except under CI=true, where they fail.
/// </summary>
public static class ChromiumLocator
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingReason =>
        $"no Chromium at CHROMIUM_PATH or {DefaultPath} (install it with: apt-get install -y chromium)";

    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        return File.Exists(path) ? path : null;
    }
}
