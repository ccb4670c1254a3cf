using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>One criterion of the Definition of Done as the checklist sends it: ticked, or waived with a reason.</summary>
public sealed record DoneCriterionInput(int CriterionId, bool Checked, bool Waived, string? WaiverReason);

/// <summary>
/// THE way a backlog item becomes Done: every criterion of the product's current Definition of Done
/// is ticked or waived with a reason, else a message stands beside that criterion and nothing
/// changes. The item records which DoD version it met and how, and an active sprint it is in burns down
/// today. Used by the item page and the sprint board.
/// </summary>
/// <param name="FromSprintId">Set when ticked on a sprint board: the card must be on it while that sprint is active.</param>
[Requires(Permission.EditBacklogItems)]
public sealed record MarkBacklogItemDone(
    string ProductSlug, int ItemId, int DefinitionOfDoneVersionId, IReadOnlyList<DoneCriterionInput> Criteria, int Version,
    int? FromSprintId = null)
    : ICommand<Unit>, IProductRequest;

public sealed class MarkBacklogItemDoneValidator : AbstractValidator<MarkBacklogItemDone>
{
    public MarkBacklogItemDoneValidator() =>
        RuleForEach(c => c.Criteria).ChildRules(criterion =>
        {
            criterion.RuleFor(c => c).Must(c => c.Checked || c.Waived).OverridePropertyName("Checked")
                .WithMessage("Tick this criterion, or waive it with a reason.");
            criterion.RuleFor(c => c.WaiverReason).NotEmpty().When(c => c.Waived && !c.Checked)
                .WithMessage("Say why this criterion is waived.");
            criterion.RuleFor(c => c.WaiverReason).MaximumLength(DoneCriterionCheck.ReasonMaxLength)
                .WithMessage($"Keep the reason under {DoneCriterionCheck.ReasonMaxLength} characters.");
        });
}

public sealed class MarkBacklogItemDoneHandler(
    AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<MarkBacklogItemDone, Unit>
{
    public async ValueTask<Unit> Handle(MarkBacklogItemDone command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var item = await db.BacklogItems.SingleOrNotFoundAsync(i => i.Id == command.ItemId, cancellationToken);
        if (command.FromSprintId is { } sprintId)
        {
            // Ticked on a sprint board: the card must be on that board, and the board's sprint running.
            var card = await db.SprintItems.Include(i => i.Sprint)
                .SingleOrNotFoundAsync(i => i.SprintId == sprintId && i.BacklogItemId == item.Id
                    && (i.Outcome == SprintItemOutcome.InSprint || i.Outcome == SprintItemOutcome.Done), cancellationToken);
            card.EnsureCardCanMove();
        }

        var dod = await db.DefinitionOfDoneVersions.AsNoTracking().Include(v => v.Criteria)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw RequestValidationException.For("", "This product has no Definition of Done yet: the product owner writes it first.");
        db.ExpectVersion(item, command.Version);
        var answers = command.Criteria.Select(c => new DoneAnswer(c.CriterionId, c.Checked, c.Waived, c.WaiverReason)).ToList();
        var record = item.MarkDone(dod, command.DefinitionOfDoneVersionId, answers, user.Name, clock.GetUtcNow().UtcDateTime);
        db.BacklogItemDoneChecks.Add(record);
        var waived = record.Criteria.Count(c => c.Waived);
        db.ActivityNote = $"Met Definition of Done version {dod.Number}" + (waived > 0 ? $" with {waived} waived" : "");
        await db.SaveChangesCheckedAsync(cancellationToken);
        events.Raise(new BacklogWorkChanged(productId, [item.Id]));
        events.Raise(new BacklogItemMarkedDone(productId, item.Id, user.UserId, dod.Number, command.FromSprintId));
        return Unit.Value;
    }
}

/// <summary>The current Definition of Done as a checklist for one item (the Mark as Done form).</summary>
[Requires(Permission.EditBacklogItems)]
public sealed record GetDoneChecklist(string ProductSlug, int ItemId) : IQuery<DoneChecklist>, IProductRequest;

/// <param name="DefinitionOfDoneVersionId">Null when the product has no Definition of Done yet.</param>
public sealed record DoneChecklist(
    int ItemId, string ItemTitle, BacklogItemStatus Status, int ItemVersion, int? DefinitionOfDoneVersionId, int DefinitionOfDoneNumber,
    IReadOnlyList<DoneChecklistCriterion> Criteria)
{
    /// <summary>The item's sprint tasks that are not done yet: the checklist warns before Done.</summary>
    public int OpenTasks { get; init; }

    /// <summary>The hours those tasks still have.</summary>
    public int HoursLeft { get; init; }
}

public sealed record DoneChecklistCriterion(int Id, string Text);

public sealed class GetDoneChecklistHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetDoneChecklist, DoneChecklist>
{
    public async ValueTask<DoneChecklist> Handle(GetDoneChecklist query, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var item = await db.BacklogItems.AsNoTracking().Where(i => i.Id == query.ItemId)
            .Select(i => new { i.Id, i.Title, i.Status, i.Version }).SingleOrNotFoundAsync(cancellationToken);
        var dod = await db.DefinitionOfDoneVersions.AsNoTracking().OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, Criteria = v.Criteria.OrderBy(c => c.Position).Select(c => new DoneChecklistCriterion(c.Id, c.Text)).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        // Tasks of the item that are not done, in a sprint that still runs it (one statement).
        var open = await db.SprintTasks.AsNoTracking()
            .Where(t => t.SprintItem!.BacklogItemId == item.Id && t.SprintItem.Outcome == SprintItemOutcome.InSprint && t.State != SprintTaskState.Done)
            .GroupBy(t => 1).Select(g => new { Count = g.Count(), Hours = g.Sum(t => t.RemainingHours) }).FirstOrDefaultAsync(cancellationToken);
        return new DoneChecklist(item.Id, item.Title, item.Status, item.Version, dod?.Id, dod?.Number ?? 0, dod?.Criteria ?? [])
        {
            OpenTasks = open?.Count ?? 0,
            HoursLeft = open?.Hours ?? 0,
        };
    }
}
