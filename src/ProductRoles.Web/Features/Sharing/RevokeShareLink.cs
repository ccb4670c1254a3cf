using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Auditing;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Sharing;

/// <summary>Revokes a share link: the next request with it gets 404, the same as a link that never existed.</summary>
[Requires(Permission.ManageShareLinks)]
public sealed record RevokeShareLink(string ProductSlug, int LinkId) : ICommand<Unit>, IProductRequest;

public sealed class RevokeShareLinkHandler(AppDbContext db, ProductContext product, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RevokeShareLink, Unit>
{
    public async ValueTask<Unit> Handle(RevokeShareLink command, CancellationToken cancellationToken)
    {
        var link = await db.ShareLinks.SingleOrDefaultAsync(l => l.Id == command.LinkId, cancellationToken)
            ?? throw RequestValidationException.For("linkId", "That is not one of this product's share links.");
        ShareLinkRules.EnsureMayShare(product, link.Kind);
        if (link.RevokedAt is not null)
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        link.RevokedAt = now;
        link.RevokedBy = user.Name;
        // One readable row instead of the raw field changes.
        db.Activities.Add(ActivityRecorder.Describe(db.Entry(link), now, user, "Revoked", null, null, null, null));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
