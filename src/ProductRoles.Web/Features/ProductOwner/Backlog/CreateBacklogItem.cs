using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Ranking;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>The fields of a backlog item as its forms send them.</summary>
public sealed record BacklogItemFields(
    BacklogItemType Type, string Title, string? AsA, string? IWant, string? SoThat, string? Description, int? Estimate,
    BacklogItemStatus Status, string? Tags, string? AcceptanceCriteria, int? RoadmapItemId);

/// <summary>Where a new backlog item lands: the top, the bottom, or just after another item.</summary>
public enum NewItemPlace
{
    Top,
    Bottom,
    After,
}

/// <summary>
/// The product owner writes a new backlog item. It goes where <paramref name="Place"/> says (the quick
/// add's choice: top, bottom, or after item <paramref name="AfterItemId"/>), or, without a place, to the
/// top or bottom as the product's setting says.
/// </summary>
[Requires(Permission.CreateBacklogItems)]
public sealed record CreateBacklogItem(string ProductSlug, BacklogItemFields Fields, NewItemPlace? Place = null, int? AfterItemId = null)
    : ICommand<int>, IProductRequest;

public sealed class BacklogItemFieldsValidator : AbstractValidator<BacklogItemFields>
{
    public const string DoneMessage = "An item becomes Done only through the Definition of Done checklist: use \"Mark as Done\".";

    public BacklogItemFieldsValidator()
        : this(allowDone: false)
    {
    }

    public BacklogItemFieldsValidator(bool allowDone)
    {
        RuleFor(f => f.Type).IsInEnum().WithMessage("Choose story, bug or chore.");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Give the item a title.")
            .MaximumLength(BacklogItem.TitleMaxLength).WithMessage($"Keep the title under {BacklogItem.TitleMaxLength} characters.");
        RuleFor(f => f.AsA).NotEmpty().When(f => f.Type == BacklogItemType.Story)
            .WithMessage("A story says who it is for: \"As a …\".");
        RuleFor(f => f.IWant).NotEmpty().When(f => f.Type == BacklogItemType.Story)
            .WithMessage("A story says what they want: \"I want …\".");
        RuleFor(f => f.AsA).MaximumLength(BacklogItem.StoryPartMaxLength).WithMessage("Keep this under 300 characters.");
        RuleFor(f => f.IWant).MaximumLength(BacklogItem.StoryPartMaxLength).WithMessage("Keep this under 300 characters.");
        RuleFor(f => f.SoThat).MaximumLength(BacklogItem.StoryPartMaxLength).WithMessage("Keep this under 300 characters.");
        RuleFor(f => f.Description).MaximumLength(BacklogItem.DescriptionMaxLength)
            .WithMessage($"Keep the description under {BacklogItem.DescriptionMaxLength} characters.");
        RuleFor(f => f.Estimate).Must(BacklogItem.IsValidEstimate)
            .WithMessage("Estimate in story points: 0, 1, 2, 3, 5, 8, 13 or 21.");
        RuleFor(f => f.Status).IsInEnum().WithMessage("Choose a status.");
        RuleFor(f => f.Status).NotEqual(BacklogItemStatus.Done).When(_ => !allowDone).WithMessage(DoneMessage);
        RuleFor(f => f.Tags).ValidTags();
        RuleFor(f => f.AcceptanceCriteria).Must(c => BacklogRules.ParseLines(c).All(l => l.Length <= AcceptanceCriterion.TextMaxLength))
            .WithMessage($"Keep each criterion under {AcceptanceCriterion.TextMaxLength} characters.")
            .Must(c => BacklogRules.ParseLines(c).Count <= 30).WithMessage("Use at most 30 acceptance criteria.");
        RuleFor(f => f.RoadmapItemId).GreaterThan(0).WithMessage("Choose a roadmap item.");
    }
}

public sealed class CreateBacklogItemValidator : AbstractValidator<CreateBacklogItem>
{
    public CreateBacklogItemValidator()
    {
        RuleFor(c => c.Fields).FieldsValid(new BacklogItemFieldsValidator());
        RuleFor(c => c.Place).IsInEnum().WithMessage("Choose where the new item goes: top, bottom or after an item.");
        RuleFor(c => c.AfterItemId).NotNull().WithMessage("Choose the item the new one goes after.")
            .When(c => c.Place == NewItemPlace.After);
    }
}

