using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Web.Features.ProductManager.Delivery;

/// <summary>One backlog item of a roadmap item, where it stands, and the sprint it is done in or planned into.</summary>
public sealed record DeliveryStory(
    int Id, string Title, BacklogItemType Type, BacklogItemStatus Status, int? Estimate, DeliveryStage Stage,
    int? SprintId, string? SprintName, SprintState? SprintState, DateOnly? SprintEnd);

/// <summary>A sprint whose increment advanced a roadmap item: its review shows what shipped.</summary>
public sealed record AdvancingIncrement(int SprintId, string SprintName, DateOnly EndDate, int Stories, int Points);

/// <summary>A roadmap item linked from a goal or an insight, with its delivery so far.</summary>
public sealed record DeliveredRoadmapItem(int Id, string Title, RoadmapItemStatus Status, DeliveryProgress Progress)
{
    /// <summary>Its done backlog items (filled where a page shows what shipped).</summary>
    public IReadOnlyList<ShippedStory> Shipped { get; init; } = [];
}

/// <summary>A done backlog item and the sprint whose increment shipped it (null when done outside a sprint).</summary>
public sealed record ShippedStory(int Id, string Title, int? SprintId, string? SprintName);

/// <summary>
/// The queries that follow strategy down into delivery. Each is a single statement whatever the
/// number of linked backlog items, so a roadmap item with 500 stories costs what one with 5 does.
/// </summary>
internal static class DeliveryQueries
{
    // Set by member initialisation, not a constructor: EF Core translates members of such a projection after a GroupBy.
    public sealed class ProgressRow
    {
        public int RoadmapItemId { get; init; }
        public int Stories { get; init; }
        public int DonePoints { get; init; }
        public int InProgressPoints { get; init; }
        public int RemainingPoints { get; init; }
        public int Unestimated { get; init; }
    }

    /// <summary>Per roadmap item with linked backlog items, their points by stage; a sub-query to join, not a statement of its own.</summary>
    public static IQueryable<ProgressRow> Progress(AppDbContext db) =>
        db.BacklogItems
            .Where(b => b.RoadmapItemId != null && b.Status != BacklogItemStatus.Removed)
            .GroupBy(b => b.RoadmapItemId!.Value)
            .Select(g => new ProgressRow
            {
                RoadmapItemId = g.Key,
                Stories = g.Count(),
                DonePoints = g.Sum(b => b.Status == BacklogItemStatus.Done ? b.Estimate ?? 0 : 0),
                InProgressPoints = g.Sum(b => b.Status == BacklogItemStatus.Planned || b.Status == BacklogItemStatus.InProgress ? b.Estimate ?? 0 : 0),
                RemainingPoints = g.Sum(b => b.Status == BacklogItemStatus.New || b.Status == BacklogItemStatus.Ready ? b.Estimate ?? 0 : 0),
                Unestimated = g.Sum(b => b.Estimate == null ? 1 : 0),
            });

