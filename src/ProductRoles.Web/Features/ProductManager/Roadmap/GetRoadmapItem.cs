using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Features.ProductManager.Delivery;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;
using FeedbackEntity = ProductRoles.Web.Domain.Roadmap.RoadmapFeedback;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

/// <summary>One roadmap item with its goals, its evidence, the feedback given on it and what became of it in delivery.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetRoadmapItem(string ProductSlug, int ItemId) : IQuery<RoadmapItemDetail>, IProductRequest;

public sealed record RoadmapItemDetail(
    int Id, string Title, string Outcome, RoadmapHorizon Horizon, string? TargetQuarter, RoadmapItemStatus Status,
    int Reach, decimal Impact, int Confidence, decimal Effort, double Score, string? Notes, int Version,
    IReadOnlyList<LinkedGoal> Goals, IReadOnlyList<LinkedInsight> Insights, IReadOnlyList<FeedbackView> Feedback)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }

    /// <summary>Whether the caller may resolve feedback on it.</summary>
    public bool CanResolve { get; init; }

    /// <summary>Whether the caller may give feedback on it.</summary>
    public bool CanGiveFeedback { get; init; }

    /// <summary>Whether the caller may read its history.</summary>
    public bool CanSeeHistory { get; init; }

    /// <summary>Whether the caller may open its backlog items.</summary>
    public bool CanSeeBacklog { get; init; }

    /// <summary>Whether the caller may open the sprint reviews of the increments.</summary>
    public bool CanSeeReviews { get; init; }

    /// <summary>Its backlog items, points by stage, the increments that advanced it and the forecast.</summary>
    public required RoadmapItemDelivery Delivery { get; init; }
}

public sealed record LinkedGoal(int Id, string Title);

public sealed record LinkedInsight(int Id, InsightKind Kind, string Title);

public sealed record FeedbackView(
    int Id, RoadmapFeedbackKind Kind, string Body, string AuthorName, DateTime CreatedAt, RoadmapFeedbackStatus Status,
    string? Answer, string? AnsweredBy, DateTime? AnsweredAt, int Version, int ItemId, string ItemTitle,
    RoadmapFeedbackOrigin Origin = RoadmapFeedbackOrigin.Team);

public sealed class GetRoadmapItemHandler(AppDbContext db, ProductContext product, TimeProvider clock) : IQueryHandler<GetRoadmapItem, RoadmapItemDetail>
{
    public async ValueTask<RoadmapItemDetail> Handle(GetRoadmapItem query, CancellationToken cancellationToken)
    {
        var item = await db.RoadmapItems.AsNoTracking().SingleOrNotFoundAsync(i => i.Id == query.ItemId, cancellationToken);
        var goals = await db.RoadmapItemGoals.AsNoTracking().Where(l => l.RoadmapItemId == item.Id)
            .OrderBy(l => l.Goal!.Title).Select(l => new LinkedGoal(l.GoalId, l.Goal!.Title)).ToListAsync(cancellationToken);
        var insights = await db.RoadmapItemInsights.AsNoTracking().Where(l => l.RoadmapItemId == item.Id)
            .OrderBy(l => l.Insight!.Title).Select(l => new LinkedInsight(l.InsightId, l.Insight!.Kind, l.Insight.Title)).ToListAsync(cancellationToken);
        var feedback = await FeedbackQueries.Views(db.RoadmapFeedback.Where(f => f.RoadmapItemId == item.Id), cancellationToken);
        var stories = await DeliveryQueries.StoriesAsync(db, item.Id, cancellationToken);
        var outlook = await DeliveryQueries.OutlookAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), item.Id, cancellationToken);
        return new RoadmapItemDetail(item.Id, item.Title, item.Outcome, item.Horizon, item.TargetQuarter, item.Status, item.Reach,
            item.Impact, item.Confidence, item.Effort, item.Score, item.Notes, item.Version, goals, insights, feedback)
        {
            CanEdit = product.Can(Permission.EditStrategy),
            CanResolve = product.Can(Permission.ResolveRoadmapFeedback),
            CanGiveFeedback = product.Can(Permission.GiveRoadmapFeedback),
            CanSeeHistory = product.Can(Permission.ViewHistory),
            CanSeeBacklog = product.Can(Permission.ViewBacklog),
            CanSeeReviews = product.Can(Permission.ViewSprintReview),
            Delivery = RoadmapItemDelivery.From(stories, outlook, item.TargetQuarter, item.Status),
        };
    }
}

internal static class FeedbackQueries
{
    public static async Task<List<FeedbackView>> Views(IQueryable<FeedbackEntity> feedback, CancellationToken cancellationToken) =>
        (await feedback.AsNoTracking()
            .Select(f => new FeedbackView(f.Id, f.Kind, f.Body, f.AuthorName, f.CreatedAt, f.Status, f.Answer, f.AnsweredBy, f.AnsweredAt,
                f.Version, f.RoadmapItemId, f.RoadmapItem!.Title, f.Origin))
            .ToListAsync(cancellationToken))
        .OrderBy(f => f.Status == RoadmapFeedbackStatus.Open ? 0 : 1).ThenByDescending(f => f.CreatedAt).ToList();
}
