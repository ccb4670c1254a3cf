using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.Scrum.Sprints;
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
[Requires(Permission.EditBacklogItems)]
public sealed record MarkBacklogItemDone(
    string ProductSlug, int ItemId, int DefinitionOfDoneVersionId, IReadOnlyList<DoneCriterionInput> Criteria, int Version)
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

public sealed class MarkBacklogItemDoneHandler(AppDbContext db, ProductAccessResolver access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<MarkBacklogItemDone, Unit>
{
    public async ValueTask<Unit> Handle(MarkBacklogItemDone command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var item = await db.BacklogItems.SingleOrDefaultAsync(i => i.Id == command.ItemId && i.ProductId == productId, cancellationToken)
            ?? throw new NotFoundException();
        if (item.Status == BacklogItemStatus.Done)
        {
            throw RequestValidationException.For("", "This item is already Done.");
        }

        var dod = await db.DefinitionOfDoneVersions.AsNoTracking().Where(v => v.ProductId == productId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, Criteria = v.Criteria.OrderBy(c => c.Position).Select(c => new { c.Id, c.Position, c.Text }).ToList() })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw RequestValidationException.For("", "This product has no Definition of Done yet: the product owner writes it first.");
        if (dod.Id != command.DefinitionOfDoneVersionId)
        {
            throw RequestValidationException.For("",
                $"The Definition of Done changed while you were checking: version {dod.Number} is current now. Check the item against it.");
        }

        var errors = new Dictionary<string, string[]>();
        var checks = new List<DoneCriterionCheck>();
        for (var n = 0; n < dod.Criteria.Count; n++)
        {
            var criterion = dod.Criteria[n];
            var input = command.Criteria.FirstOrDefault(c => c.CriterionId == criterion.Id);
            if (input is null || !(input.Checked || input.Waived))
            {
                errors[$"Criteria[{n}].Checked"] = ["Tick this criterion, or waive it with a reason."];
                continue;
            }

            checks.Add(new DoneCriterionCheck
            {
                Position = criterion.Position,
                Text = criterion.Text,
                Waived = !input.Checked,
                WaiverReason = input.Checked ? null : input.WaiverReason?.Trim(),
            });
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        db.ExpectVersion(item, command.Version);
        var now = clock.GetUtcNow().UtcDateTime;
        item.Status = BacklogItemStatus.Done;
        item.UpdatedAt = now;
        var record = new BacklogItemDoneCheck
        {
            BacklogItemId = item.Id,
            DefinitionOfDoneVersionId = dod.Id,
            DefinitionOfDoneNumber = dod.Number,
            CheckedAt = now,
            CheckedBy = user.Name,
        };
        record.Criteria.AddRange(checks);
        db.BacklogItemDoneChecks.Add(record);
        var waived = checks.Count(c => c.Waived);
        db.ActivityNote = $"Met Definition of Done version {dod.Number}" + (waived > 0 ? $" with {waived} waived" : "");
        await db.SaveChangesCheckedAsync(cancellationToken);
        await SprintProgress.RecordForItemsAsync(db, [item.Id], SprintQueries.Today(clock), cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The current Definition of Done as a checklist for one item (the Mark as done form).</summary>
[Requires(Permission.EditBacklogItems)]
public sealed record GetDoneChecklist(string ProductSlug, int ItemId) : IQuery<DoneChecklist>, IProductRequest;

/// <param name="DefinitionOfDoneVersionId">Null when the product has no Definition of Done yet.</param>
public sealed record DoneChecklist(
    int ItemId, string ItemTitle, BacklogItemStatus Status, int ItemVersion, int? DefinitionOfDoneVersionId, int DefinitionOfDoneNumber,
    IReadOnlyList<DoneChecklistCriterion> Criteria);

public sealed record DoneChecklistCriterion(int Id, string Text);

public sealed class GetDoneChecklistHandler(AppDbContext db, ProductAccessResolver access) : IQueryHandler<GetDoneChecklist, DoneChecklist>
{
    public async ValueTask<DoneChecklist> Handle(GetDoneChecklist query, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var item = await db.BacklogItems.AsNoTracking().Where(i => i.Id == query.ItemId && i.ProductId == productId)
            .Select(i => new { i.Id, i.Title, i.Status, i.Version }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        var dod = await db.DefinitionOfDoneVersions.AsNoTracking().Where(v => v.ProductId == productId).OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, Criteria = v.Criteria.OrderBy(c => c.Position).Select(c => new DoneChecklistCriterion(c.Id, c.Text)).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return new DoneChecklist(item.Id, item.Title, item.Status, item.Version, dod?.Id, dod?.Number ?? 0, dod?.Criteria ?? []);
    }
}

/// <summary>
/// What the checklist form posts (the partial Pages/ProductOwner/Backlog/_DoneChecklist.cshtml), bound
/// by any page that hosts the checklist; <see cref="ToCommand"/> makes the one command.
/// </summary>
public sealed class DoneChecklistInput
{
    public int DefinitionOfDoneVersionId { get; set; }
    public int Version { get; set; }
    public List<DoneCriterionField> Criteria { get; set; } = [];

    public MarkBacklogItemDone ToCommand(string productSlug, int itemId) =>
        new(productSlug, itemId, DefinitionOfDoneVersionId,
            Criteria.Select(c => new DoneCriterionInput(c.CriterionId, c.Checked, c.Waived, c.WaiverReason)).ToList(), Version);
}

public sealed class DoneCriterionField
{
    public int CriterionId { get; set; }
    public bool Checked { get; set; }
    public bool Waived { get; set; }
    public string? WaiverReason { get; set; }
}

/// <summary>The partial's model: the current checklist, what the user entered (after a failed post), and the field prefix.</summary>
public sealed record DoneChecklistForm(DoneChecklist Checklist, DoneChecklistInput? Entered, string Prefix = "Done");
