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
/// The product manager answers feedback and resolves it: accepted, declined or answered (or reopens it).
/// Declining or answering needs an answer, so the author learns why.
/// </summary>
[Requires(Permission.ResolveRoadmapFeedback)]
public sealed record ResolveRoadmapFeedback(string ProductSlug, int FeedbackId, RoadmapFeedbackStatus Status, string? Answer, int Version)
    : ICommand<int>, IProductRequest;

public sealed class ResolveRoadmapFeedbackValidator : AbstractValidator<ResolveRoadmapFeedback>
{
    public ResolveRoadmapFeedbackValidator()
    {
        RuleFor(c => c.FeedbackId).GreaterThan(0).WithMessage("Choose the feedback to resolve.");
        RuleFor(c => c.Status).IsInEnum().WithMessage("Choose how to resolve the feedback.");
        RuleFor(c => c.Answer).NotEmpty().When(c => c.Status is RoadmapFeedbackStatus.Declined or RoadmapFeedbackStatus.Answered)
            .WithMessage("Write an answer so the author knows why.")
            .MaximumLength(FeedbackEntity.AnswerMaxLength).WithMessage($"Keep the answer to {FeedbackEntity.AnswerMaxLength} characters.");
    }
}

/// <summary>Returns the roadmap item the feedback belongs to.</summary>
public sealed class ResolveRoadmapFeedbackHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<ResolveRoadmapFeedback, int>
{
    public async ValueTask<int> Handle(ResolveRoadmapFeedback command, CancellationToken cancellationToken)
    {
        var feedback = await db.RoadmapFeedback.SingleOrNotFoundAsync(f => f.Id == command.FeedbackId, cancellationToken);
        db.ExpectVersion(feedback, command.Version);
        var from = feedback.Status;
        feedback.Status = command.Status;
        feedback.Answer = string.IsNullOrWhiteSpace(command.Answer) ? null : command.Answer.Trim();
        feedback.AnsweredBy = command.Status == RoadmapFeedbackStatus.Open && feedback.Answer is null ? null : user.Name;
        feedback.AnsweredAt = feedback.AnsweredBy is null ? null : clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesCheckedAsync(cancellationToken);
        events.Raise(new RoadmapFeedbackAnswered(product.Id, feedback.RoadmapItemId, feedback.Id, user.UserId, from, feedback.Status, feedback.Answer));
        return feedback.RoadmapItemId;
    }
}
