using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Tests.Domain;

/// <summary>A handler that forgets to load what a sprint rule needs is told what is missing, rather than getting a NullReferenceException.</summary>
public sealed class SprintMisuseTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private static Sprint Active() => new() { Id = 7, ProductId = 3, Name = "Sprint 12", Goal = "Cards that pay", State = SprintState.Active };

    [Fact]
    public void Unplanning_or_moving_a_card_without_its_backlog_item_says_to_load_it()
    {
        var sprint = Active();
        var row = new SprintItem { ProductId = 3, SprintId = 7, Sprint = sprint, BacklogItemId = 12, Title = "Refund by wallet" };
        sprint.Items.Add(row);

        Assert.Equal("Load the sprint item's backlog item first.", Assert.Throws<InvalidOperationException>(() => sprint.Unplan(row, Now)).Message);
        Assert.Equal("Load the sprint item's backlog item first.", Assert.Throws<InvalidOperationException>(() => row.MoveCard(BacklogItemStatus.InProgress, Now)).Message);
    }

    [Fact]
    public void Moving_a_card_without_its_sprint_says_to_load_it()
    {
        var row = new SprintItem { ProductId = 3, SprintId = 7, BacklogItemId = 12, Title = "Refund by wallet" };
        Assert.Equal("Load the sprint item's sprint first.", Assert.Throws<InvalidOperationException>(row.EnsureCardCanMove).Message);
    }

    [Fact]
    public void Closing_without_a_rank_for_each_unfinished_item_says_how_many_are_needed()
    {
        var sprint = Active();
        var item = new BacklogItem { Id = 12, ProductId = 3, Title = "Refund by wallet", Estimate = 3, Status = BacklogItemStatus.InProgress, Rank = "a5" };
        sprint.Items.Add(new SprintItem { ProductId = 3, SprintId = 7, Sprint = sprint, BacklogItemId = 12, BacklogItem = item, Title = item.Title, Points = 3 });

        var ex = Assert.Throws<ArgumentException>(() => sprint.Close(Now, next: null, returnedRanks: []));
        Assert.StartsWith("Give one rank per unfinished item (1).", ex.Message, StringComparison.Ordinal);
        Assert.Equal(SprintState.Active, sprint.State);
    }
}
