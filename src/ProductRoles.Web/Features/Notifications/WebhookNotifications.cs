using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>A webhook disabled after a day of failed deliveries: its owner (who subscribed it) is told, while they may still manage webhooks.</summary>
public sealed class WebhookNotifications(NotificationAudience audience, NotificationWriter writer) : IDomainEventHandler<WebhookSubscriptionDisabledAfterFailures>
{
    public async Task HandleAsync(WebhookSubscriptionDisabledAfterFailures e, CancellationToken cancellationToken)
    {
        if (await audience.MemberAsync(e.ProductId, e.OwnerUserId, cancellationToken) is not { } owner)
        {
            return;
        }

        await writer.WriteAsync(e.ProductId, e.ActorId,
            new NotificationDraft(NotificationKind.WebhookDisabled, $"webhook:{e.SubscriptionId}", $"the webhook to {e.Url}",
                $"Your webhook to {e.Url} was disabled: {e.Reason}", $"settings/webhooks/{e.SubscriptionId}", Permission.ManageWebhooks,
                "you subscribed this webhook"),
            [owner], cancellationToken);
    }
}
