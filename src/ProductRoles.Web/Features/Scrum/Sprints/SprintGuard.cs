using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>The sprint the planning commands change.</summary>
public static class SprintGuard
{
    /// <summary>The sprint with its sprint backlog, if it belongs to the product and is not closed yet.</summary>
    public static async Task<Sprint> OpenSprintAsync(AppDbContext db, int sprintId, CancellationToken cancellationToken)
    {
        var sprint = await db.Sprints.Include(s => s.Items)
            .SingleOrNotFoundAsync(s => s.Id == sprintId, cancellationToken);
        sprint.EnsureBacklogCanChange();
        return sprint;
    }
}
