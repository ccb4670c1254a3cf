using System.ComponentModel.DataAnnotations;
using ProductRoles.Web.Domain.Backlog;

namespace ProductRoles.Web.Domain.Sprints;

public enum SprintState
{
    [Display(Name = "Planned")]
    Planned,
    [Display(Name = "Active")]
    Active,
    [Display(Name = "Closed")]
    Closed,
}

/// <summary>
/// A time-box in which the Scrum team turns backlog items into a valuable increment that meets the
/// sprint goal. Planned → Active → Closed; once closed it keeps a snapshot of what was committed,
/// done and returned, so its numbers never change afterwards.
/// </summary>
public sealed class Sprint : IVersioned, IAudited, IProductOwned
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

    /// <summary>The day a change counts on: before day one counts as day one, after the last day as the last day.</summary>
    public DateOnly DayOfSprint(DateOnly today) => today < StartDate ? StartDate : today > EndDate ? EndDate : today;

    /// <summary>Points of the sprint backlog as planned now (needs <see cref="Items"/> loaded).</summary>
    public int PlannedPoints() => Items.Where(i => i.Counts).Sum(i => i.Points);

    /// <summary>How far the sprint backlog goes beyond the capacity the team expects; 0 within it.</summary>
    public int PointsOverCapacity() => Math.Max(0, PlannedPoints() - Capacity);

    /// <summary>Planned → Active. A product runs one sprint at a time, so another active one must close first.</summary>
    /// <param name="otherActiveSprint">The name of the product's sprint that is active now, if any.</param>
    public void Start(DateTime now, string? otherActiveSprint)
    {
        if (State != SprintState.Planned)
        {
            throw new DomainRuleException("", State == SprintState.Active
                ? "This sprint has already started."
                : "This sprint is closed; a sprint runs once.");
        }

        if (otherActiveSprint is not null)
        {
            throw new DomainRuleException("", $"{otherActiveSprint} is still active. Close it before starting the next sprint.");
        }

        State = SprintState.Active;
        StartedAt = now;
    }

    /// <summary>The sprint backlog changes while the sprint is planned or active, never once it is closed.</summary>
    public void EnsureBacklogCanChange()
    {
        if (State == SprintState.Closed)
        {
            throw new DomainRuleException("", "This sprint is closed; its sprint backlog can no longer change.");
        }
    }

    /// <summary>
    /// Pulls a New or Ready backlog item into the sprint backlog at its current estimate (needs
    /// <see cref="Items"/> loaded). Planning beyond capacity is allowed, since the team decides, and
    /// shows in <see cref="PointsOverCapacity"/>.
    /// </summary>
    /// <param name="inAnotherSprint">The item is already in the sprint backlog of another sprint.</param>
    public SprintItem Plan(BacklogItem item, bool inAnotherSprint, DateTime now)
    {
        EnsureBacklogCanChange();
        if (item.Status is not (BacklogItemStatus.New or BacklogItemStatus.Ready))
        {
            throw new DomainRuleException("", $"#{item.Id} {item.Title} is {item.Status}; only New or Ready items can be planned into a sprint.");
        }

        var row = Items.SingleOrDefault(i => i.BacklogItemId == item.Id);
        if (inAnotherSprint || row?.Outcome == SprintItemOutcome.InSprint)
        {
            throw new DomainRuleException("", $"#{item.Id} {item.Title} is already in a sprint.");
        }

        if (row is null)
        {
            row = new SprintItem
            {
                ProductId = ProductId, SprintId = Id, Sprint = this, BacklogItemId = item.Id, BacklogItem = item, Title = item.Title,
                Outcome = SprintItemOutcome.InSprint,
            };
            Items.Add(row);
        }

        // An item taken out earlier comes back on its old row, at today's estimate.
        row.Outcome = SprintItemOutcome.InSprint;
        row.Points = item.Estimate ?? 0;
        row.PlannedAt = now;
        item.Status = BacklogItemStatus.Planned;
        item.UpdatedAt = now;
        return row;
    }

    /// <summary>
    /// Takes an item that is not Done out of the sprint backlog; it goes back to the product backlog as
    /// it was. Before the sprint starts the row goes (needs <see cref="Items"/> loaded); once it runs the
    /// row stays as Removed, so the burndown and history show the scope change.
    /// </summary>
    public void Unplan(SprintItem planned, DateTime now)
    {
        EnsureBacklogCanChange();
        var item = planned.BacklogItem ?? throw new InvalidOperationException("Load the sprint item's backlog item first.");
        if (item.Status == BacklogItemStatus.Done)
        {
            throw new DomainRuleException("", "This item is Done; it stays in the sprint's increment.");
        }

        if (State == SprintState.Planned)
        {
            Items.Remove(planned);
        }
        else
        {
            planned.Outcome = SprintItemOutcome.Removed;
        }

        item.ReturnToBacklog(now);
    }

    /// <summary>Only an active sprint closes: a planned one has not run, a closed one closed once.</summary>
    public void EnsureCanClose()
    {
        if (State != SprintState.Active)
        {
            throw new DomainRuleException("", State == SprintState.Closed
                ? "This sprint is already closed; a sprint closes once."
                : "This sprint hasn't started; start it before closing it.");
        }
    }

    /// <summary>The items planned in and not done, in the order they were planned (needs items and their backlog items loaded).</summary>
    public IReadOnlyList<SprintItem> UnfinishedItems() =>
        CountedItems().Where(i => i.BacklogItem!.Status != BacklogItemStatus.Done).ToList();

    /// <summary>
    /// Active → Closed. Done items form the increment; unfinished ones go on into <paramref name="next"/>
    /// or, without one, back to the product backlog at the ranks given (one per unfinished item, in
    /// order). The points committed, done and returned are frozen.
    /// </summary>
    public SprintClosing Close(DateTime now, Sprint? next, IReadOnlyList<string> returnedRanks)
    {
        EnsureCanClose();
        if (next is not null && (next == this || next.State != SprintState.Planned || next.ProductId != ProductId))
        {
            throw new DomainRuleException("", "Unfinished items move only into a planned sprint of the same product.");
        }

        var counted = CountedItems();
        var unfinished = UnfinishedItems();
        if (next is null && returnedRanks.Count != unfinished.Count)
        {
            throw new ArgumentException($"Give one rank per unfinished item ({unfinished.Count}).", nameof(returnedRanks));
        }

        foreach (var done in counted.Except(unfinished))
        {
            done.Outcome = SprintItemOutcome.Done;
        }

        for (var n = 0; n < unfinished.Count; n++)
        {
            var carried = unfinished[n];
            if (next is null)
            {
                carried.Outcome = SprintItemOutcome.ReturnedToBacklog;
                carried.BacklogItem!.ReturnToBacklog(now, returnedRanks[n]);
            }
            else
            {
                // Work already started stays In progress: it carries on in the next sprint.
                carried.Outcome = SprintItemOutcome.MovedToNextSprint;
                next.Items.Add(new SprintItem
                {
                    ProductId = ProductId, SprintId = next.Id, Sprint = next, BacklogItemId = carried.BacklogItemId, Title = carried.Title,
                    Points = carried.BacklogItem!.Estimate ?? carried.Points, Outcome = SprintItemOutcome.InSprint, PlannedAt = now,
                });
            }
        }

        var committed = counted.Sum(i => i.Points);
        var donePoints = counted.Where(i => i.Outcome == SprintItemOutcome.Done).Sum(i => i.Points);
        CommittedPoints = committed;
        DonePoints = donePoints;
        ReturnedPoints = committed - donePoints;
        State = SprintState.Closed;
        ClosedAt = now;
        return new SprintClosing(committed, donePoints, unfinished.Count);
    }

    private List<SprintItem> CountedItems() => Items.Where(i => i.Counts).OrderBy(i => i.PlannedAt).ThenBy(i => i.Id).ToList();
}

/// <summary>What closing a sprint froze: points committed and done, and how many items were not done.</summary>
public sealed record SprintClosing(int CommittedPoints, int DonePoints, int UnfinishedItems);

/// <summary>
/// Remaining points of a sprint at the end of one day, written whenever work in the sprint changes.
/// The burndown is drawn from these rows alone, so a closed sprint's chart never changes even when its
/// unfinished items are later re-estimated or done in another sprint.
/// </summary>
public sealed class SprintDaySnapshot
{
    public int Id { get; set; }
    public int SprintId { get; set; }
    public Sprint? Sprint { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>Points of the sprint's items not yet done at the end of the day.</summary>
    public int RemainingPoints { get; set; }

    /// <summary>Points planned into the sprint at the end of the day (scope changes show as a step).</summary>
    public int ScopePoints { get; set; }
}
