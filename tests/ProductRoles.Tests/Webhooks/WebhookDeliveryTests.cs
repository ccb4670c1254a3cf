using System.Net;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Features.Webhooks;

namespace ProductRoles.Tests.Webhooks;

/// <summary>Deliveries as a receiver sees them: signed, in order, at least once with an id, retried with backoff.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookFixture webhooks)
{
    private AppFixture App => webhooks.App;

    [Fact]
    public async Task A_test_delivery_arrives_signed_with_its_id_event_and_time_and_is_logged()
    {
        var product = await App.NewProduct("Webhook ping").BuildAsync();
        var (receiver, subscriptionId) = await WebhookFixture.SubscribeAsync(product);
        await using var _ = receiver;
        receiver.Now = webhooks.Clock.GetUtcNow;

        await product.SendAsync(AppFixture.Po, new PingWebhook(product.Slug, subscriptionId));

        var delivery = Assert.Single(await receiver.WaitForAsync(r => r.Count == 1, "the ping"));
        Assert.True(delivery.SignatureValid, "The signature does not verify with the secret shown when subscribing.");
        Assert.True(delivery.Fresh);
        Assert.Equal("ping", delivery.Event);
        Assert.Equal(delivery.Id.ToString(), delivery.DeliveryHeader);
        Assert.Equal(product.Slug, delivery.Body.GetProperty("product").GetProperty("slug").GetString());
        Assert.Equal(webhooks.Clock.GetUtcNow().UtcDateTime, delivery.Body.GetProperty("time").GetDateTime(), TimeSpan.FromMinutes(1));

        var message = Assert.Single(await webhooks.WaitForMessagesAsync(subscriptionId, m => m.All(x => x.State == OutboxMessageState.Delivered), "it delivered"));
        Assert.Equal(1, message.Attempts);
        var log = await product.AskAsync(AppFixture.Pm, new GetWebhook(product.Slug, subscriptionId));
        var attempt = Assert.Single(log.Attempts);
        Assert.Equal((200, true, "thanks", delivery.Id), (attempt.StatusCode, attempt.Succeeded, attempt.ResponseExcerpt, attempt.DeliveryId));
    }

    [Fact]
    public async Task A_rotated_secret_signs_every_delivery_after_it_and_the_old_one_no_longer_verifies()
    {
        var product = await App.NewProduct("Webhook rotate").BuildAsync();
        var (receiver, subscriptionId) = await WebhookFixture.SubscribeAsync(product);
        await using var _ = receiver;
        var old = receiver.Secret;

        var rotated = await product.SendAsync(AppFixture.Pm, new RotateWebhookSecret(product.Slug, subscriptionId));
        await product.SendAsync(AppFixture.Pm, new PingWebhook(product.Slug, subscriptionId));
        receiver.Secret = old;
        Assert.False(Assert.Single(await receiver.WaitForAsync(r => r.Count == 1, "the ping")).SignatureValid);

        receiver.Secret = rotated.Secret;
        await product.SendAsync(AppFixture.Pm, new PingWebhook(product.Slug, subscriptionId));
        Assert.True((await receiver.WaitForAsync(r => r.Count == 2, "the second ping"))[1].SignatureValid);
        Assert.NotEqual(old, rotated.Secret);
    }

    [Fact]
    public async Task A_receiver_answering_500_gets_the_same_delivery_again_after_a_backoff_then_the_next_one()
    {
        var product = await App.NewProduct("Webhook retry").BuildAsync();
        var (receiver, subscriptionId) = await WebhookFixture.SubscribeAsync(product);
        await using var _ = receiver;
        receiver.Answer = Answers.FailFirst(1);

        await product.SendAsync(AppFixture.Pm, new PingWebhook(product.Slug, subscriptionId));
        await product.SendAsync(AppFixture.Pm, new PingWebhook(product.Slug, subscriptionId));
        var first = Assert.Single(await receiver.WaitForAsync(r => r.Count == 1, "the first try"));
        Assert.Equal(500, first.AnsweredWith);

        // Backed off: due 15–30 s later (30 s first retry, half of it jittered), and nothing behind it overtakes it.
        var messages = await webhooks.WaitForMessagesAsync(subscriptionId, m => m[0].Attempts == 1, "the failed try recorded");
        var failedAt = webhooks.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(OutboxMessageState.Pending, messages[0].State);
        Assert.InRange(messages[0].NextAttemptAt, failedAt.AddSeconds(15), failedAt.AddSeconds(30));
        Assert.Equal("The receiver answered 500.", messages[0].LastError);
        Assert.Equal(0, messages[1].Attempts);

        webhooks.Clock.Advance(TimeSpan.FromSeconds(31));
        var received = await receiver.WaitForAsync(r => r.Count == 3, "the retry and the second ping");
        Assert.Equal(first.Id, received[1].Id);
        Assert.NotEqual(first.Id, received[2].Id);
        Assert.Equal([500, 200, 200], received.Select(r => r.AnsweredWith));
        Assert.True(received[1].Timestamp - received[0].Timestamp >= 15, "The retry came before its backoff.");
        Assert.All(received, r => Assert.True(r.SignatureValid));

        await webhooks.WaitForMessagesAsync(subscriptionId, m => m.All(x => x.State == OutboxMessageState.Delivered), "both delivered");
        var log = await product.AskAsync(AppFixture.Pm, new GetWebhook(product.Slug, subscriptionId));
        Assert.Equal([200, 200, 500], log.Attempts.Select(a => a.StatusCode));
        // The receiver's answer is kept as text; the page encodes it on output.
        Assert.Equal("<b>receiver is down</b>", log.Attempts[2].ResponseExcerpt);
    }

    [Fact]
    public async Task Redelivery_sends_the_same_body_with_the_same_id_again()
    {
        var product = await App.NewProduct("Webhook redeliver").BuildAsync();
        var (receiver, subscriptionId) = await WebhookFixture.SubscribeAsync(product);
        await using var _ = receiver;
        await product.SendAsync(AppFixture.Pm, new PingWebhook(product.Slug, subscriptionId));
        var first = Assert.Single(await receiver.WaitForAsync(r => r.Count == 1, "the ping"));
        await webhooks.WaitForMessagesAsync(subscriptionId, m => m.All(x => x.State == OutboxMessageState.Delivered), "it delivered");
        var attempt = Assert.Single((await product.AskAsync(AppFixture.Pm, new GetWebhook(product.Slug, subscriptionId))).Attempts);

        await product.SendAsync(AppFixture.Po, new RedeliverWebhookMessage(product.Slug, subscriptionId, attempt.Id));

        var again = (await receiver.WaitForAsync(r => r.Count == 2, "the redelivery"))[1];
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Body.ToString(), again.Body.ToString());
        Assert.True(again.SignatureValid);
    }

    [Fact]
    public async Task After_a_day_of_failures_the_subscription_is_disabled_nothing_is_lost_and_enabling_sends_it_all_in_order()
    {
        var product = await App.NewProduct("Webhook disable").BuildAsync();
        var (receiver, subscriptionId) = await WebhookFixture.SubscribeAsync(product);
        await using var _ = receiver;
        receiver.Answer = Answers.Always(HttpStatusCode.InternalServerError);
        await product.SendAsync(AppFixture.Pm, new PingWebhook(product.Slug, subscriptionId));
        await product.SendAsync(AppFixture.Pm, new PingWebhook(product.Slug, subscriptionId));

        // Each failed try backs off; move the clock past each one until the day of retries is over.
        for (var tries = 1; (await webhooks.SubscriptionAsync(subscriptionId)).State == WebhookSubscriptionState.Active; tries++)
        {
            Assert.True(tries < 100, "Still retrying after 100 tries.");
            await receiver.WaitForAsync(r => r.Count >= tries, $"try {tries}");
            await webhooks.WaitForMessagesAsync(subscriptionId, m => m[0].Attempts >= tries, $"try {tries} recorded");
            webhooks.Clock.Advance(TimeSpan.FromMinutes(61));
        }

        var subscription = await webhooks.SubscriptionAsync(subscriptionId);
        Assert.StartsWith("Disabled automatically after", subscription.DisabledReason, StringComparison.Ordinal);
        Assert.Contains("The receiver answered 500.", subscription.DisabledReason, StringComparison.Ordinal);
        var tried = receiver.Received;
        Assert.True(tried.Count > 10, $"Only {tried.Count} tries in a day.");
        Assert.All(tried, r => Assert.Equal(tried[0].Id, r.Id));
        var held = await webhooks.MessagesAsync(subscriptionId);
        Assert.Equal([OutboxMessageState.Held, OutboxMessageState.Held], held.Select(m => m.State));

        // The owner is told where they look: the webhooks page says it is disabled and why; the history says who did it.
        var client = await App.SignInAsync(AppFixture.Pm);
        var page = await client.GetPageAsync($"{product.Url}/settings/webhooks");
        Assert.Contains("is disabled: Disabled automatically after", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var details = await client.GetPageAsync($"{product.Url}/settings/webhooks/{subscriptionId}");
        Assert.Contains("2 deliveries wait", details.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("system", details.QuerySelector("#webhook-history")!.ParentElement!.TextContent, StringComparison.Ordinal);
        // The receiver's answer is shown as text, never as markup.
        Assert.Contains("<b>receiver is down</b>", details.QuerySelector(".webhook-excerpt")!.TextContent, StringComparison.Ordinal);
        Assert.Null(details.QuerySelector(".webhook-excerpt b"));

        receiver.Answer = Answers.Always(HttpStatusCode.OK);
        var before = receiver.Received.Count;
        await product.SendAsync(AppFixture.Pm, new EnableWebhook(product.Slug, subscriptionId));
        var after = (await receiver.WaitForAsync(r => r.Count == before + 2, "both held deliveries")).Skip(before).ToList();
        Assert.Equal(tried[0].Id, after[0].Id);
        Assert.NotEqual(after[0].Id, after[1].Id);
        Assert.Equal([200, 200], after.Select(r => r.AnsweredWith));
    }

    [Fact]
    public async Task A_disabled_subscription_gets_nothing_new_and_refuses_a_ping_with_a_message()
    {
        var product = await App.NewProduct("Webhook off").BuildAsync();
        var (receiver, subscriptionId) = await WebhookFixture.SubscribeAsync(product);
        await using var _ = receiver;
        await product.SendAsync(AppFixture.Pm, new DisableWebhook(product.Slug, subscriptionId));

        var refused = await Assert.ThrowsAsync<ProductRoles.Web.Infrastructure.Pipeline.RequestValidationException>(() =>
            product.SendAsync(AppFixture.Pm, new PingWebhook(product.Slug, subscriptionId)));
        Assert.Equal("Enable the webhook before sending it a test delivery.", Assert.Single(refused.Errors[""]));
        Assert.Empty(await webhooks.MessagesAsync(subscriptionId));
        Assert.Empty(receiver.Received);
    }
}
