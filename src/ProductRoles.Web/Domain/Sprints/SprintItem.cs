using System.ComponentModel.DataAnnotations;
using ProductRoles.Web.Domain.Backlog;

namespace ProductRoles.Web.Domain.Sprints;

/// <summary>What became of a backlog item planned into a sprint.</summary>
public enum SprintItemOutcome
{
    /// <summary>Still being worked on in the sprint.</summary>
    [Display(Name = "In sprint")]
    InSprint,

    /// <summary>Met the Definition of Done in the sprint: part of its increment.</summary>
    [Display(Name = "Done")]
    Done,

    /// <summary>Not done when the sprint closed; returned to the top of the product backlog.</summary>
    [Display(Name = "Returned to backlog")]
    ReturnedToBacklog,

    /// <summary>Not done when the sprint closed; moved on into the next sprint.</summary>
    [Display(Name = "Moved to next sprint")]
    MovedToNextSprint,

    /// <summary>Taken out of the sprint during planning or the sprint.</summary>
    [Display(Name = "Removed")]
    Removed,
}

/// <summary>
/// A backlog item in one sprint's sprint backlog. An item that spills over is in several sprints, each
/// with its own row and outcome, which is how a closed sprint keeps what it committed and returned.
/// </summary>
public sealed class SprintItem : IAudited, IProductOwned
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int SprintId { get; set; }
    public Sprint? Sprint { get; set; }
    public int BacklogItemId { get; set; }
    public BacklogItem? BacklogItem { get; set; }

    /// <summary>The item's estimate when it was planned in; the commitment counts these points.</summary>
    public int Points { get; set; }

    public SprintItemOutcome Outcome { get; set; }
    public DateTime PlannedAt { get; set; }

    /// <summary>The title when planned, so history can name the item without a join.</summary>
    public required string Title { get; set; }

    public List<SprintTask> Tasks { get; } = [];

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => $"#{BacklogItemId} {Title} in {Sprint?.Name ?? "sprint " + SprintId}";

    public bool Counts => Outcome != SprintItemOutcome.Removed;

    /// <summary>Cards on the board move, get tasks and reach Done only while their sprint is active (needs <see cref="Sprint"/> loaded).</summary>
    public void EnsureCardCanMove()
    {
        var sprint = Sprint ?? throw new InvalidOperationException("Load the sprint item's sprint first.");
        if (sprint.State != SprintState.Active)
        {
            throw new DomainRuleException("", "Cards move only while their sprint is active.");
        }
    }

    /// <summary>
    /// A developer moves the card between To do (<see cref="BacklogItemStatus.Planned"/>) and In progress.
    /// Done is reached only through the Definition of Done (<see cref="Backlog.BacklogItem.MarkDone"/>).
    /// </summary>
    public void MoveCard(BacklogItemStatus to, DateTime now)
    {
        EnsureCardCanMove();
        var item = BacklogItem ?? throw new InvalidOperationException("Load the sprint item's backlog item first.");
        if (to is not (BacklogItemStatus.Planned or BacklogItemStatus.InProgress))
        {
            throw new DomainRuleException("To", to == BacklogItemStatus.Done
                ? "An item reaches Done through the Definition of Done checklist."
                : "Choose a column.");
        }

        if (item.Status == BacklogItemStatus.Done)
        {
            throw new DomainRuleException("", "This item is Done: it met the Definition of Done and stays in the increment.");
        }

        item.Status = to;
        item.UpdatedAt = now;
    }
}

public enum SprintTaskState
{
    [Display(Name = "To do")]
    ToDo,
    [Display(Name = "In progress")]
    InProgress,
    [Display(Name = "Done")]
    Done,
}

/// <summary>A developer's task for a sprint backlog item: title, owner and remaining estimate in hours.</summary>
public sealed class SprintTask : IVersioned, IAudited, IProductOwned
{
    public const int TitleMaxLength = 200;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public int SprintItemId { get; set; }
    public SprintItem? SprintItem { get; set; }
    public required string Title { get; set; }
    public string? OwnerId { get; set; }
    public UserProfile? Owner { get; set; }

    /// <summary>Hours of work left.</summary>
    public int RemainingHours { get; set; }

    public SprintTaskState State { get; set; }
    public int Version { get; set; }

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Title;
}
