using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Ranking;
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
/// (drag-and-drop sends the same command with the drop position). Only the moved item's row is
/// written: it gets a rank key between its new neighbours. The move and its reason go into the
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

public sealed class MoveBacklogItemHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock)
    : ICommandHandler<MoveBacklogItem, MoveResult>
{
    public async ValueTask<MoveResult> Handle(MoveBacklogItem command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryMoveAsync(productId, command, cancellationToken);
            }
            catch (DbUpdateException ex) when (BacklogRules.IsUniqueViolation(ex) && attempt < BacklogRanking.MaxAttempts)
            {
                // Someone else took the same key between the same neighbours: read the neighbours again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<MoveResult> TryMoveAsync(int productId, MoveBacklogItem command, CancellationToken cancellationToken)
    {
        var item = await db.BacklogItems.SingleOrDefaultAsync(i => i.Id == command.ItemId && i.ProductId == productId, cancellationToken)
            ?? throw new NotFoundException();
        var from = await BacklogRanking.PositionOfAsync(db, productId, item.Rank, cancellationToken);
        var others = db.BacklogItems.AsNoTracking().Where(i => i.ProductId == productId && i.Id != item.Id);
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

        // Neighbours at the new place, counted in the list without the moved item.
        var neighbours = await others.OrderBy(i => i.Rank).Skip(Math.Max(0, to - 2)).Take(to == 1 ? 1 : 2)
            .Select(i => i.Rank).ToListAsync(cancellationToken);
        var before = to == 1 ? null : neighbours.ElementAtOrDefault(0);
        var after = to == 1 ? neighbours.ElementAtOrDefault(0) : neighbours.ElementAtOrDefault(1);
        item.Rank = RankKey.Between(before, after);
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        db.RecordMove(item, from.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture), reason);
        await db.SaveChangesAsync(cancellationToken);
        return new MoveResult(from, to);
    }
}
