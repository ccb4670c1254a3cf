using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;
using FeedbackEntity = ProductRoles.Web.Domain.Roadmap.RoadmapFeedback;

namespace ProductRoles.Web.Features.ProductManager.RoadmapFeedback;

/// <summary>
/// A stakeholder asks a question or raises a concern about an item of the published roadmap. It lands in the
/// product manager's roadmap feedback as a customer concern, open, and the stakeholder sees the answer on the
/// published roadmap. Only items the latest publish shows can be asked about: the draft stays private.
/// </summary>
[Requires(Permission.AskAboutPublishedRoadmap)]
public sealed record AskAboutPublishedItem(string ProductSlug, int RoadmapItemId, string Text) : ICommand<int>, IProductRequest;

public sealed class AskAboutPublishedItemValidator : AbstractValidator<AskAboutPublishedItem>
{
    public AskAboutPublishedItemValidator() =>
        RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write your question or concern.")
            .MaximumLength(FeedbackEntity.BodyMaxLength).WithMessage($"Keep it to {FeedbackEntity.BodyMaxLength} characters.");
}

public sealed class AskAboutPublishedItemHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<AskAboutPublishedItem, int>
{
    public async ValueTask<int> Handle(AskAboutPublishedItem command, CancellationToken cancellationToken)
    {
        var latest = await db.PublishedRoadmaps.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        await db.PublishedRoadmapItems.EnsureExistsAsync(i => i.PublishedRoadmapId == latest && i.RoadmapItemId == command.RoadmapItemId, cancellationToken);

        var feedback = new FeedbackEntity
        {
            ProductId = product.Id, RoadmapItemId = command.RoadmapItemId, Kind = RoadmapFeedbackKind.CustomerConcern,
            Origin = RoadmapFeedbackOrigin.PublishedRoadmap, Body = command.Text.Trim(), AuthorId = user.UserId, AuthorName = user.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime, Status = RoadmapFeedbackStatus.Open,
        };
        db.RoadmapFeedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new RoadmapFeedbackGiven(product.Id, command.RoadmapItemId, feedback.Id, user.UserId, feedback.Kind));
        return feedback.Id;
    }
}
