namespace ProductRoles.Web.Domain.Webhooks;

/// <summary>
/// The sender gave up on a subscription after its deliveries failed for the whole retry window and
/// disabled it (<paramref name="Reason"/> says after which failures). Its owner should know.
/// </summary>
public sealed record WebhookSubscriptionDisabledAfterFailures(int ProductId, int SubscriptionId, string? ActorId, string OwnerUserId, string Url, string Reason)
    : IProductEvent;
