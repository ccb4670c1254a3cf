using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Auditing;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;
using ProductRoles.Web.Infrastructure.Webhooks;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>
/// Replaces the signing secret (shown this once): from now on every delivery, also a retry of an older
/// one, is signed with the new secret.
/// </summary>
[Requires(Permission.ManageWebhooks)]
public sealed record RotateWebhookSecret(string ProductSlug, int SubscriptionId) : ICommand<WebhookSecretShown>, IProductRequest;

public sealed class RotateWebhookSecretHandler(AppDbContext db, WebhookSecrets secrets, TimeProvider clock) : ICommandHandler<RotateWebhookSecret, WebhookSecretShown>
{
    public async ValueTask<WebhookSecretShown> Handle(RotateWebhookSecret command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrNotFoundAsync(s => s.Id == command.SubscriptionId, cancellationToken);
        var secret = WebhookSecrets.New();
        subscription.ProtectedSecret = secrets.Protect(secret);
        // The secret itself is not history, but that it changed is.
        db.Activities.Add(ActivityRecorder.Describe(db.Entry((object)subscription), clock.GetUtcNow().UtcDateTime, db.CurrentUser,
            "Rotated", "Secret", null, null, "The signing secret was replaced."));
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookSecretShown(subscription.Id, secret);
    }
}
