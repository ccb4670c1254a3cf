using System.Globalization;
using ProductRoles.Web.Domain.Notifications;

namespace ProductRoles.Web.Infrastructure.Web;

/// <summary>
/// What the session check learned of the signed-in user in its one statement, kept for the page: the
/// bell's unread count and the user's time zone. Read by the layout's bell and <see cref="UserClock"/>.
/// </summary>
public sealed record SignedInUser(int UnreadNotifications, string? TimeZoneId)
{
    private const string Key = "ProductRoles.SignedInUser";

    public static void Keep(HttpContext http, SignedInUser user)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[Key] = user;
    }

    public static SignedInUser? Of(HttpContext? http) => http?.Items[Key] as SignedInUser;
}

/// <summary>
/// Dates as the reader lives them: UTC from the database shown in the user's own time zone (their
/// notification settings; UTC until they choose one), with the zone's abbreviation so nobody guesses.
/// </summary>
public sealed class UserClock(TimeZoneInfo zone)
{
    public static readonly UserClock Utc = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; } = zone;

    public static UserClock For(HttpContext? http) =>
        SignedInUser.Of(http)?.TimeZoneId is { } id && NotificationSettings.FindTimeZone(id) is { } zone ? new UserClock(zone) : Utc;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>"1 Dec 2026 16:05 UTC+01:00" — the zone's id stands in where no abbreviation is known.</summary>
    public string DateAndTime(DateTime utc)
    {
        var local = ToLocal(utc);
        return local.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " " + ZoneName(utc);
    }

    public string Time(DateTime utc) => ToLocal(utc).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>In the reader's zone in the given format; the zone is named when the format shows a time of day.</summary>
    public string Show(DateTime utc, string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var local = ToLocal(utc).ToString(format, CultureInfo.InvariantCulture);
        return format.Contains('H', StringComparison.Ordinal) ? local + " " + ZoneName(utc) : local;
    }

    private string ZoneName(DateTime utc)
    {
        if (Zone.Equals(TimeZoneInfo.Utc) || Zone.Id is "UTC" or "Etc/UTC")
        {
            return "UTC";
        }

        var offset = Zone.GetUtcOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{offset.Duration():hh\\:mm}");
    }
}
