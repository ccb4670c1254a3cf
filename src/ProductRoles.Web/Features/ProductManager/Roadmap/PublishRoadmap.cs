using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Roadmap;

/// <summary>
/// The product manager publishes the roadmap: a snapshot of every item that is not dropped —
/// heading, outcome, horizon, quarter, status; never scores or notes. Stakeholders see the latest
/// snapshot, so later draft edits stay unpublished until the next publish.
/// </summary>
[Requires(Permission.EditStrategy)]
public sealed record PublishRoadmap(string ProductSlug, string? Note) : ICommand<int>, IProductRequest;

public sealed class PublishRoadmapValidator : AbstractValidator<PublishRoadmap>
{
    public PublishRoadmapValidator() =>
        RuleFor(c => c.Note).MaximumLength(PublishedRoadmap.NoteMaxLength).WithMessage($"Keep the note to {PublishedRoadmap.NoteMaxLength} characters.");
}

public sealed class PublishRoadmapHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<PublishRoadmap, int>
{
    public async ValueTask<int> Handle(PublishRoadmap command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var items = (await db.RoadmapItems.AsNoTracking().Where(i => i.Status != RoadmapItemStatus.Dropped)
                .ToListAsync(cancellationToken))
            .OrderBy(i => i.Horizon).ThenBy(i => i.Rank, StringComparer.Ordinal).ToList();
        if (items.Count == 0)
        {
            throw RequestValidationException.For("", "There is nothing on the roadmap to publish yet.");
        }

        var snapshot = new PublishedRoadmap
        {
            ProductId = productId, PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedBy = user.Name,
            Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
        };
        snapshot.Items.AddRange(items.Select((i, position) => new PublishedRoadmapItem
        {
            RoadmapItemId = i.Id, Title = i.Title, Outcome = i.Outcome, Horizon = i.Horizon, TargetQuarter = i.TargetQuarter,
            Status = i.Status, Position = position,
        }));
        db.PublishedRoadmaps.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new RoadmapPublished(productId, snapshot.Id, user.UserId, snapshot.Items.Count));
        return snapshot.Id;
    }
}
