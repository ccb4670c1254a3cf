using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.Retrospective;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.Scrum.SprintBoard;

/// <summary>Lookups the board's commands share: a card on the active sprint's board, and a task owner from the Scrum team.</summary>
public static class BoardGuard
{
    /// <summary>The item's row in the sprint, if the sprint is this product's active sprint and the item is in it.</summary>
    public static async Task<SprintItem> ActiveItemAsync(AppDbContext db, int sprintId, int backlogItemId, CancellationToken cancellationToken)
    {
        var planned = await db.SprintItems.Include(i => i.Sprint).Include(i => i.BacklogItem)
            .SingleOrNotFoundAsync(i => i.SprintId == sprintId && i.BacklogItemId == backlogItemId
                && (i.Outcome == SprintItemOutcome.InSprint || i.Outcome == SprintItemOutcome.Done), cancellationToken);
        planned.EnsureCardCanMove();
        return planned;
    }

    public static async Task<string?> OwnerAsync(AppDbContext db, string? ownerId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ownerId))
        {
            return null;
        }

        return await RetrospectiveTeam.IsMemberAsync(db, ownerId, cancellationToken)
            ? ownerId
            : throw RequestValidationException.For("OwnerId", "Choose a member of the Scrum team as owner.");
    }
}
