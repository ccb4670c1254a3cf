using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Features.History;
using ProductRoles.Web.Features.Webhooks;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Products.Webhooks;

// Shows a new secret once (BREACH: see WireSetup).
[ProductRoles.Web.Infrastructure.Web.Wire.DoNotCompress]
public sealed class SubscriptionModel : ProductItemPageModel
{
    [BindProperty]
    public EventsInput Input { get; set; } = new();

    public WebhookDetails? Webhook { get; private set; }

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    /// <summary>The secret made by the last post, shown this once.</summary>
    public string? NewSecret { get; private set; }

    public async Task OnGetAsync()
    {
        NewSecret = TempData[IndexModel.SecretKey] as string;
        await LoadAsync();
        Input = new EventsInput { Events = [.. Webhook!.Events], Version = Webhook.Version };
    }

    public Task<IActionResult> OnPostEventsAsync() =>
        SendAndRedirectAsync(new EditWebhookEvents(Slug, Id, [.. Input.Events ?? []], Input.Version), _ => ("Events saved.", Here()), LoadAsync);

    public Task<IActionResult> OnPostDisableAsync() =>
        SendAndRedirectAsync(new DisableWebhook(Slug, Id), _ => ("Webhook disabled: new events are not sent to it.", Here()), LoadAsync, prefix: "");

    public Task<IActionResult> OnPostEnableAsync() =>
        SendAndRedirectAsync(new EnableWebhook(Slug, Id), _ => ("Webhook enabled: what was queued goes out first.", Here()), LoadAsync, prefix: "");

    public Task<IActionResult> OnPostPingAsync() =>
        SendAndRedirectAsync(new PingWebhook(Slug, Id), _ => ("Test delivery queued.", Here()), LoadAsync, prefix: "");

    public Task<IActionResult> OnPostRotateAsync() =>
        SendAndRedirectAsync(new RotateWebhookSecret(Slug, Id), shown =>
        {
            TempData[IndexModel.SecretKey] = shown.Secret;
            return ("New signing secret made. Copy it now: it is not shown again.", Here());
        }, LoadAsync, prefix: "");

    public Task<IActionResult> OnPostRedeliverAsync(long attemptId) =>
        SendAndRedirectAsync(new RedeliverWebhookMessage(Slug, Id, attemptId), _ => ("Delivery queued again.", Here()), LoadAsync, prefix: "");

    public Task<IActionResult> OnPostDeleteAsync() =>
        SendAndRedirectAsync(new DeleteWebhook(Slug, Id), _ => ("Webhook deleted.", RedirectToPage("Index", new { slug = Slug })), LoadAsync, prefix: "");

    private RedirectToPageResult Here() => RedirectToPage(new { slug = Slug, id = Id });

    private async Task LoadAsync()
    {
        Webhook = await Sender.Send(new GetWebhook(Slug, Id), Aborted);
        History = await Sender.Send(GetEntityHistory.Of<WebhookSubscription>(Slug, Id), Aborted);
    }

    public sealed class EventsInput
    {
        public IList<WebhookEvent>? Events { get; set; }
        public int Version { get; set; }
    }
}
