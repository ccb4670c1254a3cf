using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Ranking;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

/// <summary>
/// The product manager adds a roadmap item (ItemId 0, placed at the end of its horizon) or edits one:
/// outcome, horizon, quarter, status, RICE inputs, internal notes, linked goals and insights.
/// </summary>
[Requires(Permission.EditStrategy)]
public sealed record SaveRoadmapItem(
    string ProductSlug, int ItemId, string Title, string? Outcome, RoadmapHorizon Horizon, string? TargetQuarter,
    RoadmapItemStatus Status, int? Reach, decimal? Impact, int? Confidence, decimal? Effort, string? Notes,
    IReadOnlyList<int> GoalIds, IReadOnlyList<int> InsightIds, int Version)
    : ICommand<int>, IProductRequest;

public sealed class SaveRoadmapItemValidator : AbstractValidator<SaveRoadmapItem>
{
    public SaveRoadmapItemValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("Name the theme or initiative.")
            .MaximumLength(RoadmapItem.TitleMaxLength).WithMessage($"Keep the title to {RoadmapItem.TitleMaxLength} characters.");
        RuleFor(c => c.Outcome).NotEmpty().WithMessage("Say which outcome this should bring.")
            .MaximumLength(RoadmapItem.OutcomeMaxLength).WithMessage($"Keep the outcome to {RoadmapItem.OutcomeMaxLength} characters.");
        RuleFor(c => c.Horizon).IsInEnum().WithMessage("Choose Now, Next or Later.");
        RuleFor(c => c.Status).IsInEnum().WithMessage("Choose a status.");
        RuleFor(c => c.TargetQuarter).Must(q => string.IsNullOrWhiteSpace(q) || RoadmapItem.IsQuarter(q.Trim().ToUpperInvariant()))
            .WithMessage("Write the quarter as year and quarter, e.g. 2027-Q1.");
        RuleFor(c => c.Reach).NotNull().WithMessage("Enter the reach.")
            .InclusiveBetween(0, RoadmapItem.MaxReach).WithMessage($"Reach is a count from 0 to {RoadmapItem.MaxReach:N0} per quarter.");
        RuleFor(c => c.Impact).NotNull().WithMessage("Choose the impact.")
            .Must(i => i is null || RoadmapItem.ImpactScale.Contains(i.Value)).WithMessage("Impact is 0.25, 0.5, 1, 2 or 3.");
        RuleFor(c => c.Confidence).NotNull().WithMessage("Enter the confidence.")
            .InclusiveBetween(0, 100).WithMessage("Confidence is a percentage from 0 to 100.");
        RuleFor(c => c.Effort).NotNull().WithMessage("Enter the effort.")
            .InclusiveBetween(RoadmapItem.MinEffort, RoadmapItem.MaxEffort)
            .WithMessage($"Effort is in person-months, from {RoadmapItem.MinEffort} to {RoadmapItem.MaxEffort}.");
        RuleFor(c => c.Notes).MaximumLength(RoadmapItem.NotesMaxLength).WithMessage($"Keep the notes to {RoadmapItem.NotesMaxLength} characters.");
        RuleFor(c => c.GoalIds).Must(ids => ids.Count <= 20).WithMessage("Link at most 20 goals.");
        RuleFor(c => c.InsightIds).Must(ids => ids.Count <= 50).WithMessage("Link at most 50 insights.");
    }
}

public sealed class SaveRoadmapItemHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock) : ICommandHandler<SaveRoadmapItem, int>
{
    public async ValueTask<int> Handle(SaveRoadmapItem command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var goalIds = command.GoalIds.Distinct().ToList();
        var insightIds = command.InsightIds.Distinct().ToList();
        if (await db.Goals.CountAsync(g => goalIds.Contains(g.Id), cancellationToken) != goalIds.Count)
        {
            throw RequestValidationException.For(nameof(SaveRoadmapItem.GoalIds), "Choose goals of this product.");
        }

        if (await db.Insights.CountAsync(i => insightIds.Contains(i.Id), cancellationToken) != insightIds.Count)
        {
            throw RequestValidationException.For(nameof(SaveRoadmapItem.InsightIds), "Choose insights of this product.");
        }

        RoadmapItem item;
        if (command.ItemId == 0)
        {
            item = new RoadmapItem { ProductId = productId, Title = "", Rank = "", CreatedAt = now };
            db.RoadmapItems.Add(item);
        }
        else
        {
            item = await db.RoadmapItems.Include(i => i.Goals).Include(i => i.Insights)
                .SingleOrNotFoundAsync(i => i.Id == command.ItemId, cancellationToken);
            db.ExpectVersion(item, command.Version);
        }

        var before = item.Id == 0 ? null : RoadmapItemSnapshot.Of(item);
        var fromPosition = before is null ? 0 : (await RoadmapRanking.Ordered(db, item.Horizon, cancellationToken)).FindIndex(i => i.Id == item.Id) + 1;
        if (item.Id == 0 || item.Horizon != command.Horizon)
        {
            item.Rank = await RoadmapRanking.EndOf(db, command.Horizon, cancellationToken);
        }

        item.Title = command.Title.Trim();
        item.Outcome = command.Outcome!.Trim();
        item.Horizon = command.Horizon;
        item.TargetQuarter = string.IsNullOrWhiteSpace(command.TargetQuarter) ? null : command.TargetQuarter.Trim().ToUpperInvariant();
        item.Status = command.Status;
        item.SetRice(command.Reach!.Value, command.Impact!.Value, command.Confidence!.Value, command.Effort!.Value);
        item.Notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim();
        item.UpdatedAt = now;
        item.Goals.RemoveAll(l => !goalIds.Contains(l.GoalId));
        item.Goals.AddRange(goalIds.Where(id => item.Goals.All(l => l.GoalId != id)).Select(id => new RoadmapItemGoal { GoalId = id }));
        item.Insights.RemoveAll(l => !insightIds.Contains(l.InsightId));
        item.Insights.AddRange(insightIds.Where(id => item.Insights.All(l => l.InsightId != id)).Select(id => new RoadmapItemInsight { InsightId = id }));
        await db.SaveChangesCheckedAsync(cancellationToken);
        await RaiseEventsAsync(before, fromPosition, item, cancellationToken);
        return item.Id;
    }

