using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Outbox;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>
/// Sends a logged delivery once more: the same body with the same id (a receiver that has it can drop
/// it), queued behind what the subscription is still owed.
/// </summary>
[Requires(Permission.ManageWebhooks)]
public sealed record RedeliverWebhookMessage(string ProductSlug, int SubscriptionId, long AttemptId) : ICommand<Unit>, IProductRequest;

public sealed class RedeliverWebhookMessageValidator : AbstractValidator<RedeliverWebhookMessage>
{
    public RedeliverWebhookMessageValidator() =>
        RuleFor(c => c.AttemptId).GreaterThan(0).WithMessage("Choose a delivery from the log to send again.");
}

public sealed class RedeliverWebhookMessageHandler(AppDbContext db, WebhookOutbox outbox, IConfiguration configuration)
    : ICommandHandler<RedeliverWebhookMessage, Unit>
{
    public async ValueTask<Unit> Handle(RedeliverWebhookMessage command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrNotFoundAsync(s => s.Id == command.SubscriptionId, cancellationToken);
        var messageId = await db.WebhookDeliveryAttempts.Where(a => a.Id == command.AttemptId && a.SubscriptionId == subscription.Id)
            .Select(a => a.OutboxMessageId).SingleOrNotFoundAsync(cancellationToken);
        // The outbox is no product's: the attempt above, in this product, is what makes the message ours to read.
        var payload = await db.OutboxMessages.Where(m => m.Id == messageId).Select(m => m.Payload).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("",
                $"This delivery is too old to send again: its body is kept for {OutboxRetention.DeliveredFor(configuration).TotalDays:0.#} days after delivery.");
        if (subscription.State != WebhookSubscriptionState.Active)
        {
            throw new DomainRuleException("", "Enable the webhook before redelivering to it.");
        }

        outbox.EnqueueAgain(subscription.Id, payload);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
