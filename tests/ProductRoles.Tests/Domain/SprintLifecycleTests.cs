using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Tests.Domain;

/// <summary>The sprint's own rules, without a database: start, plan, unplan, close, and cards on the board.</summary>
public sealed class SprintLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private static Sprint NewSprint(SprintState state = SprintState.Planned, int capacity = 10) => new()
    {
        Id = 7, ProductId = 3, Name = "Sprint 12", Goal = "Cards that pay", State = state, Capacity = capacity,
        StartDate = new DateOnly(2026, 11, 16), EndDate = new DateOnly(2026, 11, 29),
    };

    private static BacklogItem Item(int id, int? estimate, BacklogItemStatus status = BacklogItemStatus.Ready) => new()
    {
        Id = id, ProductId = 3, Title = "Item " + id, Estimate = estimate, Status = status, Rank = "a" + id,
    };

    private static string Message(DomainRuleException ex, string field = "") => Assert.Single(ex.Errors[field]);

    [Fact]
    public void A_planned_sprint_starts_when_no_other_sprint_is_active()
    {
        var sprint = NewSprint();
        sprint.Start(Now, otherActiveSprint: null);
        Assert.Equal((SprintState.Active, (DateTime?)Now), (sprint.State, sprint.StartedAt));
    }

    [Fact]
    public void A_sprint_does_not_start_while_another_is_active_and_stays_planned()
    {
        var sprint = NewSprint();
        var ex = Assert.Throws<DomainRuleException>(() => sprint.Start(Now, "Sprint 11"));
        Assert.Equal("Sprint 11 is still active. Close it before starting the next sprint.", Message(ex));
        Assert.Equal((SprintState.Planned, (DateTime?)null), (sprint.State, sprint.StartedAt));
    }

    [Theory]
    [InlineData(SprintState.Active, "This sprint has already started.")]
    [InlineData(SprintState.Closed, "This sprint is closed; a sprint runs once.")]
    public void A_sprint_starts_once(SprintState state, string message)
    {
        var sprint = NewSprint(state);
        Assert.Equal(message, Message(Assert.Throws<DomainRuleException>(() => sprint.Start(Now, null))));
        Assert.Equal(state, sprint.State);
        Assert.Null(sprint.StartedAt);
    }

    [Fact]
    public void Planning_pulls_a_ready_item_in_at_its_estimate_and_counts_it_against_capacity()
    {
        var sprint = NewSprint(capacity: 10);
        var first = sprint.Plan(Item(1, 8), inAnotherSprint: false, Now);
        Assert.Equal((SprintItemOutcome.InSprint, 8, Now, 1, "Item 1"), (first.Outcome, first.Points, first.PlannedAt, first.BacklogItemId, first.Title));
        Assert.Equal((BacklogItemStatus.Planned, Now), (first.BacklogItem!.Status, first.BacklogItem.UpdatedAt));
        Assert.Equal((8, 0), (sprint.PlannedPoints(), sprint.PointsOverCapacity()));

        // Beyond capacity is the team's call: allowed, and shown.
        sprint.Plan(Item(2, 5, BacklogItemStatus.New), inAnotherSprint: false, Now);
        Assert.Equal((13, 3), (sprint.PlannedPoints(), sprint.PointsOverCapacity()));
        Assert.Equal(2, sprint.Items.Count);
    }

    [Fact]
    public void An_unestimated_item_is_planned_at_zero_points()
    {
        var row = NewSprint().Plan(Item(1, null, BacklogItemStatus.New), false, Now);
        Assert.Equal(0, row.Points);
    }

    [Theory]
    [InlineData(BacklogItemStatus.Planned)]
    [InlineData(BacklogItemStatus.InProgress)]
    [InlineData(BacklogItemStatus.Done)]
    [InlineData(BacklogItemStatus.Removed)]
    public void Only_new_or_ready_items_are_planned(BacklogItemStatus status)
    {
        var sprint = NewSprint();
        var item = Item(4, 3, status);
        var ex = Assert.Throws<DomainRuleException>(() => sprint.Plan(item, false, Now));
        Assert.Equal($"#4 Item 4 is {status}; only New or Ready items can be planned into a sprint.", Message(ex));
        Assert.Empty(sprint.Items);
        Assert.Equal(status, item.Status);
    }

    [Fact]
    public void An_item_is_in_one_sprint_at_a_time()
    {
        var sprint = NewSprint();
        var ex = Assert.Throws<DomainRuleException>(() => sprint.Plan(Item(5, 3), inAnotherSprint: true, Now));
        Assert.Equal("#5 Item 5 is already in a sprint.", Message(ex));
        Assert.Empty(sprint.Items);
    }

    [Fact]
    public void An_item_taken_out_of_a_running_sprint_comes_back_on_its_old_row_at_todays_estimate()
    {
        var sprint = NewSprint(SprintState.Active);
        var item = Item(6, 3);
        var row = sprint.Plan(item, false, Now.AddDays(-2));
        sprint.Unplan(row, Now.AddDays(-1));
        Assert.Equal((SprintItemOutcome.Removed, BacklogItemStatus.Ready), (row.Outcome, item.Status));
        Assert.Equal(0, sprint.PlannedPoints());

        item.Estimate = 5;
        var again = sprint.Plan(item, false, Now);
        Assert.Same(row, again);
        Assert.Equal((SprintItemOutcome.InSprint, 5, Now), (again.Outcome, again.Points, again.PlannedAt));
        Assert.Single(sprint.Items);
    }

    [Fact]
    public void A_planned_item_counts_once_even_if_planned_again()
    {
        var sprint = NewSprint();
        var item = Item(6, 3);
        sprint.Plan(item, false, Now);
        item.Status = BacklogItemStatus.Ready; // as a stale form would claim
        Assert.Equal("#6 Item 6 is already in a sprint.", Message(Assert.Throws<DomainRuleException>(() => sprint.Plan(item, false, Now))));
    }

    [Fact]
    public void A_closed_sprints_backlog_no_longer_changes()
    {
        var sprint = NewSprint(SprintState.Closed);
        const string message = "This sprint is closed; its sprint backlog can no longer change.";
        Assert.Equal(message, Message(Assert.Throws<DomainRuleException>(() => sprint.Plan(Item(1, 3), false, Now))));
        var row = new SprintItem { Title = "Item 2", BacklogItemId = 2, BacklogItem = Item(2, 3, BacklogItemStatus.Planned), Sprint = sprint };
        sprint.Items.Add(row);
        Assert.Equal(message, Message(Assert.Throws<DomainRuleException>(() => sprint.Unplan(row, Now))));
        Assert.Equal(SprintItemOutcome.InSprint, row.Outcome);
    }

    [Fact]
    public void Unplanning_before_the_sprint_starts_drops_the_row_and_returns_the_item_as_it_was()
    {
        var sprint = NewSprint();
        var estimated = Item(1, 3);
        var unestimated = Item(2, null, BacklogItemStatus.New);
        var first = sprint.Plan(estimated, false, Now);
        var second = sprint.Plan(unestimated, false, Now);
        sprint.Unplan(first, Now.AddHours(1));
        sprint.Unplan(second, Now.AddHours(1));
        Assert.Empty(sprint.Items);
        Assert.Equal((BacklogItemStatus.Ready, BacklogItemStatus.New), (estimated.Status, unestimated.Status));
        Assert.Equal(Now.AddHours(1), estimated.UpdatedAt);
    }

    [Fact]
    public void A_done_item_stays_in_the_increment()
    {
        var sprint = NewSprint(SprintState.Active);
        var item = Item(1, 3);
        var row = sprint.Plan(item, false, Now);
        item.Status = BacklogItemStatus.Done;
        Assert.Equal("This item is Done; it stays in the sprint's increment.", Message(Assert.Throws<DomainRuleException>(() => sprint.Unplan(row, Now))));
        Assert.Equal(SprintItemOutcome.InSprint, row.Outcome);
        Assert.Equal(BacklogItemStatus.Done, item.Status);
    }

    [Theory]
    [InlineData(SprintState.Planned, "This sprint hasn't started; start it before closing it.")]
    [InlineData(SprintState.Closed, "This sprint is already closed; a sprint closes once.")]
    public void Only_an_active_sprint_closes(SprintState state, string message)
    {
        var sprint = NewSprint(state);
        Assert.Equal(message, Message(Assert.Throws<DomainRuleException>(() => sprint.Close(Now, null, []))));
        Assert.Equal(state, sprint.State);
        Assert.Null(sprint.CommittedPoints);
    }

    /// <summary>An active sprint with a done 5, an unfinished 3 in progress and an unfinished 8, planned in that order, and one removed 2.</summary>
    private static (Sprint Sprint, BacklogItem Done, BacklogItem InProgress, BacklogItem Untouched) RunningSprint()
    {
        var sprint = NewSprint();
        var done = Item(1, 5);
        var inProgress = Item(2, 3);
        var untouched = Item(3, 8);
        var removed = Item(4, 2);
        sprint.Plan(done, false, Now.AddHours(1));
        sprint.Plan(untouched, false, Now.AddHours(3));
        sprint.Plan(inProgress, false, Now.AddHours(2));
        var removedRow = sprint.Plan(removed, false, Now.AddHours(4));
        sprint.Start(Now.AddHours(5), null);
        sprint.Unplan(removedRow, Now.AddHours(6));
        done.Status = BacklogItemStatus.Done;
        inProgress.Status = BacklogItemStatus.InProgress;
        return (sprint, done, inProgress, untouched);
    }

    [Fact]
    public void Closing_returns_unfinished_items_to_the_backlog_in_sprint_order_and_freezes_the_numbers()
    {
        var (sprint, done, inProgress, untouched) = RunningSprint();
        Assert.Equal([inProgress, untouched], sprint.UnfinishedItems().Select(i => i.BacklogItem));

        var closing = sprint.Close(Now.AddDays(1), null, ["0a", "0b"]);

        Assert.Equal(new SprintClosing(16, 5, 2), closing);
        Assert.Equal((SprintState.Closed, (DateTime?)Now.AddDays(1)), (sprint.State, sprint.ClosedAt));
        Assert.Equal((16, 5, 11), (sprint.CommittedPoints, sprint.DonePoints, sprint.ReturnedPoints));
        Assert.Equal([SprintItemOutcome.Done, SprintItemOutcome.ReturnedToBacklog, SprintItemOutcome.ReturnedToBacklog, SprintItemOutcome.Removed],
            sprint.Items.OrderBy(i => i.BacklogItemId).Select(i => i.Outcome));
        Assert.Equal(("0a", BacklogItemStatus.Ready), (inProgress.Rank, inProgress.Status));
        Assert.Equal(("0b", BacklogItemStatus.Ready), (untouched.Rank, untouched.Status));
        Assert.Equal(("a1", BacklogItemStatus.Done), (done.Rank, done.Status));
    }

    [Fact]
    public void Closing_adds_up_every_done_item_and_returns_items_planned_at_the_same_moment_in_the_order_they_were_added()
    {
        var sprint = NewSprint();
        var items = new[] { Item(1, 5), Item(2, 3), Item(3, 8), Item(4, 2) };
        foreach (var item in items)
        {
            sprint.Plan(item, false, Now);
        }

        // Ids as saved: the order they were added in.
        for (var n = 0; n < sprint.Items.Count; n++)
        {
            sprint.Items[n].Id = 100 + n;
        }

        sprint.Start(Now, null);
        items[0].Status = BacklogItemStatus.Done;
        items[1].Status = BacklogItemStatus.Done;

        var closing = sprint.Close(Now, null, ["0a", "0b"]);

        Assert.Equal(new SprintClosing(18, 8, 2), closing);
        Assert.Equal(("0a", "0b"), (items[2].Rank, items[3].Rank));
    }

    [Fact]
    public void Closing_into_the_next_sprint_carries_unfinished_work_on_as_it_stands()
    {
        var (sprint, _, inProgress, untouched) = RunningSprint();
        var next = NewSprint();
        next.Id = 8;
        untouched.Estimate = 13;

        var closing = sprint.Close(Now.AddDays(1), next, []);

        Assert.Equal(2, closing.UnfinishedItems);
        Assert.Equal([(2, 3), (3, 13)], next.Items.Select(i => (i.BacklogItemId, i.Points)));
        Assert.All(next.Items, i => Assert.Equal((SprintItemOutcome.InSprint, 8, 3, Now.AddDays(1)), (i.Outcome, i.SprintId, i.ProductId, i.PlannedAt)));
        Assert.Equal(BacklogItemStatus.InProgress, inProgress.Status);
        Assert.Equal("a3", untouched.Rank);
        Assert.Equal(2, sprint.Items.Count(i => i.Outcome == SprintItemOutcome.MovedToNextSprint));
    }

    [Fact]
    public void Unfinished_work_moves_only_into_another_planned_sprint_of_the_product()
    {
        var (sprint, _, _, _) = RunningSprint();
        var active = NewSprint(SprintState.Active);
        var otherProduct = NewSprint();
        otherProduct.ProductId = 99;
        const string message = "Unfinished items move only into a planned sprint of the same product.";
        Assert.Equal(message, Message(Assert.Throws<DomainRuleException>(() => sprint.Close(Now, sprint, []))));
        Assert.Equal(message, Message(Assert.Throws<DomainRuleException>(() => sprint.Close(Now, active, []))));
        Assert.Equal(message, Message(Assert.Throws<DomainRuleException>(() => sprint.Close(Now, otherProduct, []))));
        Assert.Equal(SprintState.Active, sprint.State);
    }

    [Fact]
    public void Returning_to_the_backlog_needs_a_rank_for_each_unfinished_item()
    {
        var (sprint, _, _, _) = RunningSprint();
        Assert.Throws<ArgumentException>(() => sprint.Close(Now, null, ["0a"]));
        Assert.Equal(SprintState.Active, sprint.State);
    }

    [Theory]
    [InlineData("2026-11-10", "2026-11-16")]
    [InlineData("2026-11-16", "2026-11-16")]
    [InlineData("2026-11-20", "2026-11-20")]
    [InlineData("2026-11-29", "2026-11-29")]
    [InlineData("2026-12-03", "2026-11-29")]
    public void A_change_counts_on_a_day_of_the_sprint(string today, string counted) =>
        Assert.Equal(DateOnly.Parse(counted, System.Globalization.CultureInfo.InvariantCulture),
            NewSprint().DayOfSprint(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    private static SprintItem Card(SprintState state, BacklogItemStatus status)
    {
        var sprint = NewSprint(state);
        var row = new SprintItem { Title = "Card", BacklogItemId = 1, BacklogItem = Item(1, 3, status), Sprint = sprint, Outcome = SprintItemOutcome.InSprint };
        sprint.Items.Add(row);
        return row;
    }

    [Theory]
    [InlineData(BacklogItemStatus.Planned, BacklogItemStatus.InProgress)]
    [InlineData(BacklogItemStatus.InProgress, BacklogItemStatus.Planned)]
    [InlineData(BacklogItemStatus.InProgress, BacklogItemStatus.InProgress)]
    public void Cards_move_between_to_do_and_in_progress_while_the_sprint_is_active(BacklogItemStatus from, BacklogItemStatus to)
    {
        var card = Card(SprintState.Active, from);
        card.MoveCard(to, Now);
        Assert.Equal((to, Now), (card.BacklogItem!.Status, card.BacklogItem.UpdatedAt));
    }

    [Theory]
    [InlineData(SprintState.Planned)]
    [InlineData(SprintState.Closed)]
    public void Cards_move_only_while_their_sprint_is_active(SprintState state)
    {
        var card = Card(state, BacklogItemStatus.Planned);
        const string message = "Cards move only while their sprint is active.";
        Assert.Equal(message, Message(Assert.Throws<DomainRuleException>(() => card.MoveCard(BacklogItemStatus.InProgress, Now))));
        Assert.Equal(message, Message(Assert.Throws<DomainRuleException>(card.EnsureCardCanMove)));
        Assert.Equal(BacklogItemStatus.Planned, card.BacklogItem!.Status);
    }

    [Theory]
    [InlineData(BacklogItemStatus.Done, "An item reaches Done through the Definition of Done checklist.")]
    [InlineData(BacklogItemStatus.Ready, "Choose a column.")]
    [InlineData(BacklogItemStatus.Removed, "Choose a column.")]
    public void A_card_moves_only_into_the_boards_own_columns(BacklogItemStatus to, string message)
    {
        var card = Card(SprintState.Active, BacklogItemStatus.Planned);
        Assert.Equal(message, Message(Assert.Throws<DomainRuleException>(() => card.MoveCard(to, Now)), "To"));
        Assert.Equal(BacklogItemStatus.Planned, card.BacklogItem!.Status);
    }

    [Fact]
    public void A_done_card_stays_done()
    {
        var card = Card(SprintState.Active, BacklogItemStatus.Done);
        var ex = Assert.Throws<DomainRuleException>(() => card.MoveCard(BacklogItemStatus.InProgress, Now));
        Assert.Equal("This item is Done: it met the Definition of Done and stays in the increment.", Message(ex));
        Assert.Equal(BacklogItemStatus.Done, card.BacklogItem!.Status);
    }
}
