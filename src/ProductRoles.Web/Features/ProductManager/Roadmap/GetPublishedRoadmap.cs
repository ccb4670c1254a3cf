using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

/// <summary>
/// The latest published roadmap, read-only, for everyone in the product including stakeholders: what
/// changed since the previous publish, and a stakeholder's own questions with their answers.
/// </summary>
[Requires(Permission.ViewPublishedRoadmap)]
public sealed record GetPublishedRoadmap(string ProductSlug) : IQuery<PublishedRoadmapView?>, IProductRequest;

public sealed record PublishedRoadmapView(
    DateTime PublishedAt, string PublishedBy, string? Note, IReadOnlyList<PublishedColumn> Columns,
    DateTime? PreviousPublishedAt, IReadOnlyList<RoadmapChange> Changes)
{
    /// <summary>The caller's questions and concerns asked on the published roadmap, with the product manager's answers.</summary>
    public IReadOnlyList<StakeholderQuestion> Questions { get; init; } = [];

    /// <summary>Whether the caller may ask about an item (stakeholders).</summary>
    public bool CanAsk { get; init; }

    /// <summary>Whether the caller may share the published roadmap with a link (the product manager).</summary>
    public bool CanShare { get; init; }
}

public sealed record PublishedColumn(RoadmapHorizon Horizon, IReadOnlyList<PublishedCard> Items);

public sealed record PublishedCard(int RoadmapItemId, string Title, string Outcome, string? TargetQuarter, RoadmapItemStatus Status);

public sealed record StakeholderQuestion(
    int Id, int RoadmapItemId, string Body, DateTime AskedAt, RoadmapFeedbackStatus Status, string? Answer, string? AnsweredBy, DateTime? AnsweredAt);

public sealed class GetPublishedRoadmapHandler(AppDbContext db, ProductContext product, ICurrentUser user)
    : IQueryHandler<GetPublishedRoadmap, PublishedRoadmapView?>
{
    public async ValueTask<PublishedRoadmapView?> Handle(GetPublishedRoadmap query, CancellationToken cancellationToken)
    {
        var roadmap = await PublishedRoadmapQuery.LatestAsync(db, cancellationToken);
        if (roadmap is null)
        {
            return null;
        }

        var canAsk = product.Can(Permission.AskAboutPublishedRoadmap);
        var userId = user.UserId;
        var questions = canAsk
            ? await db.RoadmapFeedback.AsNoTracking()
                .Where(f => f.AuthorId == userId && f.Origin == RoadmapFeedbackOrigin.PublishedRoadmap)
                .OrderBy(f => f.CreatedAt).ThenBy(f => f.Id)
                .Select(f => new StakeholderQuestion(f.Id, f.RoadmapItemId, f.Body, f.CreatedAt, f.Status, f.Answer, f.AnsweredBy, f.AnsweredAt))
                .ToListAsync(cancellationToken)
            : [];
        return roadmap with { Questions = questions, CanAsk = canAsk, CanShare = product.Can(Permission.ShareRoadmap) };
    }
}

/// <summary>The latest publish and what changed since the one before it: two statements, whatever the size.</summary>
public static class PublishedRoadmapQuery
{
    public static async Task<PublishedRoadmapView?> LatestAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var latestTwo = await db.PublishedRoadmaps.AsNoTracking()
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.PublishedAt, p.PublishedBy, p.Note })
            .Take(2).ToListAsync(cancellationToken);
        if (latestTwo.Count == 0)
        {
            return null;
        }

        var latest = latestTwo[0];
        var previous = latestTwo.Count > 1 ? latestTwo[1] : null;
        var ids = latestTwo.Select(p => p.Id).ToList();
        var items = await db.PublishedRoadmapItems.AsNoTracking().Where(i => ids.Contains(i.PublishedRoadmapId))
            .OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var current = items.Where(i => i.PublishedRoadmapId == latest.Id).ToList();
        var columns = Enum.GetValues<RoadmapHorizon>()
            .Select(h => new PublishedColumn(h, current.Where(i => i.Horizon == h)
                .Select(i => new PublishedCard(i.RoadmapItemId, i.Title, i.Outcome, i.TargetQuarter, i.Status)).ToList()))
            .ToList();
        var changes = RoadmapChanges.Between(
            previous is null ? null : [.. items.Where(i => i.PublishedRoadmapId == previous.Id).Select(Entry)],
            [.. current.Select(Entry)]);
        return new PublishedRoadmapView(latest.PublishedAt, latest.PublishedBy, latest.Note, columns, previous?.PublishedAt, changes);
    }

    private static PublishedEntry Entry(PublishedRoadmapItem item) => new(item.RoadmapItemId, item.Title, item.Horizon);
}
