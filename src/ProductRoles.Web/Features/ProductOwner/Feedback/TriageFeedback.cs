using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Feedback;

/// <summary>The product owner triages feedback: new, accepted, declined, or a duplicate of another item; and retags it.</summary>
[Requires(Permission.TriageCustomerFeedback)]
public sealed record TriageFeedback(string ProductSlug, int FeedbackId, FeedbackStatus Status, int? DuplicateOfId, string? Tags, int Version)
    : ICommand<Unit>, IProductRequest;

public sealed class TriageFeedbackValidator : AbstractValidator<TriageFeedback>
{
    public TriageFeedbackValidator()
    {
        RuleFor(c => c.Status).IsInEnum().WithMessage("Choose a status.");
        RuleFor(c => c.DuplicateOfId).NotNull().When(c => c.Status == FeedbackStatus.Duplicate)
            .WithMessage("Say which feedback item this duplicates.");
        RuleFor(c => c.DuplicateOfId).Must((c, id) => id != c.FeedbackId).WithMessage("An item cannot duplicate itself.");
        RuleFor(c => c.Tags).ValidTags();
    }
}

public sealed class TriageFeedbackHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<TriageFeedback, Unit>
{
    public async ValueTask<Unit> Handle(TriageFeedback command, CancellationToken cancellationToken)
    {
        var item = await db.FeedbackItems.SingleOrNotFoundAsync(f => f.Id == command.FeedbackId, cancellationToken);
        if (command.Status == FeedbackStatus.Duplicate
            && !await db.FeedbackItems.AnyAsync(f => f.Id == command.DuplicateOfId, cancellationToken))
        {
            throw RequestValidationException.For(nameof(TriageFeedback.DuplicateOfId), "There is no feedback item with that number in this product.");
        }

        db.ExpectVersion(item, command.Version);
        var from = item.Status;
        item.Status = command.Status;
        item.DuplicateOfId = command.Status == FeedbackStatus.Duplicate ? command.DuplicateOfId : null;
        item.Tags = string.Join(",", BacklogRules.ParseTags(command.Tags));
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesCheckedAsync(cancellationToken);
        events.Raise(new CustomerFeedbackTriaged(product.Id, item.Id, user.UserId, from, item.Status));
        return Unit.Value;
    }
}
