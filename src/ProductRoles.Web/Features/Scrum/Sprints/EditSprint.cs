using System.Globalization;
using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>Changes a planned or active sprint's name, goal, dates or capacity. A closed sprint is history.</summary>
[Requires(Permission.PlanSprints)]
public sealed record EditSprint(
    string ProductSlug, int SprintId, string Name, string Goal, DateOnly? StartDate, DateOnly? EndDate, int Capacity,
    bool AllowOverlap, int Version)
    : ICommand<Unit>, IProductRequest, ISprintFields;

public sealed class EditSprintValidator : AbstractValidator<EditSprint>
{
    public EditSprintValidator() => this.AddSprintFieldRules();
}

public sealed class EditSprintHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events)
    : ICommandHandler<EditSprint, Unit>
{
    public async ValueTask<Unit> Handle(EditSprint command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var sprint = await db.Sprints.SingleOrNotFoundAsync(s => s.Id == command.SprintId, cancellationToken);
        if (sprint.State == SprintState.Closed)
        {
            throw RequestValidationException.For("", "This sprint is closed; its record can no longer change.");
        }

        await SprintRules.EnsureNoOverlapAsync(db, productId, sprint.Id, command, cancellationToken);
        db.ExpectVersion(sprint, command.Version);
        var before = (sprint.Name, sprint.Goal, sprint.StartDate, sprint.EndDate, sprint.Capacity);
        sprint.Name = command.Name.Trim();
        sprint.Goal = command.Goal.Trim();
        sprint.StartDate = command.StartDate!.Value;
        sprint.EndDate = command.EndDate!.Value;
        sprint.Capacity = command.Capacity;
        sprint.AllowOverlap = command.AllowOverlap;
        await db.SaveChangesCheckedAsync(cancellationToken);
        var changes = FieldChange.Between(
            ("Name", before.Name, sprint.Name),
            ("Goal", before.Goal, sprint.Goal),
            ("Start", before.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sprint.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("End", before.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sprint.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Capacity", before.Capacity.ToString(CultureInfo.InvariantCulture), sprint.Capacity.ToString(CultureInfo.InvariantCulture)));
        if (changes.Count > 0)
        {
            events.Raise(new SprintChanged(productId, sprint.Id, user.UserId, changes));
        }

        return Unit.Value;
    }
}