public sealed class CreateBacklogItemHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<CreateBacklogItem, int>
{
    public async ValueTask<int> Handle(CreateBacklogItem command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        await BacklogRanking.EnsureRoadmapItemAsync(db, productId, command.Fields.RoadmapItemId, nameof(BacklogItemFields.RoadmapItemId), cancellationToken);
        var onTop = command.Place switch
        {
            NewItemPlace.Top => true,
            NewItemPlace.Bottom or NewItemPlace.After => false,
            _ => await db.BacklogSettings.Select(s => s.NewItemsOnTop).FirstOrDefaultAsync(cancellationToken),
        };
        for (var attempt = 1; ; attempt++)
        {
            var rank = command.Place == NewItemPlace.After
                ? await KeyAfterAsync(productId, command.AfterItemId!.Value, cancellationToken)
                : await BacklogOrder.NewItemKeyAsync(db, productId, onTop, cancellationToken);
            var item = BacklogItemWriter.New(productId, command.Fields, clock.GetUtcNow().UtcDateTime, rank);
            db.BacklogItems.Add(item);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                events.Raise(new BacklogItemCreated(productId, item.Id, user.UserId, item.Title));
                return item.Id;
            }
            catch (DbUpdateException ex) when (BacklogRules.IsUniqueViolation(ex) && attempt < RankAttempts.MaxAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A key in the gap just below item <paramref name="afterItemId"/>, as a move to that place would get.</summary>
    private async Task<string> KeyAfterAsync(int productId, int afterItemId, CancellationToken cancellationToken)
    {
        var after = await db.BacklogItems.AsNoTracking().Where(i => i.Id == afterItemId).Select(i => i.Rank).FirstOrDefaultAsync(cancellationToken)
            ?? throw RequestValidationException.For(nameof(CreateBacklogItem.AfterItemId), $"There is no item #{afterItemId} in this backlog.");
        var position = await BacklogOrder.PositionOfAsync(db, productId, after, cancellationToken);
        var total = await db.BacklogItems.CountAsync(cancellationToken);
        return (await BacklogOrder.PlaceAsync(db, productId, 0, null, position, total, cancellationToken)).Key;
    }
}

/// <summary>Copies form fields onto an item: trimming, tags and acceptance criteria (keeping ticks of unchanged criteria).</summary>
public static class BacklogItemWriter
{
    public static BacklogItem New(int productId, BacklogItemFields fields, DateTime now, string rank)
    {
        var item = new BacklogItem { ProductId = productId, Title = "", Rank = rank, CreatedAt = now };
        Apply(item, fields, now);
        return item;
    }

    public static void Apply(BacklogItem item, BacklogItemFields fields, DateTime now)
    {
        item.Type = fields.Type;
        item.Title = fields.Title.Trim();
        item.AsA = Clean(fields.AsA);
        item.IWant = Clean(fields.IWant);
        item.SoThat = Clean(fields.SoThat);
        item.Description = Clean(fields.Description);
        item.Estimate = fields.Estimate;
        item.Status = fields.Status;
        item.RoadmapItemId = fields.RoadmapItemId;
        item.UpdatedAt = now;

        var tags = BacklogRules.ParseTags(fields.Tags);
        item.Tags.RemoveAll(t => !tags.Contains(t.Name, StringComparer.Ordinal));
        foreach (var tag in tags.Where(t => item.Tags.All(existing => existing.Name != t)))
        {
            item.Tags.Add(new BacklogItemTag { Name = tag });
        }

        var lines = BacklogRules.ParseLines(fields.AcceptanceCriteria);
        var met = item.AcceptanceCriteria.Where(c => c.IsMet).Select(c => c.Text).ToHashSet(StringComparer.Ordinal);
        item.AcceptanceCriteria.Clear();
        for (var n = 0; n < lines.Count; n++)
        {
            item.AcceptanceCriteria.Add(new AcceptanceCriterion { Position = n + 1, Text = lines[n], IsMet = met.Contains(lines[n]) });
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public static class BacklogItemFieldsValidation
{
    /// <summary>Validates the nested fields and reports them under their own names ("Title"), as the forms name them.</summary>
    public static void FieldsValid<T>(this IRuleBuilder<T, BacklogItemFields> rule, BacklogItemFieldsValidator validator) =>
        rule.Custom((fields, context) =>
        {
            foreach (var failure in validator.Validate(fields).Errors)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(failure.PropertyName, failure.ErrorMessage));
            }
        });
}
