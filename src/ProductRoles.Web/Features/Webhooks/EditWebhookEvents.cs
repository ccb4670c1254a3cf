using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>Changes which events a subscription is told about.</summary>
[Requires(Permission.ManageWebhooks)]
public sealed record EditWebhookEvents(string ProductSlug, int SubscriptionId, IReadOnlyList<WebhookEvent> Events, int Version)
    : ICommand<Unit>, IProductRequest;

public sealed class EditWebhookEventsValidator : AbstractValidator<EditWebhookEvents>
{
    public EditWebhookEventsValidator() => RuleFor(c => c.Events).ValidEvents();
}

public sealed class EditWebhookEventsHandler(AppDbContext db) : ICommandHandler<EditWebhookEvents, Unit>
{
    public async ValueTask<Unit> Handle(EditWebhookEvents command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrNotFoundAsync(s => s.Id == command.SubscriptionId, cancellationToken);
        db.ExpectVersion(subscription, command.Version);
        subscription.Choose([.. command.Events]);
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }
}
