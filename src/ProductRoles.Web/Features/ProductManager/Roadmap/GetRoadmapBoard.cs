using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

using ProductRoles.Web.Features.ProductManager.Delivery;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

public enum RoadmapSort
{
    Rank,
    Score,
}

/// <summary>The Now/Next/Later board: each horizon's items in rank order (or by RICE score), with open feedback counts.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetRoadmapBoard(string ProductSlug, RoadmapSort Sort = RoadmapSort.Rank) : IQuery<RoadmapBoard>, IProductRequest;

public sealed record RoadmapBoard(
    IReadOnlyList<RoadmapColumn> Columns, int OpenFeedback, DateTime? PublishedAt, string? PublishedBy, bool HasUnpublishedChanges)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }
}

public sealed record RoadmapColumn(RoadmapHorizon Horizon, IReadOnlyList<RoadmapCard> Items);

public sealed record RoadmapCard(
    int Id, string Title, string Outcome, RoadmapHorizon Horizon, string? TargetQuarter, RoadmapItemStatus Status, double Score,
    int Version, int OpenFeedback)
{
    /// <summary>How far its linked backlog items have got.</summary>
    public DeliveryProgress Progress { get; init; } = DeliveryProgress.None;
}

public sealed class GetRoadmapBoardHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetRoadmapBoard, RoadmapBoard>
{
    public async ValueTask<RoadmapBoard> Handle(GetRoadmapBoard query, CancellationToken cancellationToken)
    {
        var items = await RoadmapQueries.Cards(db, cancellationToken);
        var columns = Enum.GetValues<RoadmapHorizon>().Select(h =>
        {
            var inHorizon = items.Where(i => i.Card.Horizon == h);
            var ordered = query.Sort == RoadmapSort.Score
                ? inHorizon.OrderByDescending(i => i.Card.Score).ThenBy(i => i.Rank, StringComparer.Ordinal)
                : inHorizon.OrderBy(i => i.Rank, StringComparer.Ordinal);
            return new RoadmapColumn(h, ordered.Select(i => i.Card).ToList());
        }).ToList();
        var published = await db.PublishedRoadmaps.AsNoTracking()
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Select(p => new { p.PublishedAt, p.PublishedBy }).FirstOrDefaultAsync(cancellationToken);
        var lastEdit = items.Count == 0 ? (DateTime?)null : items.Max(i => i.UpdatedAt);
        return new RoadmapBoard(columns, items.Sum(i => i.Card.OpenFeedback), published?.PublishedAt, published?.PublishedBy,
            published is null ? items.Count > 0 : lastEdit > published.PublishedAt)
        {
            CanEdit = product.Can(Permission.EditStrategy),
        };
    }
}

internal static class RoadmapQueries
{
    public sealed record RankedCard(RoadmapCard Card, string Rank, DateTime UpdatedAt);

    public static async Task<List<RankedCard>> Cards(AppDbContext db, CancellationToken cancellationToken) =>
        (await (
                from i in db.RoadmapItems.AsNoTracking()
                join p in DeliveryQueries.Progress(db) on i.Id equals p.RoadmapItemId into progress
                from p in progress.DefaultIfEmpty()
                select new
                {
                    i.Id, i.Title, i.Outcome, i.Horizon, i.TargetQuarter, i.Status, i.Score, i.Version, i.Rank, i.UpdatedAt,
                    OpenFeedback = db.RoadmapFeedback.Count(f => f.RoadmapItemId == i.Id && f.Status == RoadmapFeedbackStatus.Open),
                    Stories = (int?)p!.Stories, Done = (int?)p.DonePoints, InProgress = (int?)p.InProgressPoints, Remaining = (int?)p.RemainingPoints,
                    Unestimated = (int?)p.Unestimated,
                })
            .ToListAsync(cancellationToken))
        .Select(i => new RankedCard(
            new RoadmapCard(i.Id, i.Title, i.Outcome, i.Horizon, i.TargetQuarter, i.Status, i.Score, i.Version, i.OpenFeedback)
            {
                Progress = i.Stories is { } stories
                    ? new DeliveryProgress(stories, i.Done ?? 0, i.InProgress ?? 0, i.Remaining ?? 0, i.Unestimated ?? 0)
                    : DeliveryProgress.None,
            },
            i.Rank, i.UpdatedAt))
        .ToList();
}
