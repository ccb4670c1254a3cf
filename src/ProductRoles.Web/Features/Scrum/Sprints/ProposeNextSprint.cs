using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>
/// The new-sprint form's starting values: the next sprint in the team's rhythm, with the velocity as
/// capacity. Only those who plan sprints may ask (others get 403), so the form is theirs alone.
/// </summary>
[Requires(Permission.PlanSprints)]
public sealed record ProposeNextSprint(string ProductSlug) : IQuery<SprintProposal>, IProductRequest;

public sealed record SprintProposal(string Name, DateOnly StartDate, DateOnly EndDate, int Capacity);

public sealed class ProposeNextSprintHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ProposeNextSprint, SprintProposal>
{
    public async ValueTask<SprintProposal> Handle(ProposeNextSprint query, CancellationToken cancellationToken)
    {
        var sprints = await db.Sprints.AsNoTracking()
            .OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id)
            .Select(s => new SprintSummary(s.Id, s.Name, s.Goal, s.StartDate, s.EndDate, s.Capacity, s.State,
                s.CommittedPoints, s.DonePoints, s.ReturnedPoints))
            .ToListAsync(cancellationToken);
        var latest = sprints.Count == 0 ? ((DateOnly, DateOnly)?)null : (sprints[0].StartDate, sprints[0].EndDate);
        var (name, start, end) = SprintCadence.Next(latest, sprints.Count, SprintQueries.Today(clock));
        return new SprintProposal(name, start, end, SprintQueries.Velocity(sprints).Average ?? 0);
    }
}
