using Microsoft.AspNetCore.Mvc;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Features.Webhooks;
using ProductRoles.Web.Infrastructure.Web;

namespace ProductRoles.Web.Pages.Products.Webhooks;

public sealed class IndexModel : ProductPageModel
{
    /// <summary>TempData key of a secret just made: shown on the next page once, then gone.</summary>
    public const string SecretKey = "WebhookSecret";

    [BindProperty]
    public SubscribeInput Input { get; set; } = new();

    public IReadOnlyList<WebhookSummary> Subscriptions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // A new subscription starts with every event chosen; the user unticks what they don't want.
        Input.Events = [.. WebhookEvents.All];
        await LoadAsync();
    }

    public Task<IActionResult> OnPostAsync() =>
        SendAndRedirectAsync(new SubscribeWebhook(Slug, Input.Url ?? "", [.. Input.Events ?? []]),
            shown =>
            {
                TempData[SecretKey] = shown.Secret;
                return ("Webhook added. Copy its signing secret now: it is not shown again.",
                    RedirectToPage("Subscription", new { slug = Slug, id = shown.SubscriptionId }));
            }, LoadAsync);

    private async Task LoadAsync() => Subscriptions = await Sender.Send(new GetWebhooks(Slug), Aborted);

    public sealed class SubscribeInput
    {
        public string? Url { get; set; }
        public IList<WebhookEvent>? Events { get; set; }
    }
}
