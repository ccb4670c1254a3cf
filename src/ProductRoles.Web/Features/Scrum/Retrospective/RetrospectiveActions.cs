using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Retrospective;

/// <summary>Adds an action item, optionally owned by a member of the Scrum team.</summary>
[Requires(Permission.EditRetrospective)]
public sealed record AddRetrospectiveAction(string ProductSlug, int SprintId, string Title, string? OwnerId)
    : ICommand<int>, IProductRequest;

public sealed class AddRetrospectiveActionValidator : AbstractValidator<AddRetrospectiveAction>
{
    public AddRetrospectiveActionValidator() =>
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Say what the team will do.")
            .MaximumLength(RetrospectiveAction.TitleMaxLength).WithMessage($"Keep it within {RetrospectiveAction.TitleMaxLength} characters.");
}

public sealed class AddRetrospectiveActionHandler(AppDbContext db, ProductContext product, TimeProvider clock)
    : ICommandHandler<AddRetrospectiveAction, int>
{
    public async ValueTask<int> Handle(AddRetrospectiveAction command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var sprint = await RetrospectiveGuard.StartedSprintAsync(db, command.SprintId, cancellationToken);
        var ownerId = string.IsNullOrWhiteSpace(command.OwnerId) ? null : command.OwnerId;
        if (ownerId is not null && !await RetrospectiveTeam.IsMemberAsync(db, ownerId, cancellationToken))
        {
            throw RequestValidationException.For(nameof(command.OwnerId), "Choose a member of the Scrum team as owner.");
        }

        var action = new RetrospectiveAction
        {
            ProductId = productId,
            SprintId = sprint.Id,
            Title = command.Title.Trim(),
            OwnerId = ownerId,
            State = RetrospectiveActionState.Open,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RetrospectiveActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return action.Id;
    }
}

/// <summary>Moves an action item on: in progress, done or dropped. Open ones carry over to the next sprint.</summary>
[Requires(Permission.EditRetrospective)]
public sealed record SetRetrospectiveActionState(string ProductSlug, int ActionId, RetrospectiveActionState State, int Version)
    : ICommand<Unit>, IProductRequest;

public sealed class SetRetrospectiveActionStateValidator : AbstractValidator<SetRetrospectiveActionState>
{
    public SetRetrospectiveActionStateValidator() =>
        RuleFor(c => c.State).IsInEnum().WithMessage("Choose a state.");
}

public sealed class SetRetrospectiveActionStateHandler(AppDbContext db, ProductContext product)
    : ICommandHandler<SetRetrospectiveActionState, Unit>
{
    public async ValueTask<Unit> Handle(SetRetrospectiveActionState command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var action = await db.RetrospectiveActions
            .SingleOrNotFoundAsync(a => a.Id == command.ActionId, cancellationToken);
        db.ExpectVersion(action, command.Version);
        action.State = command.State;
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }
}
