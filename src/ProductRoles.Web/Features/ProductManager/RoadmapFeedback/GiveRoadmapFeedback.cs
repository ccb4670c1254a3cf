using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;
using FeedbackEntity = ProductRoles.Web.Domain.Roadmap.RoadmapFeedback;

namespace ProductRoles.Web.Features.ProductManager.RoadmapFeedback;

/// <summary>
/// A team member (usually the product owner) gives constructive feedback about a roadmap item:
/// feasibility, a customer concern, a dependency or a risk. It starts open for the PM to resolve.
/// </summary>
[Requires(Permission.GiveRoadmapFeedback)]
public sealed record GiveRoadmapFeedback(string ProductSlug, int ItemId, RoadmapFeedbackKind Kind, string Body) : ICommand<int>, IProductRequest;

public sealed class GiveRoadmapFeedbackValidator : AbstractValidator<GiveRoadmapFeedback>
{
    public GiveRoadmapFeedbackValidator()
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose what kind of feedback this is.");
        RuleFor(c => c.Body).NotEmpty().WithMessage("Write your feedback.")
            .MaximumLength(FeedbackEntity.BodyMaxLength).WithMessage($"Keep the feedback to {FeedbackEntity.BodyMaxLength} characters.");
    }
}

public sealed class GiveRoadmapFeedbackHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<GiveRoadmapFeedback, int>
{
    public async ValueTask<int> Handle(GiveRoadmapFeedback command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        await db.RoadmapItems.EnsureExistsAsync(i => i.Id == command.ItemId, cancellationToken);

        var feedback = new FeedbackEntity
        {
            ProductId = productId, RoadmapItemId = command.ItemId, Kind = command.Kind, Body = command.Body.Trim(),
            AuthorId = user.UserId, AuthorName = user.Name, CreatedAt = clock.GetUtcNow().UtcDateTime, Status = RoadmapFeedbackStatus.Open,
        };
        db.RoadmapFeedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new RoadmapFeedbackGiven(productId, command.ItemId, feedback.Id, user.UserId, feedback.Kind, feedback.Body));
        return feedback.Id;
    }
}
