using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Features.History;

/// <summary>One line of history as pages show it.</summary>
public sealed record HistoryEntry(
    long Id, DateTime OccurredAt, string UserName, string EntityType, string EntityId, string EntityLabel,
    string Action, string? Field, string? OldValue, string? NewValue, string? Note);

/// <summary>Projections shared by the product history page and each entity's page.</summary>
public static class HistoryQueries
{
    public static IQueryable<HistoryEntry> ForProduct(AppDbContext db) =>
        Project(db.Activities.AsNoTracking());

    /// <summary>The product's history older than entry <paramref name="beforeId"/>, newest first (the API's keyset pages).</summary>
    public static IQueryable<HistoryEntry> ForProductBefore(AppDbContext db, long beforeId) =>
        Project(db.Activities.AsNoTracking().Where(a => a.Id < beforeId));

    public static IQueryable<HistoryEntry> ForEntity(AppDbContext db, string entityType, string entityId) =>
        Project(db.Activities.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId));

    public static IQueryable<HistoryEntry> Project(IQueryable<Activity> activities, bool newestFirst = true) =>
        (newestFirst ? activities.OrderByDescending(a => a.Id) : activities.OrderBy(a => a.Id))
            .Select(a => new HistoryEntry(a.Id, a.OccurredAt, a.UserName, a.EntityType, a.EntityId, a.EntityLabel,
                a.Action, a.Field, a.OldValue, a.NewValue, a.Note));
}
