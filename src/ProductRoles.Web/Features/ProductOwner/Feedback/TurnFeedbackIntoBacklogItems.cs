using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Ranking;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Feedback;

/// <summary>
/// In one step the product owner turns a feedback item into one or more backlog items (one per
/// line of "I want …"), linked both ways, and marks the feedback accepted. The new items go to
/// the top or bottom as the product's backlog setting says.
/// </summary>
[Requires(Permission.CreateBacklogItems)]
public sealed record TurnFeedbackIntoBacklogItems(string ProductSlug, int FeedbackId, BacklogItemType Type, string? AsA, string? Wants, string? SoThat)
    : ICommand<IReadOnlyList<int>>, IProductRequest;

public sealed class TurnFeedbackIntoBacklogItemsValidator : AbstractValidator<TurnFeedbackIntoBacklogItems>
{
    public const int MaxItems = 10;

    public TurnFeedbackIntoBacklogItemsValidator()
    {
        RuleFor(c => c.Type).IsInEnum().WithMessage("Choose story, bug or chore.");
        RuleFor(c => c.AsA).NotEmpty().When(c => c.Type == BacklogItemType.Story).WithMessage("A story says who it is for: \"As a …\".")
            .MaximumLength(BacklogItem.StoryPartMaxLength).WithMessage("Keep this under 300 characters.");
        RuleFor(c => c.SoThat).MaximumLength(BacklogItem.StoryPartMaxLength).WithMessage("Keep this under 300 characters.");
        RuleFor(c => c.Wants).Must(w => BacklogRules.ParseLines(w).Count > 0).WithMessage("Write at least one item, one per line.")
            .Must(w => BacklogRules.ParseLines(w).Count <= MaxItems).WithMessage($"Make at most {MaxItems} items in one step.")
            .Must(w => BacklogRules.ParseLines(w).All(l => l.Length <= BacklogItem.TitleMaxLength))
            .WithMessage($"Keep each line under {BacklogItem.TitleMaxLength} characters.");
    }
}

public sealed class TurnFeedbackIntoBacklogItemsHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<TurnFeedbackIntoBacklogItems, IReadOnlyList<int>>
{
    public async ValueTask<IReadOnlyList<int>> Handle(TurnFeedbackIntoBacklogItems command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var lines = BacklogRules.ParseLines(command.Wants);
        var onTop = await db.BacklogSettings.Select(s => s.NewItemsOnTop).FirstOrDefaultAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var feedback = await db.FeedbackItems.SingleOrNotFoundAsync(f => f.Id == command.FeedbackId, cancellationToken);
            var keys = await BacklogOrder.NewItemKeysAsync(db, productId, onTop, lines.Count, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var quote = "> " + feedback.Text.ReplaceLineEndings("\n> ");
            var items = lines.Select((want, n) =>
            {
                var item = BacklogItemWriter.New(productId, new BacklogItemFields(command.Type, want,
                    command.Type == BacklogItemType.Story ? command.AsA : null,
                    command.Type == BacklogItemType.Story ? want : null,
                    command.Type == BacklogItemType.Story ? command.SoThat : null,
                    $"From {feedback.SourceKind.Display().ToLowerInvariant()} feedback by {feedback.SourceName}"
                    + (feedback.Account is null ? "" : $" ({feedback.Account})") + ":\n\n" + quote,
                    null, BacklogItemStatus.New, feedback.Tags, null, null), now, keys[n]);
                item.SourceFeedback.Add(new BacklogItemFeedbackLink { FeedbackItem = feedback });
                return item;
            }).ToList();
            db.BacklogItems.AddRange(items);
            feedback.Status = FeedbackStatus.Accepted;
            feedback.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                var ids = items.ConvertAll(i => i.Id);
                foreach (var item in items)
                {
                    events.Raise(new BacklogItemCreated(productId, item.Id, user.UserId, item.Title, feedback.Id));
                }

                events.Raise(new CustomerFeedbackTurnedIntoStories(productId, feedback.Id, user.UserId, ids));
                return ids;
            }
            catch (DbUpdateException ex) when (BacklogRules.IsUniqueViolation(ex) && attempt < RankAttempts.MaxAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
