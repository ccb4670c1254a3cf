using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Webhooks;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>A product manager or product owner subscribes a URL to chosen events; the secret is shown this once.</summary>
[Requires(Permission.ManageWebhooks)]
public sealed record SubscribeWebhook(string ProductSlug, string Url, IReadOnlyList<WebhookEvent> Events)
    : ICommand<WebhookSecretShown>, IProductRequest;

/// <summary>The subscription and its signing secret, which the app never shows again.</summary>
public sealed record WebhookSecretShown(int SubscriptionId, string Secret);

public sealed class SubscribeWebhookValidator : AbstractValidator<SubscribeWebhook>
{
    public SubscribeWebhookValidator(WebhookTargets targets)
    {
        RuleFor(c => c.Url).ValidTarget(targets);
        RuleFor(c => c.Events).ValidEvents();
    }
}

public sealed class SubscribeWebhookHandler(AppDbContext db, ProductContext product, ICurrentUser user, WebhookSecrets secrets, TimeProvider clock)
    : ICommandHandler<SubscribeWebhook, WebhookSecretShown>
{
    public async ValueTask<WebhookSecretShown> Handle(SubscribeWebhook command, CancellationToken cancellationToken)
    {
        var secret = WebhookSecrets.New();
        var subscription = new WebhookSubscription
        {
            ProductId = product.Id,
            Url = command.Url.Trim(),
            Events = WebhookEvents.Format(command.Events),
            ProtectedSecret = secrets.Protect(secret),
            OwnerUserId = user.UserId ?? throw new ForbiddenException(),
            State = WebhookSubscriptionState.Active,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookSecretShown(subscription.Id, secret);
    }
}
