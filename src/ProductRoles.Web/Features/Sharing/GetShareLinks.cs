using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sharing;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Sharing;

/// <summary>The manage page: every share link of the product, newest first, with its views; and what the caller may share.</summary>
[Requires(Permission.ManageShareLinks)]
public sealed record GetShareLinks(string ProductSlug) : IQuery<ShareLinksView>, IProductRequest;

public sealed record ShareLinksView(
    IReadOnlyList<ShareLinkRow> Links, bool CanShareRoadmap, bool HasPublishedRoadmap, bool CanShareSprintReviews,
    IReadOnlyList<ShareableReview> Reviews, DateOnly LatestExpiry);

public enum ShareLinkState
{
    Open,
    Expired,
    Revoked,
}

public sealed record ShareLinkRow(
    int Id, ShareLinkKind Kind, int? SprintId, string? SprintName, string Label, DateTime CreatedAt, string CreatedBy, DateTime? ExpiresAt,
    DateTime? RevokedAt, string? RevokedBy, int ViewCount, DateTime? LastViewedAt, ShareLinkState State, bool CanRevoke);

public sealed record ShareableReview(int SprintId, string SprintName, DateOnly EndDate);

public sealed class GetShareLinksHandler(AppDbContext db, ProductContext product, TimeProvider clock)
    : IQueryHandler<GetShareLinks, ShareLinksView>
{
    public async ValueTask<ShareLinksView> Handle(GetShareLinks query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var links = await db.ShareLinks.AsNoTracking()
            .OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Select(l => new
            {
                Link = l,
                SprintName = db.Sprints.Where(s => s.Id == l.SprintId).Select(s => s.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var canShareReviews = product.Can(Permission.ShareSprintReview);
        var reviews = canShareReviews
            ? await db.Sprints.AsNoTracking().Where(s => s.State == SprintState.Closed)
                .OrderByDescending(s => s.EndDate).ThenByDescending(s => s.Id)
                .Select(s => new ShareableReview(s.Id, s.Name, s.EndDate)).ToListAsync(cancellationToken)
            : [];
        var rows = links.Select(x => new ShareLinkRow(x.Link.Id, x.Link.Kind, x.Link.SprintId, x.SprintName, x.Link.Label, x.Link.CreatedAt,
                x.Link.CreatedBy, x.Link.ExpiresAt, x.Link.RevokedAt, x.Link.RevokedBy, x.Link.ViewCount, x.Link.LastViewedAt,
                x.Link.RevokedAt is not null ? ShareLinkState.Revoked : x.Link.IsOpenAt(now) ? ShareLinkState.Open : ShareLinkState.Expired,
                x.Link.RevokedAt is null && ShareLinkRules.MayShare(product, x.Link.Kind)))
            .ToList();
        return new ShareLinksView(rows, product.Can(Permission.ShareRoadmap), await db.PublishedRoadmaps.AnyAsync(cancellationToken),
            canShareReviews, reviews, DateOnly.FromDateTime(now).AddDays(ShareLink.MaxLifetimeDays));
    }
}
