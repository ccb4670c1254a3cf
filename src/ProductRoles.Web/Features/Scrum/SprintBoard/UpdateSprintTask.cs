using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.SprintBoard;

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

public sealed class UpdateSprintTaskHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events) : ICommandHandler<UpdateSprintTask, Unit>
{
    public async ValueTask<Unit> Handle(UpdateSprintTask command, CancellationToken cancellationToken)
    {
        var task = await db.SprintTasks.Include(t => t.SprintItem).ThenInclude(i => i!.Sprint)
            .SingleOrNotFoundAsync(t => t.Id == command.TaskId && t.SprintItem!.SprintId == command.SprintId, cancellationToken);
        if (task.SprintItem!.Sprint!.State != SprintState.Active)
        {
            throw RequestValidationException.For("", "Tasks change only while their sprint is active.");
        }

        db.ExpectVersion(task, command.Version);
        var before = (task.OwnerId, task.State, task.RemainingHours);
        task.OwnerId = await BoardGuard.OwnerAsync(db, command.OwnerId, cancellationToken);
        task.State = command.State;
        task.RemainingHours = command.State == SprintTaskState.Done ? 0 : command.RemainingHours;
        await db.SaveChangesCheckedAsync(cancellationToken);
        var changes = FieldChange.Between(
            ("Owner", before.OwnerId, task.OwnerId),
            ("State", before.State.Display(), task.State.Display()),
            ("Remaining hours", before.RemainingHours.ToString(CultureInfo.InvariantCulture), task.RemainingHours.ToString(CultureInfo.InvariantCulture)));
        if (changes.Count > 0)
        {
            events.Raise(new SprintTaskChanged(product.Id, command.SprintId, task.SprintItem.BacklogItemId, task.Id, user.UserId, changes));
        }

        return Unit.Value;
    }
}
