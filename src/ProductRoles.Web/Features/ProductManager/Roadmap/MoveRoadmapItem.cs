using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

/// <summary>
/// The product manager moves an item on the board: into <paramref name="Horizon"/>, just before the
/// item <paramref name="BeforeItemId"/> (or to the end when null). Drag and drop and the move
/// up / down / to top buttons all send this. Only the moved item's row is written: it gets a rank
/// key between its new neighbours.
/// </summary>
[Requires(Permission.EditStrategy)]
public sealed record MoveRoadmapItem(string ProductSlug, int ItemId, RoadmapHorizon Horizon, int? BeforeItemId, int Version)
    : ICommand<Unit>, IProductRequest;

public sealed class MoveRoadmapItemValidator : AbstractValidator<MoveRoadmapItem>
{
    public MoveRoadmapItemValidator()
    {
        RuleFor(c => c.ItemId).GreaterThan(0).WithMessage("Choose an item to move.");
        RuleFor(c => c.Horizon).IsInEnum().WithMessage("Choose Now, Next or Later.");
        RuleFor(c => c.BeforeItemId).NotEqual(c => c.ItemId).WithMessage("An item cannot move before itself.");
    }
}

public sealed class MoveRoadmapItemHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock) : ICommandHandler<MoveRoadmapItem, Unit>
{
    public async ValueTask<Unit> Handle(MoveRoadmapItem command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var item = await db.RoadmapItems.SingleOrDefaultAsync(i => i.Id == command.ItemId && i.ProductId == productId, cancellationToken)
            ?? throw new NotFoundException();
        db.ExpectVersion(item, command.Version);

        var others = (await RoadmapRanking.Ordered(db, productId, command.Horizon, cancellationToken)).Where(i => i.Id != item.Id).ToList();
        string rank;
        if (command.BeforeItemId is { } beforeId)
        {
            var index = others.FindIndex(i => i.Id == beforeId);
            if (index < 0)
            {
                throw RequestValidationException.For(nameof(MoveRoadmapItem.BeforeItemId), "That item is not in this horizon any more; reload the board.");
            }

            rank = RankKey.Between(index == 0 ? null : others[index - 1].Rank, others[index].Rank);
        }
        else
        {
            rank = RankKey.Between(others.Count == 0 ? null : others[^1].Rank, null);
        }

        item.Horizon = command.Horizon;
        item.Rank = rank;
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }
}
