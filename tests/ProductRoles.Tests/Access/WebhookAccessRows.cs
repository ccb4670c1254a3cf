using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Features.Webhooks;
using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

/// <summary>
/// Webhooks are the product manager's and the product owner's. Each row about one subscription gets a
/// fresh one (an allowed caller may disable, rotate or delete it).
/// </summary>
public sealed class WebhookAccessRows : IAccessRows
{
    private const string Subscription = "/p/{slug}/settings/webhooks/{id:int}";
    private static readonly Who[] Managers = [Who.ProductManager, Who.ProductOwner];

    public IEnumerable<AccessRow> Rows =>
    [
        Get("/p/{slug}/settings/webhooks", Managers),
        Post("/p/{slug}/settings/webhooks", Managers, form: new Dictionary<string, string> { ["Input.Url"] = "" }),
        Get(Subscription, Managers) with { Resolve = FreshSubscriptionAsync },
        Post(Subscription, Managers, handler: "Events", form: new Dictionary<string, string> { ["Input.Version"] = "0" }) with { Resolve = FreshSubscriptionAsync },
        Post(Subscription, Managers, handler: "Disable") with { Resolve = FreshSubscriptionAsync },
        Post(Subscription, Managers, handler: "Enable") with { Resolve = FreshSubscriptionAsync },
        Post(Subscription, Managers, handler: "Ping") with { Resolve = FreshSubscriptionAsync },
        Post(Subscription, Managers, handler: "Rotate") with { Resolve = FreshSubscriptionAsync },
        Post(Subscription, Managers, handler: "Delete") with { Resolve = FreshSubscriptionAsync },
        // No delivery named: allowed callers get the message, the others 403/404.
        Post(Subscription, Managers, handler: "Redeliver") with { Resolve = FreshSubscriptionAsync },
    ];

    private static async Task<IReadOnlyDictionary<string, string>> FreshSubscriptionAsync(AppFixture app) =>
        AccessProduct.Id(await SubscribeAsync(app));

    private static async Task<int> SubscribeAsync(AppFixture app)
    {
        var product = (await AccessProduct.GetAsync(app)).Product;
        // A public literal address: validated without a name lookup.
        var shown = await product.SendAsync(AppFixture.Pm, new SubscribeWebhook(product.Slug, "https://192.0.2.10/hooks", [WebhookEvent.BacklogItemCreated]));
        return shown.SubscriptionId;
    }
}
