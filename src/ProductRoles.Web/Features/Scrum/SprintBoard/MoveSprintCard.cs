using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.SprintBoard;

/// <summary>
/// A developer moves a card between To do and In progress. Done is reached only through the
/// Definition of Done checklist (<see cref="ProductOwner.Backlog.MarkBacklogItemDone"/>).
/// </summary>
[Requires(Permission.MoveSprintCards)]
public sealed record MoveSprintCard(string ProductSlug, int SprintId, int BacklogItemId, BoardColumn To, int Version) : ICommand<Unit>, IProductRequest;

public sealed class MoveSprintCardValidator : AbstractValidator<MoveSprintCard>
{
    public MoveSprintCardValidator() =>
        RuleFor(c => c.To).IsInEnum().WithMessage("Choose a column.")
            .NotEqual(BoardColumn.Done).WithMessage("An item reaches Done through the Definition of Done checklist.");
}

public sealed class MoveSprintCardHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<MoveSprintCard, Unit>
{
    public async ValueTask<Unit> Handle(MoveSprintCard command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var planned = await BoardGuard.ActiveItemAsync(db, command.SprintId, command.BacklogItemId, cancellationToken);
        db.ExpectVersion(planned.BacklogItem!, command.Version);
        var from = planned.BacklogItem!.Status;
        planned.MoveCard(command.To == BoardColumn.InProgress ? BacklogItemStatus.InProgress : BacklogItemStatus.Planned,
            clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesCheckedAsync(cancellationToken);
        events.Raise(new BacklogWorkChanged(productId, [planned.BacklogItemId]));
        if (from != planned.BacklogItem.Status)
        {
            events.Raise(new SprintCardMoved(productId, command.SprintId, planned.BacklogItemId, user.UserId, from, planned.BacklogItem.Status));
        }

        return Unit.Value;
    }
}
