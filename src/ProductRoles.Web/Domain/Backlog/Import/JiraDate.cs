using System.Globalization;

namespace ProductRoles.Web.Domain.Backlog.Import;

/// <summary>The date formats Jira writes into a CSV export (its default "12/Nov/25 3:14 PM" and ISO-like "2025-11-12 15:14"), read as UTC.</summary>
public static class JiraDate
{
    private static readonly string[] Formats =
    [
        "d/MMM/yy h:mm tt", "d/MMM/yyyy h:mm tt", "d/MMM/yy H:mm", "d/MMM/yy",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd",
    ];

    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowInnerWhite, out var parsed))
        {
            value = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        return false;
    }

    /// <summary>As Jira writes it by default: "12/Nov/25 3:14 PM".</summary>
    public static string Format(DateTime value) => value.ToString("d/MMM/yy h:mm tt", CultureInfo.InvariantCulture);
}
