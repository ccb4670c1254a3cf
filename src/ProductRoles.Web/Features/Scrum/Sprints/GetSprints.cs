using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.Charts;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>All sprints of a product, newest first, with the velocity chart of the closed ones.</summary>
[Requires(Permission.ViewSprints)]
public sealed record GetSprints(string ProductSlug) : IQuery<SprintList>, IProductRequest;

public sealed record SprintList(IReadOnlyList<SprintSummary> Sprints, VelocityChart Velocity, bool CanPlan);

public sealed record SprintSummary(
    int Id, string Name, string Goal, DateOnly StartDate, DateOnly EndDate, int Capacity, SprintState State,
    int? CommittedPoints, int? DonePoints, int? ReturnedPoints);

public sealed class GetSprintsHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<GetSprints, SprintList>
{
    public async ValueTask<SprintList> Handle(GetSprints query, CancellationToken cancellationToken)
    {
        var sprints = await db.Sprints.AsNoTracking()
            .OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id)
            .Select(s => new SprintSummary(s.Id, s.Name, s.Goal, s.StartDate, s.EndDate, s.Capacity, s.State,
                s.CommittedPoints, s.DonePoints, s.ReturnedPoints))
            .ToListAsync(cancellationToken);
        return new SprintList(sprints, SprintQueries.Velocity(sprints), product.Can(Permission.PlanSprints));
    }
}

public static class SprintQueries
{
    /// <summary>Velocity from closed sprints' frozen snapshots, so history never shifts.</summary>
    public static VelocityChart Velocity(IEnumerable<SprintSummary> sprints) =>
        Charts.Velocity.Build(sprints
            .Where(s => s.State == SprintState.Closed)
            .Select(s => new SprintVelocity(s.Id, s.Name, s.EndDate, s.CommittedPoints ?? 0, s.DonePoints ?? 0)));

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
