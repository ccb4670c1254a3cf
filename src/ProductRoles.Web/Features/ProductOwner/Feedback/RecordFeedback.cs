using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Feedback;

/// <summary>The product owner (or product manager) records feedback from a named source.</summary>
[Requires(Permission.AddCustomerFeedback)]
public sealed record RecordFeedback(
    string ProductSlug, FeedbackSourceKind SourceKind, string SourceName, string? Account, string Text, DateOnly? ReceivedOn, string? Tags)
    : ICommand<int>, IProductRequest;

public sealed class RecordFeedbackValidator : AbstractValidator<RecordFeedback>
{
    public RecordFeedbackValidator(TimeProvider clock)
    {
        RuleFor(c => c.SourceKind).IsInEnum().WithMessage("Choose where the feedback came from.");
        RuleFor(c => c.SourceName).NotEmpty().WithMessage("Name the source: who said it.")
            .MaximumLength(FeedbackItem.SourceNameMaxLength).WithMessage($"Keep the name under {FeedbackItem.SourceNameMaxLength} characters.");
        RuleFor(c => c.Account).MaximumLength(FeedbackItem.AccountMaxLength)
            .WithMessage($"Keep the customer or account under {FeedbackItem.AccountMaxLength} characters.");
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write down what they said.")
            .MaximumLength(FeedbackItem.TextMaxLength).WithMessage($"Keep the feedback under {FeedbackItem.TextMaxLength} characters.");
        RuleFor(c => c.ReceivedOn).NotNull().WithMessage("Enter the date it was received.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1))).WithMessage("The date cannot be in the future.");
        RuleFor(c => c.Tags).ValidTags()
            .Must(t => string.Join(",", BacklogRules.ParseTags(t)).Length <= FeedbackItem.TagsMaxLength).WithMessage("Use fewer tags.");
    }
}

public sealed class RecordFeedbackHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<RecordFeedback, int>
{
    public async ValueTask<int> Handle(RecordFeedback command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new FeedbackItem
        {
            ProductId = product.Id,
            SourceKind = command.SourceKind,
            SourceName = command.SourceName.Trim(),
            Account = string.IsNullOrWhiteSpace(command.Account) ? null : command.Account.Trim(),
            Text = command.Text.Trim(),
            ReceivedOn = command.ReceivedOn!.Value,
            Tags = string.Join(",", BacklogRules.ParseTags(command.Tags)),
            Status = FeedbackStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.FeedbackItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new CustomerFeedbackReceived(product.Id, item.Id, user.UserId, item.SourceKind));
        return item.Id;
    }
}
