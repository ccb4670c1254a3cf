using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;
using ProductRoles.Web.Features.Scrum.Charts;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Features.Scrum.SprintReview;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Scrum.Sprints;

/// <summary>Planning, the board, closing and the review, each in a product of its own so the demo sprint stays active.</summary>
[Collection(AppCollection.Name)]
public sealed class SprintFlowTests(AppFixture app)
{
    /// <summary>The product of the running test (xunit makes a new instance of the class per test).</summary>
    private TestProduct _product = null!;

    /// <summary>A product of the test's own whose backlog holds these chores, top to bottom.</summary>
    private async Task<(string Slug, int[] Items)> ProductWithBacklogAsync(params (string Title, int? Estimate, BacklogItemStatus Status)[] items)
    {
        _product = await app.NewProduct("Sprint flow").BuildAsync();
        var ids = new List<int>();
        foreach (var (title, estimate, status) in items)
        {
            var id = await _product.BacklogItem(title).Chore().Estimate(estimate)
                .Status(status == BacklogItemStatus.Done ? BacklogItemStatus.Ready : status).CreateAsync();
            if (status == BacklogItemStatus.Done)
            {
                await _product.MarkDoneAsync(id);
            }

            ids.Add(id);
        }

        return (_product.Slug, [.. ids]);
    }

    private Task<int> CreateSprintAsync(string slug, string name, DateOnly start) =>
        app.AsUserAsync(AppFixture.Sm, sender => sender.Send(new CreateSprint(slug, name, "Ship the one-page checkout", start, start.AddDays(13), 10, false)));

    private Task SendAsync<T>(string who, Mediator.ICommand<T> command) => app.AsUserAsync(who, async sender => await sender.Send(command));

    private Task SetDoneAsync(int itemId) => _product.MarkDoneAsync(itemId);

