using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.Retrospective;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.SprintBoard;

/// <summary>
/// A developer moves a card between To do and In progress. Done is reached only through the
/// Definition of Done checklist (<see cref="ProductOwner.Backlog.MarkBacklogItemDone"/>).
/// </summary>
[Requires(Permission.MoveSprintCards)]
public sealed record MoveSprintCard(string ProductSlug, int SprintId, int BacklogItemId, BoardColumn To, int Version) : ICommand<Unit>, IProductRequest;

public sealed class MoveSprintCardValidator : AbstractValidator<MoveSprintCard>
{
    public MoveSprintCardValidator() =>
        RuleFor(c => c.To).IsInEnum().WithMessage("Choose a column.")
            .NotEqual(BoardColumn.Done).WithMessage("An item reaches Done through the Definition of Done checklist.");
}

public sealed class MoveSprintCardHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock) : ICommandHandler<MoveSprintCard, Unit>
{
    public async ValueTask<Unit> Handle(MoveSprintCard command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var planned = await BoardGuard.ActiveItemAsync(db, productId, command.SprintId, command.BacklogItemId, cancellationToken);
        var item = planned.BacklogItem!;
        if (item.Status == BacklogItemStatus.Done)
        {
            throw RequestValidationException.For("", "This item is Done: it met the Definition of Done and stays in the increment.");
        }

        db.ExpectVersion(item, command.Version);
        item.Status = command.To == BoardColumn.InProgress ? BacklogItemStatus.InProgress : BacklogItemStatus.Planned;
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesCheckedAsync(cancellationToken);
        await SprintProgress.RecordForItemsAsync(db, [item.Id], SprintQueries.Today(clock), cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Writes today's remaining points again from the sprint backlog as saved. Commands that change the
/// sprint's work already do this themselves; this is for data changed outside them.
/// </summary>
[Requires(Permission.MoveSprintCards)]
public sealed record RecordSprintProgress(string ProductSlug, int SprintId) : ICommand<Unit>, IProductRequest;

public sealed class RecordSprintProgressHandler(AppDbContext db, ProductAccessResolver access, TimeProvider clock) : ICommandHandler<RecordSprintProgress, Unit>
{
    public async ValueTask<Unit> Handle(RecordSprintProgress command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        if (!await db.Sprints.AnyAsync(s => s.Id == command.SprintId && s.ProductId == productId, cancellationToken))
        {
            throw new NotFoundException();
        }

        await SprintProgress.RecordAsync(db, command.SprintId, SprintQueries.Today(clock), cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Adds a task to a sprint backlog item.</summary>
[Requires(Permission.MoveSprintCards)]
public sealed record AddSprintTask(string ProductSlug, int SprintId, int BacklogItemId, string Title, string? OwnerId, int RemainingHours)
    : ICommand<int>, IProductRequest;

public sealed class AddSprintTaskValidator : AbstractValidator<AddSprintTask>
{
    public AddSprintTaskValidator()
    {
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Name the task.")
            .MaximumLength(SprintTask.TitleMaxLength).WithMessage($"Keep it within {SprintTask.TitleMaxLength} characters.");
        RuleFor(c => c.RemainingHours).InclusiveBetween(0, 200).WithMessage("Remaining hours are between 0 and 200.");
    }
}

public sealed class AddSprintTaskHandler(AppDbContext db, ProductAccessResolver access) : ICommandHandler<AddSprintTask, int>
{
    public async ValueTask<int> Handle(AddSprintTask command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var planned = await BoardGuard.ActiveItemAsync(db, productId, command.SprintId, command.BacklogItemId, cancellationToken);
        var ownerId = await BoardGuard.OwnerAsync(db, productId, command.OwnerId, cancellationToken);
        var task = new SprintTask
        {
            ProductId = productId, SprintItemId = planned.Id, SprintItem = planned, Title = command.Title.Trim(), OwnerId = ownerId,
            RemainingHours = command.RemainingHours, State = SprintTaskState.ToDo,
        };
        db.SprintTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return task.Id;
    }
}

/// <summary>Changes a task's owner, remaining hours or state.</summary>
[Requires(Permission.MoveSprintCards)]
public sealed record UpdateSprintTask(string ProductSlug, int SprintId, int TaskId, string? OwnerId, int RemainingHours, SprintTaskState State, int Version)
    : ICommand<Unit>, IProductRequest;

public sealed class UpdateSprintTaskValidator : AbstractValidator<UpdateSprintTask>
{
    public UpdateSprintTaskValidator()
    {
        RuleFor(c => c.RemainingHours).InclusiveBetween(0, 200).WithMessage("Remaining hours are between 0 and 200.");
        RuleFor(c => c.State).IsInEnum().WithMessage("Choose a state.");
    }
}

public sealed class UpdateSprintTaskHandler(AppDbContext db, ProductAccessResolver access) : ICommandHandler<UpdateSprintTask, Unit>
{
    public async ValueTask<Unit> Handle(UpdateSprintTask command, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var task = await db.SprintTasks.Include(t => t.SprintItem).ThenInclude(i => i!.Sprint)
            .SingleOrDefaultAsync(t => t.Id == command.TaskId && t.ProductId == productId && t.SprintItem!.SprintId == command.SprintId, cancellationToken)
            ?? throw new NotFoundException();
        if (task.SprintItem!.Sprint!.State != SprintState.Active)
        {
            throw RequestValidationException.For("", "Tasks change only while their sprint is active.");
        }

        db.ExpectVersion(task, command.Version);
        task.OwnerId = await BoardGuard.OwnerAsync(db, productId, command.OwnerId, cancellationToken);
        task.State = command.State;
        task.RemainingHours = command.State == SprintTaskState.Done ? 0 : command.RemainingHours;
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }
}

public static class BoardGuard
{
    /// <summary>The item's row in the sprint, if the sprint is this product's active sprint and the item is in it.</summary>
    public static async Task<SprintItem> ActiveItemAsync(AppDbContext db, int productId, int sprintId, int backlogItemId, CancellationToken cancellationToken)
    {
        var planned = await db.SprintItems.Include(i => i.Sprint).Include(i => i.BacklogItem)
            .SingleOrDefaultAsync(i => i.SprintId == sprintId && i.ProductId == productId && i.BacklogItemId == backlogItemId
                && (i.Outcome == SprintItemOutcome.InSprint || i.Outcome == SprintItemOutcome.Done), cancellationToken)
            ?? throw new NotFoundException();
        if (planned.Sprint!.State != SprintState.Active)
        {
            throw RequestValidationException.For("", "Cards move only while their sprint is active.");
        }

        return planned;
    }

    public static async Task<string?> OwnerAsync(AppDbContext db, int productId, string? ownerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ownerId))
        {
            return null;
        }

        return await RetrospectiveTeam.IsMemberAsync(db, productId, ownerId, cancellationToken)
            ? ownerId
            : throw RequestValidationException.For("OwnerId", "Choose a member of the Scrum team as owner.");
    }
}
