using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.SprintBoard;

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

public sealed class AddSprintTaskHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events) : ICommandHandler<AddSprintTask, int>
{
    public async ValueTask<int> Handle(AddSprintTask command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var planned = await BoardGuard.ActiveItemAsync(db, command.SprintId, command.BacklogItemId, cancellationToken);
        var ownerId = await BoardGuard.OwnerAsync(db, command.OwnerId, cancellationToken);
        var task = new SprintTask
        {
            ProductId = productId, SprintItemId = planned.Id, SprintItem = planned, Title = command.Title.Trim(), OwnerId = ownerId,
            RemainingHours = command.RemainingHours, State = SprintTaskState.ToDo,
        };
        db.SprintTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new SprintTaskAdded(productId, command.SprintId, command.BacklogItemId, task.Id, user.UserId, task.Title, task.OwnerId));
        return task.Id;
    }
}
