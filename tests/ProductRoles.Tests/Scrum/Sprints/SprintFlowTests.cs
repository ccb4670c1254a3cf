using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;
using ProductRoles.Web.Features.Scrum.Charts;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Features.Scrum.SprintReview;
using ProductRoles.Web.Features.Scrum.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Scrum;

/// <summary>Planning, the board, closing and the review, each in a product of its own so the demo sprint stays active.</summary>
[Collection(AppCollection.Name)]
public sealed class SprintFlowTests(AppFixture app)
{
    private async Task<(string Slug, int[] Items)> ProductWithBacklogAsync(string slug, params (string Title, int? Estimate, BacklogItemStatus Status)[] items)
    {
        await app.AsUserAsync(AppFixture.Admin, async sender =>
        {
            await sender.Send(new CreateProduct("Flow " + slug, slug, LifecycleStage.Growth, null));
            await sender.Send(new SetMemberRole(slug, AppFixture.Pm, ProductRole.ProductManager));
            await sender.Send(new SetMemberRole(slug, AppFixture.Po, ProductRole.ProductOwner));
            await sender.Send(new SetMemberRole(slug, AppFixture.Sm, ProductRole.ScrumMaster));
            await sender.Send(new SetMemberRole(slug, AppFixture.Dev, ProductRole.Developer));
            await sender.Send(new SetMemberRole(slug, AppFixture.Stakeholder, ProductRole.Stakeholder));
        });
        var ids = await app.QueryAsync(async db =>
        {
            var productId = await db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var ranks = RankKey.Spread(items.Length + 1);
            var rows = items.Select((i, n) => new BacklogItem
            {
                ProductId = productId, Title = i.Title, Estimate = i.Estimate, Status = i.Status, Rank = ranks[n + 1],
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }).ToList();
            db.BacklogItems.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToArray();
        });
        return (slug, ids);
    }

    private Task<int> CreateSprintAsync(string slug, string name, DateOnly start) =>
        app.AsUserAsync(AppFixture.Sm, sender => sender.Send(new CreateSprint(slug, name, "Ship the one-page checkout", start, start.AddDays(13), 10, false)));

    private Task SendAsync<T>(string who, Mediator.ICommand<T> command) => app.AsUserAsync(who, async sender => await sender.Send(command));

