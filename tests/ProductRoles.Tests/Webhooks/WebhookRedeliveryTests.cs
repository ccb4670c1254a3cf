using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Features.Webhooks;
using ProductRoles.Web.Infrastructure.Outbox;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Webhooks;

/// <summary>Redelivering from the log once the outbox has pruned the delivered body (<c>Outbox:RetainDeliveredFor</c>, 14 days).</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookRedeliveryTests(WebhookFixture webhooks)
{
    private AppFixture App => webhooks.App;

    [Fact]
    public async Task A_delivery_whose_body_was_pruned_is_still_in_the_log_says_it_is_too_old_to_send_again_and_nothing_is_queued()
    {
        var product = await App.NewProduct("Webhook pruned").BuildAsync();
        var (receiver, subscriptionId) = await WebhookFixture.SubscribeAsync(product);
        await using var _ = receiver;
        await product.SendAsync(AppFixture.Pm, new PingWebhook(product.Slug, subscriptionId));
        await webhooks.WaitForDeliveriesAsync(receiver, subscriptionId, r => WebhookFixture.Taken(r).Count == 1, "the ping");
        await webhooks.WaitForMessagesAsync(subscriptionId, m => m.Count == 1 && m[0].State == OutboxMessageState.Delivered, "it delivered");

        webhooks.Clock.Advance(TimeSpan.FromDays(15));
        var sender = App.Factory.Services.GetServices<IHostedService>().OfType<OutboxSender>().Single();
        await sender.PruneDeliveredAsync(CancellationToken.None);
        Assert.Empty(await webhooks.MessagesAsync(subscriptionId));

        var attempt = Assert.Single((await product.AskAsync(AppFixture.Pm, new GetWebhook(product.Slug, subscriptionId))).Attempts);
        Assert.False(attempt.Kept);
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            product.SendAsync(AppFixture.Pm, new RedeliverWebhookMessage(product.Slug, subscriptionId, attempt.Id)));
        Assert.Equal("This delivery is too old to send again: its body is kept for 14 days after delivery.", Assert.Single(refused.Errors[""]));
        Assert.Empty(await webhooks.MessagesAsync(subscriptionId));

        // The page shows the row without its Redeliver button; a stale form that still posts it gets the message, not an error page.
        var client = await App.SignInAsync(AppFixture.Pm);
        var url = $"{product.Url}/settings/webhooks/{subscriptionId}";
        var page = await client.GetPageAsync(url);
        Assert.Contains("Too old to send again", page.QuerySelector(".table")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Redeliver']"));
        using var posted = await client.PostAsync(url + "?handler=Redeliver", new Dictionary<string, string> { ["attemptId"] = attempt.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, url);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("too old to send again", (await TestClient.ParseAsync(posted)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await webhooks.MessagesAsync(subscriptionId));
    }
}
