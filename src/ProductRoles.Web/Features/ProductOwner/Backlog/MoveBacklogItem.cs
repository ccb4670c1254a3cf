using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Data.Ranking;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

public enum BacklogMove
{
    Up,
    Down,
    Top,
    Bottom,
    ToPosition,
}

/// <summary>
/// The product owner moves one backlog item: up, down, to the top, to the bottom or to position N
/// (drag-and-drop sends the same command with the drop position). Usually only the moved item's row
/// is written: it gets a rank key between its new neighbours (after many moves into one gap, a few
/// neighbours' keys are spread out in the same transaction, see <see cref="BacklogOrder.PlaceAsync"/>). The move and its reason go into the
/// item's history.
/// </summary>
[Requires(Permission.OrderBacklog)]
public sealed record MoveBacklogItem(string ProductSlug, int ItemId, BacklogMove Move, int? Position = null, string? Reason = null)
    : ICommand<MoveResult>, IProductRequest;

/// <summary>Where the item was and where it is now (1-based positions).</summary>
public sealed record MoveResult(int From, int To);

public sealed class MoveBacklogItemValidator : AbstractValidator<MoveBacklogItem>
{
    public MoveBacklogItemValidator()
    {
        RuleFor(c => c.Move).IsInEnum().WithMessage("Choose how to move the item.");
        RuleFor(c => c.Position).NotNull().WithMessage("Enter the position to move to.")
            .GreaterThan(0).WithMessage("Positions start at 1.")
            .When(c => c.Move == BacklogMove.ToPosition);
        RuleFor(c => c.Reason).MaximumLength(Activity.ValueMaxLength)
            .WithMessage($"Keep the reason under {Activity.ValueMaxLength} characters.");
    }
}

public sealed class MoveBacklogItemHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<MoveBacklogItem, MoveResult>
{
    public async ValueTask<MoveResult> Handle(MoveBacklogItem command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        // Two moves at once (of the same item, or into the same gap): the loser re-reads and moves again.
        return await RankAttempts.RunAsync(db, () => TryMoveAsync(productId, command, cancellationToken), cancellationToken);
    }

    private async Task<MoveResult> TryMoveAsync(int productId, MoveBacklogItem command, CancellationToken cancellationToken)
    {
        var item = await db.BacklogItems.SingleOrNotFoundAsync(i => i.Id == command.ItemId, cancellationToken);
        var from = await BacklogOrder.PositionOfAsync(db, productId, item.Rank, cancellationToken);
        var others = db.BacklogItems.AsNoTracking().Where(i => i.Id != item.Id);
        var total = await others.CountAsync(cancellationToken) + 1;

        var to = command.Move switch
        {
            BacklogMove.Up => Math.Max(1, from - 1),
            BacklogMove.Down => Math.Min(total, from + 1),
            BacklogMove.Top => 1,
            BacklogMove.Bottom => total,
            _ => command.Position!.Value,
        };
        if (to > total)
        {
            throw RequestValidationException.For(nameof(MoveBacklogItem.Position),
                $"The backlog has {total} items: choose a position from 1 to {total}.");
        }

        if (to == from)
        {
            return new MoveResult(from, to);
        }

        // The gap at the new place, counted in the list without the moved item.
        item.Rank = (await BacklogOrder.PlaceAsync(db, productId, item.Id, item.Rank, to - 1, total - 1, cancellationToken)).Key;
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        db.RecordMove(item, from.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture), reason);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new BacklogItemMoved(productId, item.Id, user.UserId, from, to));
        return new MoveResult(from, to);
    }
}
