using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Notifications;

/// <summary>The bell's unread count as JSON, asked by notification-bell.js when the hub says "notified".</summary>
public sealed class CountModel : AppPageModel
{
    public async Task<IActionResult> OnGetAsync() => new JsonResult(new { unread = await Sender.Send(new GetUnreadNotificationCount(), Aborted) });
}
