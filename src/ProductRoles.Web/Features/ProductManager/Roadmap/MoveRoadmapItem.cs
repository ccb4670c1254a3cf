using System.Globalization;
using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Ranking;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

/// <summary>
/// The product manager moves an item on the board: into <paramref name="Horizon"/>, just before the
/// item <paramref name="BeforeItemId"/> (or to the end when null). Drag and drop and the move
/// up / down / to top buttons all send this. Usually only the moved item's row is written: it gets a
/// rank key between its new neighbours (after many moves into one gap, a few neighbours' keys are
/// spread out in the same transaction). The item's history says where it went, e.g. "2 in Next → 1 in Now".
/// </summary>
[Requires(Permission.EditStrategy)]
public sealed record MoveRoadmapItem(string ProductSlug, int ItemId, RoadmapHorizon Horizon, int? BeforeItemId, int Version)
    : ICommand<RoadmapPlace>, IProductRequest;

/// <summary>Where the item is after the move: its horizon, its 1-based position there, and how many items the horizon holds.</summary>
public sealed record RoadmapPlace(RoadmapHorizon Horizon, int Position, int Count);

public sealed class MoveRoadmapItemValidator : AbstractValidator<MoveRoadmapItem>
{
    public MoveRoadmapItemValidator()
    {
        RuleFor(c => c.ItemId).GreaterThan(0).WithMessage("Choose an item to move.");
        RuleFor(c => c.Horizon).IsInEnum().WithMessage("Choose Now, Next or Later.");
        RuleFor(c => c.BeforeItemId).NotEqual(c => c.ItemId).WithMessage("An item cannot move before itself.");
    }
}

public sealed class MoveRoadmapItemHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock) : ICommandHandler<MoveRoadmapItem, RoadmapPlace>
{
    public async ValueTask<RoadmapPlace> Handle(MoveRoadmapItem command, CancellationToken cancellationToken)
    {
        // A neighbour re-spread by someone else's move meanwhile: read the board again and redo.
        return await RankAttempts.RunAsync(db, () => TryMoveAsync(command, cancellationToken), cancellationToken);
    }

    private async Task<RoadmapPlace> TryMoveAsync(MoveRoadmapItem command, CancellationToken cancellationToken)
    {
        var item = await db.RoadmapItems.SingleOrNotFoundAsync(i => i.Id == command.ItemId, cancellationToken);
        db.ExpectVersion(item, command.Version);

        var target = await RoadmapRanking.Ordered(db, command.Horizon, cancellationToken);
        var source = item.Horizon == command.Horizon ? target : await RoadmapRanking.Ordered(db, item.Horizon, cancellationToken);
        var from = source.FindIndex(i => i.Id == item.Id) + 1;
        var others = target.Where(i => i.Id != item.Id).ToList();
        int gap;
        if (command.BeforeItemId is { } beforeId)
        {
            gap = others.FindIndex(i => i.Id == beforeId);
            if (gap < 0)
            {
                throw RequestValidationException.For(nameof(MoveRoadmapItem.BeforeItemId), "That item is not in this horizon any more; reload the board.");
            }
        }
        else
        {
            gap = others.Count;
        }

        var to = gap + 1;
        if (item.Horizon == command.Horizon && to == from)
        {
            // Dropped where it was: nothing moved, so nothing to write or to record.
            return new RoadmapPlace(command.Horizon, to, others.Count + 1);
        }

        // Positions are 1-based within a horizon, as the board shows them: "2 in Next → 1 in Now".
        var placement = RankNeighbourhood.Place(others.ConvertAll(i => i.Rank), gap, item.Rank);
        await RoadmapRanking.RewriteAsync(db, others, gap, placement, cancellationToken);
        db.RecordMove(item, Place(from, item.Horizon), Place(to, command.Horizon));
        var fromHorizon = item.Horizon;
        item.Horizon = command.Horizon;
        item.Rank = placement.Key;
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesCheckedAsync(cancellationToken);
        events.Raise(new RoadmapItemMoved(product.Id, item.Id, user.UserId, fromHorizon, from, command.Horizon, to));
        return new RoadmapPlace(command.Horizon, to, others.Count + 1);
    }

    private static string Place(int position, RoadmapHorizon horizon) =>
        string.Create(CultureInfo.InvariantCulture, $"{position} in {horizon}");
}
