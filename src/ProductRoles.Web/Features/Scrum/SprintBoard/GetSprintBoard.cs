using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.Retrospective;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Scrum.SprintBoard;

public enum BoardColumn
{
    [Display(Name = "To do")]
    ToDo,
    [Display(Name = "In progress")]
    InProgress,
    [Display(Name = "Done")]
    Done,
}

/// <summary>The sprint backlog as a board: its items in To do / In progress / Done, each with its tasks.</summary>
[Requires(Permission.ViewSprints)]
public sealed record GetSprintBoard(string ProductSlug, int SprintId) : IQuery<SprintBoardView>, IProductRequest;

public sealed record SprintBoardView(
    int SprintId, string Name, string Goal, SprintState State, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<BoardCard> Cards, IReadOnlyList<TeamMember> Team, bool CanMove, bool CanSeeBacklog)
{
    public IEnumerable<BoardCard> In(BoardColumn column) => Cards.Where(c => c.Column == column);
}

public sealed record BoardCard(
    int BacklogItemId, string Title, BacklogItemType Type, int Points, BoardColumn Column, int Version, IReadOnlyList<BoardTask> Tasks)
{
    public int RemainingHours => Tasks.Where(t => t.State != SprintTaskState.Done).Sum(t => t.RemainingHours);
}

public sealed record BoardTask(int Id, string Title, string? OwnerId, string? Owner, int RemainingHours, SprintTaskState State, int Version);

public sealed class GetSprintBoardHandler(AppDbContext db, ProductContext product) : IQueryHandler<GetSprintBoard, SprintBoardView>
{
    public async ValueTask<SprintBoardView> Handle(GetSprintBoard query, CancellationToken cancellationToken)
    {
        var sprint = await db.Sprints.AsNoTracking().Where(s => s.Id == query.SprintId)
            .Select(s => new { s.Id, s.Name, s.Goal, s.State, s.StartDate, s.EndDate })
            .SingleOrNotFoundAsync(cancellationToken);
        var items = await db.SprintItems.AsNoTracking()
            .Where(i => i.SprintId == sprint.Id && (i.Outcome == SprintItemOutcome.InSprint || i.Outcome == SprintItemOutcome.Done))
            .OrderBy(i => i.PlannedAt).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.BacklogItemId, i.BacklogItem!.Title, i.BacklogItem.Type, i.Points, i.BacklogItem.Status, i.BacklogItem.Version,
                Tasks = i.Tasks.OrderBy(t => t.Id)
                    .Select(t => new BoardTask(t.Id, t.Title, t.OwnerId, t.Owner == null ? null : t.Owner.DisplayName, t.RemainingHours, t.State, t.Version))
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        var cards = items.Select(i => new BoardCard(i.BacklogItemId, i.Title, i.Type, i.Points, ColumnOf(i.Status), i.Version, i.Tasks)).ToList();
        var team = await RetrospectiveTeam.Members(db).ToListAsync(cancellationToken);
        return new SprintBoardView(sprint.Id, sprint.Name, sprint.Goal, sprint.State, sprint.StartDate, sprint.EndDate, cards, team,
            product.Can(Permission.MoveSprintCards) && sprint.State == SprintState.Active, product.Can(Permission.ViewBacklog));
    }

    public static BoardColumn ColumnOf(BacklogItemStatus status) => status switch
    {
        BacklogItemStatus.InProgress => BoardColumn.InProgress,
        BacklogItemStatus.Done => BoardColumn.Done,
        _ => BoardColumn.ToDo,
    };
}
