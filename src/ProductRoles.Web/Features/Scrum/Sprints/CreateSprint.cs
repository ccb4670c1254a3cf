using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>The product owner or Scrum master creates the next sprint: name, goal, dates and capacity.</summary>
[Requires(Permission.PlanSprints)]
public sealed record CreateSprint(
    string ProductSlug, string Name, string Goal, DateOnly? StartDate, DateOnly? EndDate, int Capacity, bool AllowOverlap)
    : ICommand<int>, IProductRequest, ISprintFields;

public sealed class CreateSprintValidator : AbstractValidator<CreateSprint>
{
    public CreateSprintValidator() => this.AddSprintFieldRules();
}

public sealed class CreateSprintHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<CreateSprint, int>
{
    public async ValueTask<int> Handle(CreateSprint command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        await SprintRules.EnsureNoOverlapAsync(db, productId, null, command, cancellationToken);
        var sprint = new Sprint
        {
            ProductId = productId,
            Name = command.Name.Trim(),
            Goal = command.Goal.Trim(),
            StartDate = command.StartDate!.Value,
            EndDate = command.EndDate!.Value,
            Capacity = command.Capacity,
            AllowOverlap = command.AllowOverlap,
            State = SprintState.Planned,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Sprints.Add(sprint);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new SprintCreated(productId, sprint.Id, user.UserId, sprint.Name));
        return sprint.Id;
    }
}