    [Fact]
    public async Task Planning_offers_ready_items_first_with_a_running_total_against_capacity()
    {
        var (slug, items) = await ProductWithBacklogAsync(("New on top", 3, BacklogItemStatus.New), ("Ready second", 5, BacklogItemStatus.Ready), ("Ready third", 8, BacklogItemStatus.Ready),
            ("Done already", 2, BacklogItemStatus.Done));
        var sprint = await CreateSprintAsync(slug, "Planning sprint", new DateOnly(2043, 1, 1));

        var planning = await app.AsUserAsync(AppFixture.Po, sender => sender.Send(new GetSprint(slug, sprint)));
        Assert.Equal(["Ready second", "Ready third", "New on top"], planning.Candidates.Select(c => c.Title));
        Assert.Equal([5, 13, 16], planning.Candidates.Select(c => c.RunningTotal));

        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[1]));
        planning = await app.AsUserAsync(AppFixture.Po, sender => sender.Send(new GetSprint(slug, sprint)));
        Assert.Equal(5, planning.PlannedPoints);
        Assert.Equal([13, 16], planning.Candidates.Select(c => c.RunningTotal));
        Assert.Equal(BacklogItemStatus.Planned, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == items[1]).Select(i => i.Status).SingleAsync()));

        await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[3])));
        await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[1])));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(AppFixture.Dev, new PlanSprintItem(slug, sprint, items[2])));

        await SendAsync(AppFixture.Po, new UnplanSprintItem(slug, sprint, items[1]));
        Assert.Equal(BacklogItemStatus.Ready, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == items[1]).Select(i => i.Status).SingleAsync()));
        Assert.False(await app.QueryAsync(db => db.SprintItems.AnyAsync(i => i.SprintId == sprint)));
    }

    [Fact]
    public async Task Closing_forms_the_increment_returns_unfinished_items_to_the_top_and_keeps_a_snapshot_once()
    {
        var (slug, items) = await ProductWithBacklogAsync(("Wallets", 5, BacklogItemStatus.Ready), ("Refunds", 3, BacklogItemStatus.Ready), ("Receipts", 2, BacklogItemStatus.Ready),
            ("Already top of backlog", 8, BacklogItemStatus.Ready));
        var sprint = await CreateSprintAsync(slug, "Closing sprint", new DateOnly(2026, 11, 20));
        foreach (var id in items.Take(3))
        {
            await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, id));
        }

        await SendAsync(AppFixture.Sm, new StartSprint(slug, sprint, 0));
        await SendAsync(AppFixture.Dev, new MoveSprintCard(slug, sprint, items[1], BoardColumn.InProgress, await VersionAsync(items[1])));
        await SetDoneAsync(items[0]);
        await SendAsync(AppFixture.Dev, new RecordSprintProgress(slug, sprint));

        var version = await app.QueryAsync(db => db.Sprints.Where(s => s.Id == sprint).Select(s => s.Version).SingleAsync());
        await SendAsync(AppFixture.Po, new CloseSprint(slug, sprint, UnfinishedWork.ReturnToBacklog, version));

        var closed = await app.QueryAsync(db => db.Sprints.SingleAsync(s => s.Id == sprint));
        Assert.Equal(SprintState.Closed, closed.State);
        Assert.Equal((10, 5, 5), (closed.CommittedPoints!.Value, closed.DonePoints!.Value, closed.ReturnedPoints!.Value));
        var backlog = await app.QueryAsync(db => db.BacklogItems.Where(i => i.ProductId == closed.ProductId && i.Status != BacklogItemStatus.Done)
            .OrderBy(i => i.Rank).Select(i => i.Title).ToListAsync());
        Assert.Equal(["Refunds", "Receipts", "Already top of backlog"], backlog);
        var outcomes = await app.QueryAsync(db => db.SprintItems.Where(i => i.SprintId == sprint).OrderBy(i => i.BacklogItemId).Select(i => i.Outcome).ToListAsync());
        Assert.Equal([SprintItemOutcome.Done, SprintItemOutcome.ReturnedToBacklog, SprintItemOutcome.ReturnedToBacklog], outcomes);

        var again = await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(AppFixture.Po, new CloseSprint(slug, sprint, UnfinishedWork.ReturnToBacklog, closed.Version)));
        Assert.Contains("closes once", again.Errors[""].Single(), StringComparison.Ordinal);

        var review = await app.AsUserAsync(AppFixture.Stakeholder, sender => sender.Send(new GetSprintReview(slug, sprint)));
        Assert.Equal(["Wallets"], review.Increment.Select(i => i.Title));
        Assert.Equal(["Refunds", "Receipts"], review.NotDone.Select(i => i.Title));
        Assert.Equal(5, review.Done);
    }

    [Fact]
    public async Task Unfinished_items_can_move_into_the_next_planned_sprint()
    {
        var (slug, items) = await ProductWithBacklogAsync(("Spills over", 5, BacklogItemStatus.Ready), ("Finished", 3, BacklogItemStatus.Ready));
        var sprint = await CreateSprintAsync(slug, "This sprint", new DateOnly(2026, 11, 20));
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[0]));
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[1]));
        await SendAsync(AppFixture.Sm, new StartSprint(slug, sprint, 0));
        var next = await CreateSprintAsync(slug, "Next sprint", new DateOnly(2026, 12, 4));
        await SetDoneAsync(items[1]);

        var version = await app.QueryAsync(db => db.Sprints.Where(s => s.Id == sprint).Select(s => s.Version).SingleAsync());
        await SendAsync(AppFixture.Sm, new CloseSprint(slug, sprint, UnfinishedWork.MoveToNextSprint, version));

        var nextItems = await app.QueryAsync(db => db.SprintItems.Where(i => i.SprintId == next).Select(i => new { i.BacklogItemId, i.Outcome }).ToListAsync());
        Assert.Equal(items[0], Assert.Single(nextItems).BacklogItemId);
        Assert.Equal(SprintItemOutcome.MovedToNextSprint,
            await app.QueryAsync(db => db.SprintItems.Where(i => i.SprintId == sprint && i.BacklogItemId == items[0]).Select(i => i.Outcome).SingleAsync()));
        Assert.Equal(BacklogItemStatus.Planned, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == items[0]).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_burndown_of_a_running_sprint_is_recorded_day_by_day_from_its_sprint_backlog()
    {
        var (slug, items) = await ProductWithBacklogAsync(("Five", 5, BacklogItemStatus.Ready), ("Three", 3, BacklogItemStatus.Ready));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sprint = await CreateSprintAsync(slug, "Burning sprint", today);
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[0]));
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[1]));
        await SendAsync(AppFixture.Sm, new StartSprint(slug, sprint, 0));
        await SetDoneAsync(items[1]);
        await SendAsync(AppFixture.Dev, new RecordSprintProgress(slug, sprint));

        var day = await app.QueryAsync(db => db.SprintDaySnapshots.SingleAsync(d => d.SprintId == sprint));
        Assert.Equal((today, 8, 5), (day.Day, day.ScopePoints, day.RemainingPoints));
        var details = await app.AsUserAsync(AppFixture.Pm, sender => sender.Send(new GetSprint(slug, sprint)));
        Assert.Equal(8, details.Burndown!.CommittedPoints);
        Assert.Equal(5, details.Burndown.Points[0].Remaining);
        Assert.Equal(8m, details.Burndown.Points[0].Ideal);
    }

    [Fact]
    public async Task Marking_an_item_done_from_its_item_page_burns_down_the_active_sprint_today()
    {
        var (slug, items) = await ProductWithBacklogAsync(("Five", 5, BacklogItemStatus.Ready), ("Three", 3, BacklogItemStatus.Ready));
        await SendAsync(AppFixture.Po, new EditDefinitionOfDone(slug, "Code reviewed\nTests pass", 0));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sprint = await CreateSprintAsync(slug, "Item page sprint", today);
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[0]));
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[1]));
        await SendAsync(AppFixture.Sm, new StartSprint(slug, sprint, 0));
        Assert.Equal(8, (await TodayAsync(sprint)).RemainingPoints);

        // Done from the item's own page, not from the sprint board.
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var item = await dev.GetPageAsync($"/p/{slug}/backlog/{items[1]}");
        var checklist = await dev.GetPageAsync(item.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Mark as Done").GetAttribute("href")!);
        var ticks = checklist.QuerySelectorAll("input[type=checkbox][name$='.Checked']").ToDictionary(b => b.GetAttribute("name")!, _ => "true");
        using var done = await dev.SubmitAsync(checklist, "#done-form", ticks);
        Assert.Contains("is Done", (await dev.FollowAsync(done)).Text("[role=status]"));

        var day = await TodayAsync(sprint);
        Assert.Equal((8, 5), (day.ScopePoints, day.RemainingPoints));
        // What the chart shows for today once today is over: the recorded row, not a live figure.
        var days = await app.QueryAsync(db => db.SprintDaySnapshots.Where(d => d.SprintId == sprint)
            .Select(d => new DayRemaining(d.Day, d.RemainingPoints, d.ScopePoints)).ToListAsync());
        Assert.Equal(5, Burndown.Build(today, today.AddDays(13), days, today.AddDays(1)).Points[0].Remaining);
    }

    [Fact]
    public async Task Reopening_a_done_item_by_editing_its_status_puts_its_points_back_on_todays_burndown()
    {
        var (slug, items) = await ProductWithBacklogAsync(("Five", 5, BacklogItemStatus.Ready), ("Three", 3, BacklogItemStatus.Ready));
        await SendAsync(AppFixture.Po, new EditDefinitionOfDone(slug, "Code reviewed", 0));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sprint = await CreateSprintAsync(slug, "Reopen sprint", today);
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[0]));
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[1]));
        await SendAsync(AppFixture.Sm, new StartSprint(slug, sprint, 0));
        var checklist = await app.AsUserAsync(AppFixture.Dev, s => s.Send(new GetDoneChecklist(slug, items[0])));
        await SendAsync(AppFixture.Dev, new MarkBacklogItemDone(slug, items[0], checklist.DefinitionOfDoneVersionId!.Value,
            [.. checklist.Criteria.Select(c => new DoneCriterionInput(c.Id, true, false, null))], checklist.ItemVersion));
        Assert.Equal(3, (await TodayAsync(sprint)).RemainingPoints);

        await SendAsync(AppFixture.Po, new EditBacklogItem(slug, items[0], new BacklogItemFields(BacklogItemType.Chore, "Five", null, null, null, null, 5,
            BacklogItemStatus.InProgress, null, null, null), await VersionAsync(items[0])));

        Assert.Equal(8, (await TodayAsync(sprint)).RemainingPoints);
    }

    private Task<SprintDaySnapshot> TodayAsync(int sprintId) => app.QueryAsync(db =>
        db.SprintDaySnapshots.AsNoTracking().SingleAsync(d => d.SprintId == sprintId && d.Day == DateOnly.FromDateTime(DateTime.UtcNow)));

    private Task<int> VersionAsync(int itemId) => app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync());
}
