using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>
/// The scrum team (product owner, developers, scrum master) edits an item's story, description,
/// criteria, estimate, tags and status. Concurrency-checked against the version the form showed.
/// </summary>
[Requires(Permission.EditBacklogItems)]
public sealed record EditBacklogItem(string ProductSlug, int ItemId, BacklogItemFields Fields, int Version)
    : ICommand<Unit>, IProductRequest;

public sealed class EditBacklogItemValidator : AbstractValidator<EditBacklogItem>
{
    public EditBacklogItemValidator() => RuleFor(c => c.Fields).FieldsValid(new BacklogItemFieldsValidator(allowDone: true));
}

public sealed class EditBacklogItemHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<EditBacklogItem, Unit>
{
    public async ValueTask<Unit> Handle(EditBacklogItem command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var item = await db.BacklogItems.Include(i => i.Tags).Include(i => i.AcceptanceCriteria)
            .SingleOrNotFoundAsync(i => i.Id == command.ItemId, cancellationToken);
        await BacklogRanking.EnsureRoadmapItemAsync(db, productId, command.Fields.RoadmapItemId, nameof(BacklogItemFields.RoadmapItemId), cancellationToken);
        db.ExpectVersion(item, command.Version);
        // Done is reached only through the checklist; a Done item may be reopened, its Done record stays.
        if (command.Fields.Status == BacklogItemStatus.Done && item.Status != BacklogItemStatus.Done)
        {
            throw RequestValidationException.For(nameof(BacklogItemFields.Status), BacklogItemFieldsValidator.DoneMessage);
        }

        var sprintWorkChanged = item.Status != command.Fields.Status || item.Estimate != command.Fields.Estimate;
        var before = BacklogItemSnapshot.Of(item);
        BacklogItemWriter.Apply(item, command.Fields, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesCheckedAsync(cancellationToken);
        if (sprintWorkChanged)
        {
            events.Raise(new BacklogWorkChanged(productId, [item.Id]));
        }

        BacklogItemSnapshot.RaiseChanges(events, productId, user.UserId, before, BacklogItemSnapshot.Of(item));

        return Unit.Value;
    }
}
