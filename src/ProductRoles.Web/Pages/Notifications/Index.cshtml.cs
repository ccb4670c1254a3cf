using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Notifications;

/// <summary>The inbox: the signed-in user's notifications by day; open one (marks it read), mark one or all read.</summary>
public sealed class IndexModel : AppPageModel
{
    public NotificationInbox Inbox { get; private set; } = new([], 1, 1, 0, "UTC");

    public async Task OnGetAsync(int p = 1) => Inbox = await Sender.Send(new GetNotificationInbox(p), Aborted);

    /// <summary>Following a notification marks it read and lands on the exact place it is about.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id)
    {
        var url = await Sender.Send(new MarkNotificationRead(id), Aborted);
        // Only a path inside the app: the stored link is ours, but a redirect never leaves the site.
        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? LocalRedirect(url) : RedirectToPage();
    }

    public Task<IActionResult> OnPostReadAsync(long id, int p = 1) =>
        SendAndRedirectAsync(new MarkNotificationRead(id), url => (url.Length == 0 ? "That notification is no longer there." : "Marked read.", RedirectToPage(new { p })),
            () => OnGetAsync(p), prefix: "");

    public Task<IActionResult> OnPostReadAllAsync() =>
        SendAndRedirectAsync(new MarkAllNotificationsRead(), n => (n == 1 ? "1 notification marked read." : $"{n} notifications marked read.", RedirectToPage()),
            () => OnGetAsync(), prefix: "");
}
