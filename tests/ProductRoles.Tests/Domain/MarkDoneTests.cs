using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.DefinitionOfDone;

namespace ProductRoles.Tests.Domain;

/// <summary>Marking an item Done against the Definition of Done, without a database.</summary>
public sealed class MarkDoneTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private static DefinitionOfDoneVersion Dod()
    {
        var dod = new DefinitionOfDoneVersion { Id = 40, ProductId = 3, Number = 2, CreatedBy = "Priya" };
        // Stored out of order: the checklist follows the positions.
        dod.Criteria.Add(new DefinitionOfDoneCriterion { Id = 12, Position = 1, Text = "Tests pass" });
        dod.Criteria.Add(new DefinitionOfDoneCriterion { Id = 11, Position = 0, Text = "Code reviewed" });
        return dod;
    }

    private static BacklogItem Item(BacklogItemStatus status = BacklogItemStatus.InProgress) =>
        new() { Id = 5, ProductId = 3, Title = "Saved cards", Status = status, Rank = "a0", Estimate = 5 };

    [Fact]
    public void An_item_with_every_criterion_ticked_or_waived_with_a_reason_is_done_and_records_how()
    {
        var item = Item();
        var record = item.MarkDone(Dod(), 40, [new DoneAnswer(12, false, true, "  Flaky suite, tracked in #9  "), new DoneAnswer(11, true, false, "ignored")],
            "Dana Kim", Now);

        Assert.Equal((BacklogItemStatus.Done, Now), (item.Status, item.UpdatedAt));
        Assert.Equal((5, 40, 2, "Dana Kim", Now), (record.BacklogItemId, record.DefinitionOfDoneVersionId, record.DefinitionOfDoneNumber, record.CheckedBy, record.CheckedAt));
        Assert.Equal([(0, "Code reviewed", false, null), (1, "Tests pass", true, "Flaky suite, tracked in #9")],
            record.Criteria.Select(c => (c.Position, c.Text, c.Waived, c.WaiverReason)));
    }

    [Fact]
    public void Each_criterion_not_met_gets_its_own_message_in_the_checklists_order_and_nothing_changes()
    {
        var item = Item();
        var ex = Assert.Throws<DomainRuleException>(() =>
            item.MarkDone(Dod(), 40, [new DoneAnswer(12, false, true, " ")], "Dana Kim", Now));

        Assert.Equal(["Criteria[0].Checked", "Criteria[1].WaiverReason"], ex.Errors.Keys.Order());
        Assert.Equal("Tick this criterion, or waive it with a reason.", Assert.Single(ex.Errors["Criteria[0].Checked"]));
        Assert.Equal("Say why this criterion is waived.", Assert.Single(ex.Errors["Criteria[1].WaiverReason"]));
        Assert.Equal(BacklogItemStatus.InProgress, item.Status);
        Assert.Equal(default, item.UpdatedAt);
    }

    [Fact]
    public void An_answer_neither_ticked_nor_waived_does_not_count()
    {
        var item = Item();
        var ex = Assert.Throws<DomainRuleException>(() =>
            item.MarkDone(Dod(), 40, [new DoneAnswer(11, true, false, null), new DoneAnswer(12, false, false, "reason")], "Dana Kim", Now));
        Assert.Equal(["Criteria[1].Checked"], ex.Errors.Keys);
        Assert.Equal(BacklogItemStatus.InProgress, item.Status);
    }

    [Fact]
    public void An_item_is_checked_against_the_current_version_only()
    {
        var item = Item();
        var ex = Assert.Throws<DomainRuleException>(() =>
            item.MarkDone(Dod(), 39, [new DoneAnswer(11, true, false, null), new DoneAnswer(12, true, false, null)], "Dana Kim", Now));
        Assert.Equal("The Definition of Done changed while you were checking: version 2 is current now. Check the item against it.",
            Assert.Single(ex.Errors[""]));
        Assert.Equal(BacklogItemStatus.InProgress, item.Status);
    }

    [Fact]
    public void An_item_is_done_once()
    {
        var item = Item(BacklogItemStatus.Done);
        var ex = Assert.Throws<DomainRuleException>(() => item.MarkDone(Dod(), 39, [], "Dana Kim", Now));
        Assert.Equal("This item is already Done.", Assert.Single(ex.Errors[""]));
    }

    [Theory]
    [InlineData(null, BacklogItemStatus.New)]
    [InlineData(3, BacklogItemStatus.Ready)]
    public void An_item_back_in_the_backlog_is_ready_when_estimated(int? estimate, BacklogItemStatus expected)
    {
        var item = Item();
        item.Estimate = estimate;
        item.ReturnToBacklog(Now);
        Assert.Equal((expected, "a0", Now), (item.Status, item.Rank, item.UpdatedAt));
        item.ReturnToBacklog(Now, "0z");
        Assert.Equal("0z", item.Rank);
    }
}
