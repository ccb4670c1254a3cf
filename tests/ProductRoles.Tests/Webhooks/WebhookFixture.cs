using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Features.Webhooks;

namespace ProductRoles.Tests.Webhooks;

/// <summary>
/// An app of the webhook tests' own: the outbox sender on (polling often), loopback targets allowed (the
/// receivers are on loopback), and a clock the tests move by hand for backoff and the day of retries.
/// </summary>
public sealed class WebhookFixture : IAsyncLifetime
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public AppFixture App { get; }

    public WebhookFixture()
    {
        var factory = new AppFactory
        {
            ExtraServices = services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            },
        };
        foreach (var (key, value) in Settings)
        {
            factory.Settings[key] = value;
        }

        App = new AppFixture { Factory = factory };
    }

    /// <summary>What the webhook apps run with (the restart test's second app too).</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Outbox:Enabled"] = "true",
        ["Outbox:PollSeconds"] = "0.1",
        ["Outbox:LeaseSeconds"] = "5",
        ["Webhooks:AllowPrivateTargets"] = "true",
    };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>A receiver and a subscription of <paramref name="product"/> to it, its secret handed to the receiver.</summary>
    public static async Task<(WebhookReceiver Receiver, int SubscriptionId)> SubscribeAsync(TestProduct product, params WebhookEvent[] events)
    {
        var receiver = await WebhookReceiver.StartAsync();
        var shown = await product.SendAsync(AppFixture.Pm, new SubscribeWebhook(product.Slug, receiver.Url, events.Length == 0 ? [.. WebhookEvents.All] : events));
        receiver.Secret = shown.Secret;
        return (receiver, shown.SubscriptionId);
    }

    public Task<List<OutboxMessage>> MessagesAsync(int subscriptionId) => App.QueryAsync(db =>
        db.OutboxMessages.Where(m => m.Kind == WebhookOutbox.Kind && m.Partition == WebhookOutbox.Partition(subscriptionId))
            .OrderBy(m => m.Id).AsNoTracking().ToListAsync());

    public Task<WebhookSubscription> SubscriptionAsync(int subscriptionId) =>
        App.QueryAsync(db => db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == subscriptionId));

    /// <summary>
    /// Waits (up to a minute) until the receiver got what the condition asks for, letting the test's clock pass for retries.
    /// A failed try — an answer other than 2xx, or none within the timeout, which a loaded machine can cause — is tried
    /// again only after its backoff, and that is on <see cref="Clock"/>, which stands still unless a test moves it; the
    /// deliveries behind it wait, in order. So while waiting, the clock is moved to the subscription's next due retry, as
    /// real time would pass. Fails with what arrived and what the outbox holds.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedDelivery>> WaitForDeliveriesAsync(
        WebhookReceiver receiver, int subscriptionId, Func<IReadOnlyList<ReceivedDelivery>, bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var received = receiver.Received;
            if (condition(received))
            {
                return received;
            }

            var messages = await MessagesAsync(subscriptionId);
            var now = Clock.GetUtcNow().UtcDateTime;
            if (messages.FirstOrDefault(m => m.State != OutboxMessageState.Delivered) is { State: OutboxMessageState.Pending, Attempts: > 0 } head
                && head.NextAttemptAt > now)
            {
                Clock.Advance(head.NextAttemptAt - now + TimeSpan.FromSeconds(1));
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The receiver never got {what}; it got: {string.Join(", ", received.Select(r => $"{r.Event} {r.Id} → {r.AnsweredWith}"))}; " +
                    $"the outbox holds: {string.Join(", ", messages.Select(m => $"#{m.Id} {m.State} after {m.Attempts} (due {m.NextAttemptAt:O}, {m.LastError})"))}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The deliveries the receiver took (answered 2xx), each id once, in the order they were first taken: what a receiver that deduplicates keeps.</summary>
    public static List<ReceivedDelivery> Taken(IReadOnlyList<ReceivedDelivery> received) =>
        [.. received.Where(r => r.AnsweredWith is >= 200 and < 300).DistinctBy(r => r.Id)];

    /// <summary>Waits until the outbox holds what the condition asks for (the sender works in the background).</summary>
    public async Task<List<OutboxMessage>> WaitForMessagesAsync(int subscriptionId, Func<List<OutboxMessage>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var messages = await MessagesAsync(subscriptionId);
            if (condition(messages))
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The outbox never showed {what}: {string.Join(", ", messages.Select(m => $"#{m.Id} {m.State} after {m.Attempts}"))}");
            }

            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookFixture>
{
    public const string Name = "webhooks";
}
