using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Stakeholders;

/// <summary>
/// A stakeholder's home: what was published since their last visit — roadmap publishes with what each changed,
/// sprint reviews that became ready (the sprint closed) or were recorded. Reads only; the page records the visit.
/// </summary>
[Requires(Permission.ViewPublishedRoadmap)]
public sealed record GetSinceLastVisit(string ProductSlug) : IQuery<SinceLastVisit>, IProductRequest;

public sealed record SinceLastVisit(DateTime Since, IReadOnlyList<PublishSinceVisit> Publishes, IReadOnlyList<ReviewSinceVisit> Reviews, bool NeedsWrite);

public sealed record PublishSinceVisit(DateTime PublishedAt, string PublishedBy, string? Note, int ItemCount, DateTime? PreviousPublishedAt, IReadOnlyList<RoadmapChange> Changes);

/// <summary>A sprint review that became ready (its sprint closed) or whose outcome was recorded since the visit.</summary>
public sealed record ReviewSinceVisit(int SprintId, string SprintName, string Goal, DateTime At, bool Recorded, bool? GoalMet);

public sealed class GetSinceLastVisitHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetSinceLastVisit, SinceLastVisit>
{
    /// <summary>A long absence lists this many publishes and reviews at most; the pages hold the rest.</summary>
    private const int MostShown = 5;

    public async ValueTask<SinceLastVisit> Handle(GetSinceLastVisit query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.UserId;
        var visit = await db.ProductVisits.AsNoTracking().Where(v => v.UserId == userId).SingleOrDefaultAsync(cancellationToken);
        var since = ProductVisit.ShownSince(visit, now);

        // The publishes since then, and the one before the oldest of them, to tell what each one changed.
        var publishes = await db.PublishedRoadmaps.AsNoTracking()
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Where(p => p.PublishedAt > since)
            .Select(p => new { p.Id, p.PublishedAt, p.PublishedBy, p.Note })
            .Take(MostShown).ToListAsync(cancellationToken);
        var shown = new List<PublishSinceVisit>();
        if (publishes.Count > 0)
        {
            var oldest = publishes[^1];
            var before = await db.PublishedRoadmaps.AsNoTracking()
                .Where(p => p.PublishedAt < oldest.PublishedAt || (p.PublishedAt == oldest.PublishedAt && p.Id < oldest.Id))
                .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Select(p => new { p.Id, p.PublishedAt }).FirstOrDefaultAsync(cancellationToken);
            var ids = publishes.Select(p => p.Id).Append(before?.Id ?? 0).ToList();
            var items = (await db.PublishedRoadmapItems.AsNoTracking().Where(i => ids.Contains(i.PublishedRoadmapId))
                    .Select(i => new { i.PublishedRoadmapId, Entry = new PublishedEntry(i.RoadmapItemId, i.Title, i.Horizon) })
                    .ToListAsync(cancellationToken))
                .ToLookup(i => i.PublishedRoadmapId, i => i.Entry);
            for (var n = 0; n < publishes.Count; n++)
            {
                var p = publishes[n];
                var previous = n + 1 < publishes.Count ? new { publishes[n + 1].Id, publishes[n + 1].PublishedAt } : before;
                var current = items[p.Id].ToList();
                shown.Add(new PublishSinceVisit(p.PublishedAt, p.PublishedBy, p.Note, current.Count, previous?.PublishedAt,
                    RoadmapChanges.Between(previous is null ? null : [.. items[previous.Id]], current)));
            }
        }

        var reviews = (await db.Sprints.AsNoTracking()
                .Where(s => s.State == SprintState.Closed)
                .Select(s => new
                {
                    s.Id, s.Name, s.Goal, s.ClosedAt,
                    Review = db.SprintReviews.Where(r => r.SprintId == s.Id).Select(r => new { r.RecordedAt, r.GoalMet }).FirstOrDefault(),
                })
                .Where(s => s.ClosedAt > since || s.Review!.RecordedAt > since)
                .ToListAsync(cancellationToken))
            .Select(s => s.Review?.RecordedAt > since
                ? new ReviewSinceVisit(s.Id, s.Name, s.Goal, s.Review.RecordedAt!.Value, Recorded: true, s.Review.GoalMet)
                : new ReviewSinceVisit(s.Id, s.Name, s.Goal, s.ClosedAt!.Value, Recorded: false, s.Review?.GoalMet))
            .OrderByDescending(r => r.At).Take(MostShown).ToList();

        return new SinceLastVisit(since, shown, reviews, ProductVisit.NeedsWrite(visit, now));
    }
}
