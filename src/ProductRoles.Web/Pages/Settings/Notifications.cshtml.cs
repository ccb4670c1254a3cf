using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Settings;

/// <summary>The signed-in user's notification settings: a channel per kind, the digest's time, their time zone.</summary>
public sealed class NotificationsModel : AppPageModel
{
    public NotificationPreferences Preferences { get; private set; } =
        new(new Dictionary<NotificationKind, NotificationChannel>(), NotificationSettings.DefaultTimeZone, NotificationSettings.DefaultDigestAt, false);

    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new PreferencesInput
        {
            Channels = new Dictionary<NotificationKind, NotificationChannel>(Preferences.Channels),
            TimeZoneId = Preferences.TimeZoneId,
            DigestAt = Preferences.DigestAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new SaveNotificationPreferences(new Dictionary<NotificationKind, NotificationChannel>(Input.Channels), Input.TimeZoneId, Input.DigestAt),
            _ => ("Notification settings saved.", RedirectToPage()), LoadAsync);

    private async Task LoadAsync() => Preferences = await Sender.Send(new GetNotificationPreferences(), Aborted);

    public sealed class PreferencesInput
    {
        public IDictionary<NotificationKind, NotificationChannel> Channels { get; set; } = new Dictionary<NotificationKind, NotificationChannel>();
        public string? TimeZoneId { get; set; }
        public string? DigestAt { get; set; }
    }
}
