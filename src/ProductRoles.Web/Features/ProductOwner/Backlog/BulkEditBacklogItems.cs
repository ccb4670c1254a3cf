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
/// Changes the selected items at once: add a tag, set a status, set or clear the roadmap item.
/// Each item's change is written to its history.
/// </summary>
[Requires(Permission.EditBacklogItems)]
public sealed record BulkEditBacklogItems(
    string ProductSlug, IReadOnlyList<int> ItemIds, string? AddTag, BacklogItemStatus? Status, int? RoadmapItemId, bool ClearRoadmapItem)
    : ICommand<int>, IProductRequest;

public sealed class BulkEditBacklogItemsValidator : AbstractValidator<BulkEditBacklogItems>
{
    public const int MaxItems = 200;

    public BulkEditBacklogItemsValidator()
    {
        RuleFor(c => c.ItemIds).NotEmpty().WithMessage("Select the items to change.")
            .Must(ids => ids.Count <= MaxItems).WithMessage($"Change at most {MaxItems} items at once.");
        RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.AddTag) || c.Status is not null || c.RoadmapItemId is not null || c.ClearRoadmapItem)
            .WithName("Change").OverridePropertyName("Change").WithMessage("Choose what to change: a tag, a status or a roadmap item.");
        RuleFor(c => c.AddTag).ValidTags().Must(t => BacklogRules.ParseTags(t).Count <= 1).WithMessage("Add one tag at a time.");
        RuleFor(c => c.Status).IsInEnum().WithMessage("Choose a status.")
            .NotEqual(BacklogItemStatus.Done).WithMessage("Items become Done one at a time, through the Definition of Done checklist.");
        RuleFor(c => c.RoadmapItemId).GreaterThan(0).WithMessage("Choose a roadmap item.");
    }
}

public sealed class BulkEditBacklogItemsHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<BulkEditBacklogItems, int>
{
    public async ValueTask<int> Handle(BulkEditBacklogItems command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var ids = command.ItemIds.Distinct().ToList();
        var items = await db.BacklogItems.Include(i => i.Tags).Where(i => ids.Contains(i.Id))
            .ToListAsync(cancellationToken);
        if (items.Count != ids.Count)
        {
            throw new NotFoundException();
        }

        await BacklogRanking.EnsureRoadmapItemAsync(db, productId, command.ClearRoadmapItem ? null : command.RoadmapItemId,
            nameof(BulkEditBacklogItems.RoadmapItemId), cancellationToken);
        var tag = BacklogRules.ParseTags(command.AddTag).FirstOrDefault();
        var now = clock.GetUtcNow().UtcDateTime;
        var statusChanged = new List<int>();
        var before = items.ConvertAll(BacklogItemSnapshot.Of);
        foreach (var item in items)
        {
            if (tag is not null && item.Tags.All(t => t.Name != tag))
            {
                item.Tags.Add(new BacklogItemTag { Name = tag });
                item.UpdatedAt = now;
            }

            if (command.Status is { } status && item.Status != BacklogItemStatus.Done && item.Status != status)
            {
                item.Status = status;
                statusChanged.Add(item.Id);
            }

            if (command.ClearRoadmapItem)
            {
                item.RoadmapItemId = null;
            }
            else if (command.RoadmapItemId is { } roadmapItemId)
            {
                item.RoadmapItemId = roadmapItemId;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (statusChanged.Count > 0)
        {
            events.Raise(new BacklogWorkChanged(productId, statusChanged));
        }

        for (var n = 0; n < items.Count; n++)
        {
            BacklogItemSnapshot.RaiseChanges(events, productId, user.UserId, before[n], BacklogItemSnapshot.Of(items[n]));
        }

        return items.Count;
    }
}
