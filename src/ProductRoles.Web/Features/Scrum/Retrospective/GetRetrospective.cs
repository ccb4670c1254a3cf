using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.Retrospective;

/// <summary>A sprint's retrospective with its action items and those carried over from earlier sprints.</summary>
[Requires(Permission.ViewRetrospective)]
public sealed record GetRetrospective(string ProductSlug, int SprintId) : IQuery<RetrospectiveView>, IProductRequest;

public sealed record RetrospectiveView(
    int SprintId, string SprintName, string SprintGoal, SprintState SprintState, int? RetrospectiveId,
    string? WentWell, string? ToImprove, int Version, IReadOnlyList<ActionView> Actions,
    IReadOnlyList<CarriedAction> CarriedOver, IReadOnlyList<TeamMember> Team, bool CanEdit);

public sealed record ActionView(int Id, string Title, string? OwnerId, string? Owner, RetrospectiveActionState State, int Version);

public sealed record TeamMember(string UserId, string DisplayName);

public sealed class GetRetrospectiveHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<GetRetrospective, RetrospectiveView>
{
    public async ValueTask<RetrospectiveView> Handle(GetRetrospective query, CancellationToken cancellationToken)
    {
        var sprint = await db.Sprints.AsNoTracking()
            .Where(s => s.Id == query.SprintId)
            .Select(s => new { s.Id, s.Name, s.Goal, s.State, s.StartDate })
            .SingleOrNotFoundAsync(cancellationToken);
        var retro = await db.Retrospectives.AsNoTracking()
            .Where(r => r.SprintId == sprint.Id)
            .Select(r => new { r.Id, r.WentWell, r.ToImprove, r.Version })
            .SingleOrDefaultAsync(cancellationToken);
        var actions = await db.RetrospectiveActions.AsNoTracking()
            .Where(a => a.SprintId == sprint.Id)
            .OrderBy(a => a.Id)
            .Select(a => new ActionView(a.Id, a.Title, a.OwnerId, a.Owner == null ? null : a.Owner.DisplayName, a.State, a.Version))
            .ToListAsync(cancellationToken);
        var carried = await RetrospectiveQueries.OpenActionsBefore(db, sprint.StartDate, sprint.Id)
            .ToListAsync(cancellationToken);
        var team = await RetrospectiveTeam.Members(db).ToListAsync(cancellationToken);

        return new RetrospectiveView(sprint.Id, sprint.Name, sprint.Goal, sprint.State, retro?.Id, retro?.WentWell,
            retro?.ToImprove, retro?.Version ?? 0, actions, carried, team, product.Can(Permission.EditRetrospective));
    }
}

public static class RetrospectiveTeam
{
    /// <summary>The Scrum team: product owner, Scrum master and developers. Only they own actions.</summary>
    public static IQueryable<TeamMember> Members(AppDbContext db) =>
        Memberships(db)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new TeamMember(m.UserId, m.User!.DisplayName));

    public static Task<bool> IsMemberAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        Memberships(db).AnyAsync(m => m.UserId == userId, cancellationToken);

    private static IQueryable<ProductMember> Memberships(AppDbContext db) =>
        db.ProductMembers.AsNoTracking()
            .Where(m => m.Role == ProductRole.ProductOwner || m.Role == ProductRole.ScrumMaster || m.Role == ProductRole.Developer);
}
