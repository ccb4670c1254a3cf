using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Web.Features.Webhooks;

// What deliveries carry, loaded inside the command's transaction (so it is what the change committed),
// through the product's query filter. Only fields the pages show to the roles that may subscribe; no
// secrets, no e-mail addresses.

public sealed record WebhookActor(string? Id, string Name);

public sealed record WebhookBacklogItem(int Id, string Path, BacklogItemType Type, string Title, BacklogItemStatus Status, int? Estimate,
    int? RoadmapItemId, IReadOnlyList<string> Tags);

public sealed record WebhookFeedback(int Id, string Path, FeedbackSourceKind SourceKind, string SourceName, string? Account, string Text,
    DateOnly ReceivedOn, FeedbackStatus Status, string Tags);

public sealed record WebhookSprint(int Id, string Path, string Name, string Goal, DateOnly StartDate, DateOnly EndDate, SprintState State,
    int? CommittedPoints, int? DonePoints);

public static class WebhookData
{
    public static async Task<WebhookActor> ActorAsync(AppDbContext db, string? actorId, CancellationToken cancellationToken) =>
        actorId is null
            ? new WebhookActor(null, "ProductRoles")
            : new WebhookActor(actorId, await db.Set<UserProfile>().Where(u => u.Id == actorId).Select(u => u.DisplayName)
                .FirstOrDefaultAsync(cancellationToken) ?? "a former member");

    public static async Task<WebhookBacklogItem> BacklogItemAsync(AppDbContext db, string slug, int id, CancellationToken cancellationToken) =>
        await db.BacklogItems.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new WebhookBacklogItem(i.Id, $"/p/{slug}/backlog/{i.Id}", i.Type, i.Title, i.Status, i.Estimate, i.RoadmapItemId,
                i.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList()))
            .SingleAsync(cancellationToken);

    public static async Task<WebhookFeedback> FeedbackAsync(AppDbContext db, string slug, int id, CancellationToken cancellationToken) =>
        await db.FeedbackItems.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new WebhookFeedback(f.Id, $"/p/{slug}/feedback/{f.Id}", f.SourceKind, f.SourceName, f.Account, f.Text, f.ReceivedOn,
                f.Status, f.Tags))
            .SingleAsync(cancellationToken);

    public static async Task<WebhookSprint> SprintAsync(AppDbContext db, string slug, int id, CancellationToken cancellationToken) =>
        await db.Sprints.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new WebhookSprint(s.Id, $"/p/{slug}/sprints/{s.Id}", s.Name, s.Goal, s.StartDate, s.EndDate, s.State,
                s.CommittedPoints, s.DonePoints))
            .SingleAsync(cancellationToken);
}
