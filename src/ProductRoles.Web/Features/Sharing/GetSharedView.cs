using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sharing;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.Scrum.SprintReview;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Sharing;

/// <summary>
/// What a share link shows, to anyone who has it: the published roadmap or one sprint review, read-only.
/// A link that is unknown, revoked or expired, or whose content is no longer published, is not found —
/// one answer for all, so the answer tells a guesser nothing.
/// </summary>
public sealed record GetSharedView(string Secret) : IQuery<SharedView>, IAnonymousRequest;

public sealed record SharedView(int LinkId, string ProductName, ShareLinkKind Kind, DateTime? ExpiresAt, PublishedRoadmapView? Roadmap, SprintReviewView? Review);

public sealed class GetSharedViewHandler(AppDbContext db, ProductAccessResolver access, ProductContext product, TimeProvider clock)
    : IQueryHandler<GetSharedView, SharedView>
{
    public async ValueTask<SharedView> Handle(GetSharedView query, CancellationToken cancellationToken)
    {
        if (!ShareLink.LooksLikeSecret(query.Secret))
        {
            throw new NotFoundException();
        }

        var hash = ShareLink.Hash(query.Secret);
        // Unscoped on purpose: the link is what decides the product.
        var found = await db.ShareLinks.AsNoTracking().IgnoreQueryFilters().Where(l => l.SecretHash == hash)
            .Join(db.Products.IgnoreQueryFilters(), l => l.ProductId, p => p.Id, (l, p) => new { Link = l, p.Slug, p.Name, p.Stage })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !found.Link.IsOpenAt(clock.GetUtcNow().UtcDateTime))
        {
            throw new NotFoundException();
        }

        // From here on every read is this product's, with no role: the views' own checks show no member links.
        access.Enter(new ProductAccess(found.Link.ProductId, found.Slug, found.Name, found.Stage, Role: null, IsAdministrator: false));
        var link = found.Link;
        if (link.Kind == ShareLinkKind.PublishedRoadmap)
        {
            var roadmap = await PublishedRoadmapQuery.LatestAsync(db, cancellationToken) ?? throw new NotFoundException();
            return new SharedView(link.Id, found.Name, link.Kind, link.ExpiresAt, roadmap, null);
        }

        // The same read as the members' review page (a closed sprint of this product, else not found).
        var review = await new GetSprintReviewHandler(db, product).Handle(new GetSprintReview(found.Slug, link.SprintId ?? 0), cancellationToken);
        return new SharedView(link.Id, found.Name, link.Kind, link.ExpiresAt, null, review);
    }
}
