using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;
using SprintReviewEntity = ProductRoles.Web.Domain.Sprints.SprintReview;

namespace ProductRoles.Web.Features.Scrum.SprintReview;

/// <summary>The product owner records whether the sprint goal was met, and the review notes.</summary>
[Requires(Permission.EditSprintReview)]
public sealed record RecordSprintReview(string ProductSlug, int SprintId, bool? GoalMet, string? Notes, int Version) : ICommand<Unit>, IProductRequest;

public sealed class RecordSprintReviewValidator : AbstractValidator<RecordSprintReview>
{
    public RecordSprintReviewValidator()
    {
        RuleFor(c => c.GoalMet).NotNull().WithMessage("Say whether the sprint goal was met.");
        RuleFor(c => c.Notes).MaximumLength(SprintReviewEntity.NotesMaxLength).WithMessage($"Keep the notes within {SprintReviewEntity.NotesMaxLength} characters.");
    }
}

public sealed class RecordSprintReviewHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<RecordSprintReview, Unit>
{
    public async ValueTask<Unit> Handle(RecordSprintReview command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var review = await ReviewGuard.ReviewAsync(db, productId, command.SprintId, cancellationToken);
        db.ExpectVersion(review, command.Version);
        var notesBefore = review.Notes;
        review.GoalMet = command.GoalMet;
        review.Notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim();
        review.RecordedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesCheckedAsync(cancellationToken);
        events.Raise(new SprintReviewRecorded(productId, command.SprintId, user.UserId, review.GoalMet, review.Notes, notesBefore));
        return Unit.Value;
    }
}

/// <summary>
/// A member (typically a stakeholder) leaves feedback on a sprint review. It lands in the product
/// owner's customer feedback inbox as a new item, linked to the review.
/// </summary>
[Requires(Permission.GiveSprintReviewFeedback)]
public sealed record GiveSprintReviewFeedback(string ProductSlug, int SprintId, string Text) : ICommand<int>, IProductRequest;

public sealed class GiveSprintReviewFeedbackValidator : AbstractValidator<GiveSprintReviewFeedback>
{
    public GiveSprintReviewFeedbackValidator() =>
        RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write your feedback.")
            .MaximumLength(FeedbackItem.TextMaxLength).WithMessage($"Keep it within {FeedbackItem.TextMaxLength} characters.");
}

public sealed class GiveSprintReviewFeedbackHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<GiveSprintReviewFeedback, int>
{
    public async ValueTask<int> Handle(GiveSprintReviewFeedback command, CancellationToken cancellationToken)
    {
        var review = await ReviewGuard.ReviewAsync(db, product.Id, command.SprintId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var source = $"{user.Name} · {review.Sprint!.Name} review";
        var item = new FeedbackItem
        {
            ProductId = product.Id,
            SourceKind = FeedbackSourceKind.Stakeholder,
            SourceName = source.Length <= FeedbackItem.SourceNameMaxLength ? source : source[..FeedbackItem.SourceNameMaxLength],
            Text = command.Text.Trim(),
            ReceivedOn = DateOnly.FromDateTime(now),
            Tags = "sprint-review",
            Status = FeedbackStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
        };
        review.Feedback.Add(new SprintReviewFeedback { FeedbackItem = item });
        db.FeedbackItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new SprintReviewFeedbackGiven(product.Id, command.SprintId, item.Id, user.UserId));
        events.Raise(new CustomerFeedbackReceived(product.Id, item.Id, user.UserId, item.SourceKind));
        return item.Id;
    }
}

public static class ReviewGuard
{
    /// <summary>The review of a closed sprint of the product; opened on first use for sprints closed before reviews existed.</summary>
    public static async Task<SprintReviewEntity> ReviewAsync(AppDbContext db, int productId, int sprintId, CancellationToken cancellationToken)
    {
        var sprint = await db.Sprints.SingleOrNotFoundAsync(s => s.Id == sprintId && s.State == SprintState.Closed, cancellationToken);
        var review = await db.SprintReviews.SingleOrDefaultAsync(r => r.SprintId == sprint.Id, cancellationToken);
        if (review is null)
        {
            review = new SprintReviewEntity { ProductId = productId, SprintId = sprint.Id };
            db.SprintReviews.Add(review);
        }

        review.Sprint = sprint;
        return review;
    }
}