    /// <summary>The given roadmap items with their delivery progress, in one statement.</summary>
    public static async Task<List<DeliveredRoadmapItem>> DeliveredAsync(AppDbContext db, IQueryable<RoadmapItem> items, CancellationToken cancellationToken)
    {
        var rows = await (
                from item in items.AsNoTracking()
                join p in Progress(db) on item.Id equals p.RoadmapItemId into progress
                from p in progress.DefaultIfEmpty()
                select new
                {
                    item.Id, item.Title, item.Status, item.Horizon, item.Rank,
                    Stories = (int?)p!.Stories, Done = (int?)p.DonePoints, InProgress = (int?)p.InProgressPoints, Remaining = (int?)p.RemainingPoints,
                    Unestimated = (int?)p.Unestimated,
                })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Horizon).ThenBy(r => r.Rank, StringComparer.Ordinal)
            .Select(r => new DeliveredRoadmapItem(r.Id, r.Title, r.Status, r.Stories is { } stories
                ? new DeliveryProgress(stories, r.Done ?? 0, r.InProgress ?? 0, r.Remaining ?? 0, r.Unestimated ?? 0)
                : DeliveryProgress.None))
            .ToList();
    }

    /// <summary>The done backlog items of the given roadmap items, each with the closed sprint it was done in, in one statement.</summary>
    public static async Task<ILookup<int, ShippedStory>> ShippedAsync(AppDbContext db, IQueryable<int> roadmapItemIds, CancellationToken cancellationToken)
    {
        var rows = await (
                from b in db.BacklogItems.AsNoTracking()
                where b.Status == BacklogItemStatus.Done && b.RoadmapItemId != null && roadmapItemIds.Contains(b.RoadmapItemId.Value)
                join s in db.SprintItems.Where(s => s.Outcome == SprintItemOutcome.Done) on b.Id equals s.BacklogItemId into done
                from s in done.DefaultIfEmpty()
                select new { RoadmapItemId = b.RoadmapItemId!.Value, b.Id, b.Title, b.Rank, SprintId = (int?)s!.SprintId, SprintName = s.Sprint!.Name })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Rank, StringComparer.Ordinal)
            .ToLookup(r => r.RoadmapItemId, r => new ShippedStory(r.Id, r.Title, r.SprintId, r.SprintName));
    }

    /// <summary>
    /// A roadmap item's backlog items in backlog order, each with the sprint it is done in or planned into
    /// (an item is in at most one sprint at a time, and done in one).
    /// </summary>
    public static async Task<List<DeliveryStory>> StoriesAsync(AppDbContext db, int roadmapItemId, CancellationToken cancellationToken)
    {
        var rows = await (
                from b in db.BacklogItems.AsNoTracking()
                where b.RoadmapItemId == roadmapItemId && b.Status != BacklogItemStatus.Removed
                join s in db.SprintItems.Where(s => s.Outcome == SprintItemOutcome.Done || s.Outcome == SprintItemOutcome.InSprint)
                    on b.Id equals s.BacklogItemId into planned
                from s in planned.DefaultIfEmpty()
                select new
                {
                    b.Id, b.Title, b.Type, b.Status, b.Estimate, b.Rank,
                    SprintId = (int?)s!.SprintId, SprintName = s.Sprint!.Name, SprintState = (SprintState?)s.Sprint.State,
                    SprintEnd = (DateOnly?)s.Sprint.EndDate,
                })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.Id).Select(g => g.OrderByDescending(r => r.SprintState == SprintState.Closed).First()) // a Done row over a stale one
            .OrderBy(r => r.Rank, StringComparer.Ordinal)
            .Select(r => new DeliveryStory(r.Id, r.Title, r.Type, r.Status, r.Estimate, DeliveryProgress.StageOf(r.Status),
                r.SprintId, r.SprintName, r.SprintState, r.SprintEnd))
            .ToList();
    }

    /// <summary>The increments that advanced the item: sprints in which one of its stories was done, latest first.</summary>
    public static IReadOnlyList<AdvancingIncrement> Increments(IEnumerable<DeliveryStory> stories) =>
        stories.Where(s => s.Stage == DeliveryStage.Done && s.SprintId is not null && s.SprintState == SprintState.Closed)
            .GroupBy(s => (Id: s.SprintId!.Value, Name: s.SprintName!, End: s.SprintEnd!.Value))
            .Select(g => new AdvancingIncrement(g.Key.Id, g.Key.Name, g.Key.End, g.Count(), g.Sum(s => s.Estimate ?? 0)))
            .OrderByDescending(i => i.EndDate).ThenByDescending(i => i.SprintId)
            .ToList();

    /// <summary>What a forecast needs to know of the sprints: the velocity range and the sprints to come.</summary>
    public sealed record SprintOutlook(VelocityRange? Velocity, SprintCalendar Calendar, int PointsAhead, int UnestimatedAhead);

    /// <summary>
    /// In one statement: the latest sprints that ran (done points of the closed ones for the velocity,
    /// the active one to count from), how many closed, and, for <paramref name="roadmapItemId"/>, the
    /// points of the backlog down to its last remaining item.
    /// </summary>
    public static async Task<SprintOutlook> OutlookAsync(AppDbContext db, DateOnly today, int? roadmapItemId, CancellationToken cancellationToken)
    {
        var remaining = db.BacklogItems.Where(b => b.Status != BacklogItemStatus.Done && b.Status != BacklogItemStatus.Removed);
        var ahead = remaining.Where(b => string.Compare(b.Rank, remaining.Where(x => x.RoadmapItemId == roadmapItemId).Max(x => x.Rank)) <= 0);
        var sprints = await db.Sprints.AsNoTracking()
            .Where(s => s.State != SprintState.Planned)
            .OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id)
            .Take(DeliveryForecast.VelocityWindow + 1)
            .Select(s => new
            {
                s.Name, s.State, s.StartDate, s.EndDate, s.DonePoints,
                Closed = db.Sprints.Count(x => x.State == SprintState.Closed),
                PointsAhead = roadmapItemId == null ? 0 : ahead.Sum(b => b.Estimate ?? 0),
                UnestimatedAhead = roadmapItemId == null ? 0 : ahead.Count(b => b.Estimate == null),
            })
            .ToListAsync(cancellationToken);
        var closed = sprints.Where(s => s.State == SprintState.Closed).ToList();
        var velocity = DeliveryForecast.Velocity([.. closed.Select(s => s.DonePoints ?? 0).Reverse()]);
        var active = sprints.FirstOrDefault(s => s.State == SprintState.Active);
        var latest = sprints.FirstOrDefault();
        var days = latest is null ? SprintCadence.FirstSprintDays : latest.EndDate.DayNumber - latest.StartDate.DayNumber + 1;
        var start = active?.StartDate ?? (latest is null ? today : latest.EndDate.AddDays(1));
        return new SprintOutlook(velocity, new SprintCalendar(latest?.Closed ?? 0, active?.Name, start, days),
            latest?.PointsAhead ?? 0, latest?.UnestimatedAhead ?? 0);
    }

    /// <summary>The product backlog not yet done, in order: each item's roadmap item and estimate (for the work ahead of every roadmap item).</summary>
    public static async Task<List<(int? RoadmapItemId, int? Estimate)>> RemainingBacklogAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.BacklogItems.AsNoTracking()
            .Where(b => b.Status != BacklogItemStatus.Done && b.Status != BacklogItemStatus.Removed)
            .Select(b => new { b.RoadmapItemId, b.Estimate, b.Rank })
            .ToListAsync(cancellationToken))
        .OrderBy(b => b.Rank, StringComparer.Ordinal)
        .Select(b => (b.RoadmapItemId, b.Estimate))
        .ToList();
}
