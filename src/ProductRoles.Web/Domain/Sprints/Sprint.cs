namespace ProductRoles.Web.Domain.Sprints;

public enum SprintState
{
    Planned,
    Active,
    Closed,
}

/// <summary>
/// A time-box in which the Scrum team turns backlog items into a valuable increment that meets the
/// sprint goal. Planned → Active → Closed; once closed it keeps a snapshot of what was committed,
/// done and returned, so its numbers never change afterwards.
/// </summary>
public sealed class Sprint : IVersioned, IAudited
{
    public const int NameMaxLength = 100;
    public const int GoalMaxLength = 500;

    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public required string Name { get; set; }

    /// <summary>Why the sprint is worth doing: the one objective the increment must meet.</summary>
    public required string Goal { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>Last day of the sprint (inclusive).</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>Points the team expects to finish, from its velocity and availability.</summary>
    public int Capacity { get; set; }

    /// <summary>The product owner agreed that this sprint may overlap another (e.g. a second team).</summary>
    public bool AllowOverlap { get; set; }

    public SprintState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>Points planned into the sprint when it closed (frozen on close).</summary>
    public int? CommittedPoints { get; set; }

    /// <summary>Points done (Definition of Done met) when it closed: the increment.</summary>
    public int? DonePoints { get; set; }

    /// <summary>Points not done that went back to the product backlog or on to the next sprint.</summary>
    public int? ReturnedPoints { get; set; }

    public int Version { get; set; }

    public List<SprintDaySnapshot> Days { get; } = [];
    public List<SprintItem> Items { get; } = [];

    int IAudited.AuditProductId => ProductId;
    string IAudited.AuditLabel => Name;

    public int LengthInDays => EndDate.DayNumber - StartDate.DayNumber + 1;

    public bool Overlaps(DateOnly start, DateOnly end) => StartDate <= end && EndDate >= start;
}

/// <summary>
/// Remaining points of a sprint at the end of one day, written whenever work in the sprint changes.
/// The burndown is drawn from these rows alone, so a closed sprint's chart never changes even when its
/// unfinished items are later re-estimated or done in another sprint.
/// </summary>
public sealed class SprintDaySnapshot
{
    public int Id { get; set; }
    public int SprintId { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>Points of the sprint's items not yet done at the end of the day.</summary>
    public int RemainingPoints { get; set; }

    /// <summary>Points planned into the sprint at the end of the day (scope changes show as a step).</summary>
    public int ScopePoints { get; set; }
}
