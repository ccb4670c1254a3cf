using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Outbox;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>
/// Writes webhook deliveries into the outbox, inside the transaction of the command whose change they
/// announce: one row per active subscription of the product that chose the event and whose owner's role
/// may read what it carries. The row holds the exact JSON body the receiver will get.
/// </summary>
public sealed class WebhookOutbox(AppDbContext db, ProductContext product, TimeProvider clock, OutboxSignal signal)
{
    public const string Kind = "webhook";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>What each event needs the subscription's owner to be allowed to read.</summary>
    public static Permission RequiredPermission(WebhookEvent webhookEvent) => webhookEvent switch
    {
        WebhookEvent.FeedbackReceived => Permission.ViewCustomerFeedback,
        WebhookEvent.RoadmapPublished => Permission.ViewPublishedRoadmap,
        WebhookEvent.SprintStarted or WebhookEvent.SprintClosed => Permission.ViewSprints,
        WebhookEvent.SprintReviewReady => Permission.ViewSprintReview,
        _ => Permission.ViewBacklog,
    };

    /// <summary>The product's active subscriptions with their owner's role, read once per request: a bulk edit of
    /// 1,000 items raises 1,000 events, and they must not ask the same question 1,000 times.</summary>
    private List<ActiveSubscription>? _active;

    /// <summary>
    /// Queues <paramref name="webhookEvent"/> for every subscription that wants it. <paramref name="data"/> is
    /// loaded only when one does, so a product without webhooks pays one query per request, whatever the events.
    /// </summary>
    public async Task EnqueueAsync(WebhookEvent webhookEvent, Func<Task<object>> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var productId = product.Id;
        _active ??= await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.State == WebhookSubscriptionState.Active)
            .Select(s => new ActiveSubscription(
                s.Id,
                s.Events,
                db.ProductMembers.Where(m => m.ProductId == productId && m.UserId == s.OwnerUserId).Select(m => (ProductRole?)m.Role).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var permission = RequiredPermission(webhookEvent);
        object? loaded = null;
        foreach (var subscription in _active.Where(s => WebhookEvents.Parse(s.Events).Contains(webhookEvent)
                     && ProductPermissions.Allows(s.Role, isAdministrator: false, permission)))
        {
            Add(subscription.Id, WebhookEvents.WireName(webhookEvent), loaded ??= await data());
        }
    }

    /// <summary>A test delivery for one subscription, whatever it chose.</summary>
    public void EnqueuePing(int subscriptionId) =>
        Add(subscriptionId, WebhookEvents.PingWireName, new { message = "A test delivery from ProductRoles." });

    /// <summary>The same body again (same id, so a receiver that has it already can drop it), at the end of the queue.</summary>
    public void EnqueueAgain(int subscriptionId, string payload)
    {
        db.OutboxMessages.Add(OutboxMessage.New(Kind, Partition(subscriptionId), payload, clock.GetUtcNow().UtcDateTime));
        signal.Notify();
    }

    public static string Partition(int subscriptionId) => subscriptionId.ToString(CultureInfo.InvariantCulture);

    private void Add(int subscriptionId, string eventName, object data)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var body = JsonSerializer.Serialize(new WebhookBody(Guid.NewGuid(), eventName, now, new WebhookProduct(product.Slug, product.Name), data), Json);
        db.OutboxMessages.Add(OutboxMessage.New(Kind, Partition(subscriptionId), body, now));
        signal.Notify();
    }
}

internal sealed record ActiveSubscription(int Id, string Events, ProductRole? Role);

/// <summary>A delivery as the receiver gets it.</summary>
public sealed record WebhookBody(Guid Id, string Event, DateTime Time, WebhookProduct Product, object Data);

public sealed record WebhookProduct(string Slug, string Name);
