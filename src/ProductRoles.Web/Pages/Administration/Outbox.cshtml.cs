using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Administration;

/// <summary>The mail outbox: what waits to be sent, what is being retried and why, what failed; a failed mail can be sent again.</summary>
public sealed class OutboxModel : AppPageModel
{
    public MailOutbox Outbox { get; private set; } = new(false, 0, 0, 0, 0, [], []);

    public async Task OnGetAsync() => Outbox = await Sender.Send(new GetMailOutbox(), Aborted);

    public Task<IActionResult> OnPostRetryAsync(long id) =>
        SendAndRedirectAsync(new RetryFailedMail(id),
            sent => (sent ? "The mail is queued again; it goes out on the next try." : "That mail is no longer among the failed.", RedirectToPage()),
            OnGetAsync, prefix: "");
}