    private async Task RaiseEventsAsync(RoadmapItemSnapshot? before, int fromPosition, RoadmapItem item, CancellationToken cancellationToken)
    {
        if (before is null)
        {
            events.Raise(new RoadmapItemCreated(product.Id, item.Id, user.UserId, item.Title, item.Horizon));
            return;
        }

        var after = RoadmapItemSnapshot.Of(item);
        var changes = FieldChange.Between(
            ("Title", before.Title, after.Title),
            ("Outcome", before.Outcome, after.Outcome),
            ("Horizon", before.Horizon.Display(), after.Horizon.Display()),
            ("Target quarter", before.TargetQuarter, after.TargetQuarter),
            ("Status", before.Status.Display(), after.Status.Display()),
            ("Score", before.Score, after.Score),
            ("Goals", before.Goals, after.Goals),
            ("Insights", before.Insights, after.Insights));
        if (!string.Equals(before.Notes, after.Notes, StringComparison.Ordinal))
        {
            // Notes can be long: the event says that they changed; the item's history has both texts.
            changes = [.. changes, new FieldChange("Notes", null, null)];
        }

        if (changes.Count > 0)
        {
            events.Raise(new RoadmapItemChanged(product.Id, item.Id, user.UserId, changes));
        }

        if (before.Horizon != after.Horizon)
        {
            // An edit puts the item at the end of its new horizon.
            var toPosition = (await RoadmapRanking.Ordered(db, after.Horizon, cancellationToken)).Count;
            events.Raise(new RoadmapItemMoved(product.Id, item.Id, user.UserId, before.Horizon, fromPosition, after.Horizon, toPosition));
        }

        if (before.Status != after.Status)
        {
            events.Raise(new RoadmapItemStatusChanged(product.Id, item.Id, user.UserId, before.Status, after.Status));
        }
    }
}

internal static class RoadmapRanking
{
    /// <summary>The rank keys of a horizon in order (ordinal, whatever the database's collation).</summary>
    public static async Task<List<(int Id, string Rank)>> Ordered(AppDbContext db, RoadmapHorizon horizon, CancellationToken cancellationToken) =>
        (await db.RoadmapItems.Where(i => i.Horizon == horizon)
            .Select(i => new { i.Id, i.Rank }).ToListAsync(cancellationToken))
        .Select(i => (i.Id, i.Rank)).OrderBy(i => i.Rank, StringComparer.Ordinal).ToList();

    /// <summary>A key after every item in the horizon.</summary>
    public static async Task<string> EndOf(AppDbContext db, RoadmapHorizon horizon, CancellationToken cancellationToken)
    {
        var ordered = await Ordered(db, horizon, cancellationToken);
        return RankKey.Between(ordered.Count == 0 ? null : ordered[^1].Rank, null);
    }

    /// <summary>
    /// Writes a re-spread's new keys to the neighbours around <paramref name="gap"/> in
    /// <paramref name="others"/> (nothing for a plain move), each only while it still holds the key read.
    /// </summary>
    public static async Task RewriteAsync(AppDbContext db, List<(int Id, string Rank)> others, int gap, RankPlacement placement, CancellationToken cancellationToken)
    {
        var rewrites = others.Take(gap).TakeLast(placement.BelowKeys.Count).Zip(placement.BelowKeys)
            .Concat(others.Skip(gap).Take(placement.AboveKeys.Count).Zip(placement.AboveKeys));
        foreach (var ((id, old), key) in rewrites)
        {
            var written = await db.RoadmapItems.Where(i => i.Id == id && i.Rank == old)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Rank, key), cancellationToken);
            RankRewrites.EnsureOne(written);
        }
    }
}

/// <summary>What a reader sees of a roadmap item's fields, to tell the roadmap events what an edit changed.</summary>
internal sealed record RoadmapItemSnapshot(
    string Title, string? Outcome, RoadmapHorizon Horizon, string? TargetQuarter, RoadmapItemStatus Status, string Score, string? Notes,
    string Goals, string Insights)
{
    public static RoadmapItemSnapshot Of(RoadmapItem item) => new(
        item.Title, item.Outcome, item.Horizon, item.TargetQuarter, item.Status,
        FormattableString.Invariant($"reach {item.Reach} · impact {item.Impact} · confidence {item.Confidence} % · effort {item.Effort}"), item.Notes,
        string.Join(", ", item.Goals.Select(g => g.GoalId).Order()), string.Join(", ", item.Insights.Select(i => i.InsightId).Order()));
}
