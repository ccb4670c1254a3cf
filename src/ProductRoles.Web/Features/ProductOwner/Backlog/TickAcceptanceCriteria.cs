using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>Ticks the acceptance criteria that are met (the rest are unticked). Concurrency-checked on the item.</summary>
[Requires(Permission.EditBacklogItems)]
public sealed record TickAcceptanceCriteria(string ProductSlug, int ItemId, IReadOnlyList<int> MetCriterionIds, int Version)
    : ICommand<Unit>, IProductRequest;

public sealed class TickAcceptanceCriteriaHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<TickAcceptanceCriteria, Unit>
{
    public async ValueTask<Unit> Handle(TickAcceptanceCriteria command, CancellationToken cancellationToken)
    {
        var item = await db.BacklogItems.Include(i => i.AcceptanceCriteria)
            .SingleOrNotFoundAsync(i => i.Id == command.ItemId, cancellationToken);
        db.ExpectVersion(item, command.Version);
        var before = BacklogItemSnapshot.Of(item);
        foreach (var criterion in item.AcceptanceCriteria)
        {
            criterion.IsMet = command.MetCriterionIds.Contains(criterion.Id);
        }

        // The item's version moves with its checklist, so a stale form is caught.
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(item).Property(i => i.UpdatedAt).IsModified = true;
        await db.SaveChangesCheckedAsync(cancellationToken);
        BacklogItemSnapshot.RaiseChanges(events, product.Id, user.UserId, before, BacklogItemSnapshot.Of(item));
        return Unit.Value;
    }
}