    private Task SetDoneAsync(int itemId) => app.QueryAsync(async db =>
    {
        var item = await db.BacklogItems.SingleAsync(i => i.Id == itemId);
        item.Status = BacklogItemStatus.Done;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Planning_offers_ready_items_first_with_a_running_total_against_capacity()
    {
        var (slug, items) = await ProductWithBacklogAsync("flow-planning",
            ("New on top", 3, BacklogItemStatus.New), ("Ready second", 5, BacklogItemStatus.Ready), ("Ready third", 8, BacklogItemStatus.Ready),
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
        var (slug, items) = await ProductWithBacklogAsync("flow-close",
            ("Wallets", 5, BacklogItemStatus.Ready), ("Refunds", 3, BacklogItemStatus.Ready), ("Receipts", 2, BacklogItemStatus.Ready),
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
    public async Task The_review_shows_each_increment_item_with_the_definition_of_done_it_met_and_what_was_waived_and_why()
    {
        var (slug, items) = await ProductWithBacklogAsync("flow-review-dod", ("Saved cards", 5, BacklogItemStatus.Ready), ("Receipts", 3, BacklogItemStatus.Ready));
        await SendAsync(AppFixture.Po, new EditDefinitionOfDone(slug, "Code reviewed\nRelease notes written\nTests pass", 0));
        var sprint = await CreateSprintAsync(slug, "Done record sprint", new DateOnly(2026, 11, 20));
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[0]));
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[1]));
        await SendAsync(AppFixture.Sm, new StartSprint(slug, sprint, 0));
        var checklist = await app.AsUserAsync(AppFixture.Dev, sender => sender.Send(new GetDoneChecklist(slug, items[0])));
        var criteria = checklist.Criteria.Select((c, n) => n == 1
            ? new DoneCriterionInput(c.Id, false, true, "Notes go out with the marketing update")
            : new DoneCriterionInput(c.Id, true, false, null)).ToList();
        await SendAsync(AppFixture.Dev, new MarkBacklogItemDone(slug, items[0], checklist.DefinitionOfDoneVersionId!.Value, criteria, checklist.ItemVersion));
        var version = await app.QueryAsync(db => db.Sprints.Where(s => s.Id == sprint).Select(s => s.Version).SingleAsync());
        await SendAsync(AppFixture.Po, new CloseSprint(slug, sprint, UnfinishedWork.ReturnToBacklog, version));

        var page = await (await app.SharedClientAsync(AppFixture.Stakeholder)).GetPageAsync($"/p/{slug}/sprints/{sprint}/review");
        var done = Assert.Single(page.QuerySelectorAll(".increment-list .increment-item"));
        Assert.Contains($"#{items[0]} Saved cards", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("Definition of Done v1 met", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 waived", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("Release notes written: Notes go out with the marketing update", done.TextContent, StringComparison.Ordinal);
        Assert.Contains($"#{items[1]} Receipts", page.QuerySelector(".action-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 of 8 points done · 3 returned", page.QuerySelector(".page-head")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unfinished_items_can_move_into_the_next_planned_sprint()
    {
        var (slug, items) = await ProductWithBacklogAsync("flow-next", ("Spills over", 5, BacklogItemStatus.Ready), ("Finished", 3, BacklogItemStatus.Ready));
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
        var (slug, items) = await ProductWithBacklogAsync("flow-burndown", ("Five", 5, BacklogItemStatus.Ready), ("Three", 3, BacklogItemStatus.Ready));
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
        var (slug, items) = await ProductWithBacklogAsync("flow-item-done", ("Five", 5, BacklogItemStatus.Ready), ("Three", 3, BacklogItemStatus.Ready));
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
        var checklist = await dev.GetPageAsync(item.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Mark as done").GetAttribute("href")!);
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
        var (slug, items) = await ProductWithBacklogAsync("flow-reopen", ("Five", 5, BacklogItemStatus.Ready), ("Three", 3, BacklogItemStatus.Ready));
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

    [Fact]
    public async Task Developers_move_cards_and_keep_tasks_but_done_only_comes_through_the_definition_of_done()
    {
        var (slug, items) = await ProductWithBacklogAsync("flow-board", ("Card", 5, BacklogItemStatus.Ready));
        var sprint = await CreateSprintAsync(slug, "Board sprint", new DateOnly(2026, 11, 25));
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[0]));
        await SendAsync(AppFixture.Sm, new StartSprint(slug, sprint, 0));

        await SendAsync(AppFixture.Dev, new MoveSprintCard(slug, sprint, items[0], BoardColumn.InProgress, await VersionAsync(items[0])));
        await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(AppFixture.Dev, new MoveSprintCard(slug, sprint, items[0], BoardColumn.Done, 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(AppFixture.Stakeholder, new MoveSprintCard(slug, sprint, items[0], BoardColumn.ToDo, 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Stakeholder, sender => sender.Send(new GetSprintBoard(slug, sprint)).AsTask()));

        var dev = await app.QueryAsync(db => db.Users.Where(u => u.Email == AppFixture.Dev).Select(u => u.Id).SingleAsync());
        var taskId = await app.AsUserAsync(AppFixture.Dev, sender => sender.Send(new AddSprintTask(slug, sprint, items[0], "Wire the wallet button", dev, 6)));
        await SendAsync(AppFixture.Dev, new UpdateSprintTask(slug, sprint, taskId, dev, 2, Web.Domain.Sprints.SprintTaskState.InProgress, 0));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => SendAsync(AppFixture.Sm, new UpdateSprintTask(slug, sprint, taskId, null, 1, Web.Domain.Sprints.SprintTaskState.ToDo, 0)));

        var board = await app.AsUserAsync(AppFixture.Pm, sender => sender.Send(new GetSprintBoard(slug, sprint)));
        var card = Assert.Single(board.In(BoardColumn.InProgress));
        var task = Assert.Single(card.Tasks);
        Assert.Equal(("Wire the wallet button", "Dana Kim (Developer)", 2), (task.Title, task.Owner, task.RemainingHours));
        Assert.False(board.CanMove);
    }

    [Fact]
    public async Task Stakeholder_feedback_on_a_review_lands_in_the_product_owners_inbox_linked_to_the_review()
    {
        var (slug, items) = await ProductWithBacklogAsync("flow-review", ("Reviewed", 3, BacklogItemStatus.Ready));
        var sprint = await CreateSprintAsync(slug, "Reviewed sprint", new DateOnly(2026, 11, 10));
        await SendAsync(AppFixture.Sm, new PlanSprintItem(slug, sprint, items[0]));
        await SendAsync(AppFixture.Sm, new StartSprint(slug, sprint, 0));
        await SetDoneAsync(items[0]);
        var version = await app.QueryAsync(db => db.Sprints.Where(s => s.Id == sprint).Select(s => s.Version).SingleAsync());
        await SendAsync(AppFixture.Po, new CloseSprint(slug, sprint, UnfinishedWork.ReturnToBacklog, version));

        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(AppFixture.Stakeholder, new RecordSprintReview(slug, sprint, true, "Nice", 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(AppFixture.Sm, new RecordSprintReview(slug, sprint, true, "Nice", 0)));
        await SendAsync(AppFixture.Po, new RecordSprintReview(slug, sprint, true, "Shown to finance.", 0));
        var feedbackId = await app.AsUserAsync(AppFixture.Stakeholder, sender => sender.Send(new GiveSprintReviewFeedback(slug, sprint, "Please show refunds per merchant too.")));

        var feedback = await app.QueryAsync(db => db.FeedbackItems.SingleAsync(f => f.Id == feedbackId));
        Assert.Equal((FeedbackStatus.New, FeedbackSourceKind.Stakeholder), (feedback.Status, feedback.SourceKind));
        Assert.Contains("Reviewed sprint review", feedback.SourceName, StringComparison.Ordinal);
        var review = await app.AsUserAsync(AppFixture.Po, sender => sender.Send(new GetSprintReview(slug, sprint)));
        Assert.True(review.GoalMet);
        Assert.Equal(feedbackId, Assert.Single(review.Feedback).FeedbackItemId);
        var home = await app.AsUserAsync(AppFixture.Stakeholder, sender => sender.Send(new GetMySprintReviews(50)));
        Assert.Contains(home, r => r.SprintId == sprint && r.GoalMet == true && r.FeedbackCount == 1);
    }

    private Task<SprintDaySnapshot> TodayAsync(int sprintId) => app.QueryAsync(db =>
        db.SprintDaySnapshots.AsNoTracking().SingleAsync(d => d.SprintId == sprintId && d.Day == DateOnly.FromDateTime(DateTime.UtcNow)));

    private Task<int> VersionAsync(int itemId) => app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync());
}
