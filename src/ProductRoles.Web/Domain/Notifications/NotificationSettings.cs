using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ProductRoles.Web.Domain.Notifications;

/// <summary>How a member is told about one kind of notification.</summary>
public enum NotificationChannel
{
    [Display(Name = "In the app only")]
    InApp,

    [Display(Name = "At once by email")]
    Email,

    [Display(Name = "In a daily digest")]
    Digest,
}

/// <summary>
/// A user's notification settings: a channel per kind (in the app only unless they chose otherwise), the
/// local time of the daily digest, and their time zone (an IANA id), which also shows them dates.
/// </summary>
public sealed class NotificationSettings
{
    public const int TimeZoneMaxLength = 64;
    public const int ChannelsMaxLength = 600;
    public const string DefaultTimeZone = "UTC";
    public static readonly TimeOnly DefaultDigestAt = new(8, 0);

    /// <summary>The user's id; one row per user, made when they first save their settings.</summary>
    public required string UserId { get; set; }

    public string TimeZoneId { get; set; } = DefaultTimeZone;
    public TimeOnly DigestAt { get; set; } = DefaultDigestAt;

    /// <summary>The kinds not left "in the app only": "Mention=Email;Sprint=Digest" (<see cref="FormatChannels"/>).</summary>
    public string Channels { get; set; } = string.Empty;

    /// <summary>When the last digest was written (UTC): the next one holds what came after.</summary>
    public DateTime? LastDigestAt { get; set; }

    public NotificationChannel ChannelFor(NotificationKind kind) =>
        ParseChannels(Channels).TryGetValue(kind, out var channel) ? channel : NotificationChannel.InApp;

    public void Choose(NotificationKind kind, NotificationChannel channel)
    {
        var channels = ParseChannels(Channels);
        channels[kind] = channel;
        Channels = FormatChannels(channels);
    }

    public static Dictionary<NotificationKind, NotificationChannel> ParseChannels(string? text)
    {
        var result = new Dictionary<NotificationKind, NotificationChannel>();
        foreach (var pair in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && Enum.TryParse<NotificationKind>(parts[0], out var kind) && Enum.IsDefined(kind)
                && Enum.TryParse<NotificationChannel>(parts[1], out var channel) && Enum.IsDefined(channel))
            {
                result[kind] = channel;
            }
        }

        return result;
    }

    public static string FormatChannels(IReadOnlyDictionary<NotificationKind, NotificationChannel> channels) =>
        string.Join(';', channels.Where(c => c.Value != NotificationChannel.InApp).OrderBy(c => c.Key)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")));

    /// <summary>The zone for an IANA id, or null when there is no such zone here.</summary>
    public static TimeZoneInfo? FindTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > TimeZoneMaxLength)
        {
            return null;
        }

        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            // Windows ids ("W. Europe Standard Time") are converted too; only IANA ids are stored.
            return zone.HasIanaId ? zone : null;
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>When the digest is next due after <paramref name="lastUtc"/>: the first digest time in the user's zone after it.</summary>
    public static DateTime NextDigestUtc(TimeZoneInfo zone, TimeOnly digestAt, DateTime lastUtc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localLast = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(lastUtc, DateTimeKind.Utc), zone);
        var candidate = DateOnly.FromDateTime(localLast).ToDateTime(digestAt);
        if (candidate <= localLast)
        {
            candidate = candidate.AddDays(1);
        }

        // A digest time that falls into a skipped hour (spring forward) goes out an hour later.
        while (zone.IsInvalidTime(candidate))
        {
            candidate = candidate.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(candidate, zone);
    }
}
