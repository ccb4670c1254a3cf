using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;
using ProductRoles.Web.Features.ProductManager.Vision;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.ProductManager;

[Collection(AppCollection.Name)]
public sealed class ProductManagerHandlerTests(AppFixture app)
{
    private const string Slug = AppFixture.DemoSlug;

    [Fact]
    public async Task Saving_the_vision_adds_a_revision_and_the_comparison_marks_the_changed_words()
    {
        var board = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new GetVision(Slug)));
        var number = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new EditVision(Slug, board.Statement, board.TargetGroup,
            board.Needs + "\n- Pay in their own currency", board.ProductDetails, board.BusinessGoals, board.Version)));

        Assert.Equal(board.Revisions.Count + 1, number);
        var comparison = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new CompareVisionRevisions(Slug, number - 1, number)));
        var needs = comparison.Sections.Single(x => x.Section == "Needs");
        Assert.True(needs.Changed);
        Assert.Contains(needs.Segments, x => x.Kind == DiffKind.Added && x.Text.Contains("own currency", StringComparison.Ordinal));
        Assert.False(comparison.Sections.Single(x => x.Section == "Vision statement").Changed);
    }

    [Fact]
    public async Task A_vision_saved_from_an_old_version_is_a_conflict_and_writes_nothing()
    {
        var board = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new GetVision(Slug)));
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new EditVision(Slug, board.Statement, board.TargetGroup, board.Needs,
            board.ProductDetails, board.BusinessGoals + " ", board.Version)));
        var revisions = await app.QueryAsync(db => db.ProductVisionRevisions.CountAsync());

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.AsUserAsync(AppFixture.Pm, async s =>
            await s.Send(new EditVision(Slug, "Stale statement", null, null, null, null, board.Version))));
        Assert.Equal(revisions, await app.QueryAsync(db => db.ProductVisionRevisions.CountAsync()));
    }

    [Fact]
    public async Task Only_the_product_manager_edits_the_vision()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Po, async s =>
            await s.Send(new EditVision(Slug, "The PO's vision", null, null, null, null, 0))));
        await Assert.ThrowsAsync<NotFoundException>(() => app.AsUserAsync(AppFixture.Outsider, async s =>
            await s.Send(new GetVision(Slug))));
    }

    [Fact]
    public void Word_diff_keeps_unchanged_words_and_marks_removed_and_added_ones()
    {
        var segments = WordDiff.Compare("pay in one step", "pay in two steps");
        Assert.Equal("pay in", segments[0].Text);
        Assert.Contains(segments, x => x.Kind == DiffKind.Removed && x.Text.Contains("one", StringComparison.Ordinal));
        Assert.Contains(segments, x => x.Kind == DiffKind.Added && x.Text.Contains("two steps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_product_goal_links_to_a_company_goal_and_its_progress_follows_its_key_results()
    {
        var goals = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new GetGoals(Slug)));
        var company = goals.CompanyGoals.First();
        var id = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveGoal(Slug, 0, "Shorter refunds queue", null, GoalLevel.Product, company.Id, 0)));
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveKeyResult(Slug, id, 0, "Refund queue (h)", 48, 8, 28, new DateOnly(2027, 6, 30), 0)));

        var detail = await app.AsUserAsync(AppFixture.Po, s => s.Send(new GetGoal(Slug, id)));
        Assert.Equal(company.Title, detail.Goal.CompanyGoalTitle);
        Assert.Equal(50, detail.Goal.KeyResults.Single().Progress);
        Assert.Equal(50, detail.Goal.Progress);
    }

    [Fact]
    public async Task Key_results_need_a_metric_a_target_unlike_the_baseline_and_a_sane_due_date()
    {
        var goalId = await app.QueryAsync(db => db.Goals.Select(g => g.Id).FirstAsync());
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => app.AsUserAsync(AppFixture.Pm, async s =>
            await s.Send(new SaveKeyResult(Slug, goalId, 0, "", 5, 5, null, new DateOnly(1990, 1, 1), 0))));
        Assert.Contains("Metric", ex.Errors.Keys);
        Assert.Contains("Target", ex.Errors.Keys);
        Assert.Contains("Current", ex.Errors.Keys);
        Assert.Contains("DueOn", ex.Errors.Keys);
    }

    [Fact]
    public async Task Archived_goals_leave_the_list_until_asked_for()
    {
        var id = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveGoal(Slug, 0, "Goal to archive", null, GoalLevel.Product, null, 0)));
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SetGoalArchived(Slug, id, true, 0)));

        Assert.DoesNotContain((await app.AsUserAsync(AppFixture.Dev, s => s.Send(new GetGoals(Slug)))).Goals, g => g.Id == id);
        Assert.Contains((await app.AsUserAsync(AppFixture.Dev, s => s.Send(new GetGoals(Slug, true)))).Goals, g => g.Id == id && g.IsArchived);
    }

    [Fact]
    public async Task Insights_are_found_by_kind_tag_words_and_opportunity()
    {
        var id = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveInsight(Slug, 0, InsightKind.Survey, "Shoppers like zebra-striped buttons",
            "A *surprising* survey result about quokkas.", "Survey 99", new DateOnly(2026, 10, 1), "Design, Quirky", true, 0)));

        async Task<IReadOnlyList<int>> Find(GetInsights q) => (await app.AsUserAsync(AppFixture.Sm, s => s.Send(q))).Insights.Select(i => i.Id).ToList();
        Assert.Contains(id, await Find(new GetInsights(Slug, Search: "quokkas survey")));
        Assert.Contains(id, await Find(new GetInsights(Slug, Tag: "quirky")));
        Assert.Contains(id, await Find(new GetInsights(Slug, Kind: InsightKind.Survey, OpportunitiesOnly: true)));
        Assert.DoesNotContain(id, await Find(new GetInsights(Slug, Kind: InsightKind.Analytics)));
        Assert.DoesNotContain(id, await Find(new GetInsights(Slug, Tag: "quirk")));
        Assert.DoesNotContain(id, await Find(new GetInsights(Slug, Search: "quokkas%")));
    }

    [Fact]
    public async Task An_insight_dated_in_the_future_or_without_a_summary_is_refused()
    {
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => app.AsUserAsync(AppFixture.Pm, async s =>
            await s.Send(new SaveInsight(Slug, 0, InsightKind.Analytics, "Future", "", null, new DateOnly(2099, 1, 1), null, false, 0))));
        Assert.Contains("ObservedOn", ex.Errors.Keys);
        Assert.Contains("Summary", ex.Errors.Keys);
    }

    [Fact]
    public async Task Competitor_names_are_unique_per_product()
    {
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => app.AsUserAsync(AppFixture.Pm, async s =>
            await s.Send(new SaveCompetitor(Slug, 0, "cartflow", "x", "y", "z", 0))));
        Assert.Contains("Name", ex.Errors.Keys);
    }

    [Fact]
    public async Task A_roadmap_item_computes_its_RICE_score_and_links_goals_and_insights()
    {
        var goalId = await app.QueryAsync(db => db.Goals.Where(g => g.Level == GoalLevel.Product).Select(g => g.Id).FirstAsync());
        var insightId = await app.QueryAsync(db => db.Insights.Select(i => i.Id).FirstAsync());
        var id = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(Slug, 0, "Scored item", "An outcome", RoadmapHorizon.Later,
            "2027-q3", RoadmapItemStatus.Planned, 1000, 2, 80, 4, "secret note", [goalId], [insightId], 0)));

        var item = await app.AsUserAsync(AppFixture.Po, s => s.Send(new GetRoadmapItem(Slug, id)));
        Assert.Equal(400, item.Score);
        Assert.Equal("2027-Q3", item.TargetQuarter);
        Assert.Equal(goalId, item.Goals.Single().Id);
        Assert.Equal(insightId, item.Insights.Single().Id);
        var board = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new GetRoadmapBoard(Slug)));
        Assert.Equal(id, board.Columns.Single(c => c.Horizon == RoadmapHorizon.Later).Items[^1].Id);
    }

    [Fact]
    public async Task RICE_inputs_out_of_range_and_a_bad_quarter_are_refused_beside_their_fields()
    {
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => app.AsUserAsync(AppFixture.Pm, async s =>
            await s.Send(new SaveRoadmapItem(Slug, 0, "Bad", "Outcome", RoadmapHorizon.Now, "Q1 2027", RoadmapItemStatus.Planned,
                -1, 1.5m, 101, 0, null, [], [], 0))));
        Assert.Equal(["Confidence", "Effort", "Impact", "Reach", "TargetQuarter"], ex.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public async Task Moving_an_item_writes_only_its_own_row_with_a_rank_between_its_new_neighbours()
    {
        var ids = new List<int>();
        foreach (var title in new[] { "Move A", "Move B", "Move C" })
        {
            ids.Add(await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(Slug, 0, title, "Outcome", RoadmapHorizon.Next, null,
                RoadmapItemStatus.Planned, 10, 1, 50, 1, null, [], [], 0))));
        }

        var before = await app.QueryAsync(db => db.RoadmapItems.AsNoTracking().Where(i => i.Horizon == RoadmapHorizon.Next)
            .ToDictionaryAsync(i => i.Id, i => (i.Rank, i.Version)));
        var positionInNext = await app.QueryAsync(db => db.RoadmapItems
            .CountAsync(i => i.Horizon == RoadmapHorizon.Next && db.Products.Any(p => p.Slug == Slug && p.Id == i.ProductId)));
        var lastActivity = await app.QueryAsync(db => db.Activities.MaxAsync(a => a.Id));

        // C moves before B (the "Up" button), then to Now by drag.
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new MoveRoadmapItem(Slug, ids[2], RoadmapHorizon.Next, ids[1], before[ids[2]].Version)));

        var after = await app.QueryAsync(db => db.RoadmapItems.AsNoTracking().Where(i => i.Horizon == RoadmapHorizon.Next)
            .ToDictionaryAsync(i => i.Id, i => (i.Rank, i.Version)));
        Assert.Single(after, kv => before[kv.Key] != kv.Value);
        Assert.True(string.CompareOrdinal(after[ids[0]].Rank, after[ids[2]].Rank) < 0);
        Assert.True(string.CompareOrdinal(after[ids[2]].Rank, after[ids[1]].Rank) < 0);
        // One readable row per move, and never the raw rank key.
        var up = Assert.Single(await NewActivitiesAsync(lastActivity));
        Assert.Equal(("Moved", "Position", $"{positionInNext} in Next", $"{positionInNext - 1} in Next"), (up.Action, up.Field, up.OldValue, up.NewValue));
        Assert.Equal((nameof(RoadmapItem), ids[2].ToString(CultureInfo.InvariantCulture), "Move C"), (up.EntityType, up.EntityId, up.EntityLabel));

        lastActivity = up.Id;
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new MoveRoadmapItem(Slug, ids[2], RoadmapHorizon.Now, null, after[ids[2]].Version)));
        var board = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new GetRoadmapBoard(Slug)));
        var now = board.Columns.Single(c => c.Horizon == RoadmapHorizon.Now).Items;
        Assert.Equal(ids[2], now[^1].Id);
        // Into another horizon: still one row, which says both horizons (no separate Horizon or Rank row).
        var across = Assert.Single(await NewActivitiesAsync(lastActivity));
        Assert.Equal(("Moved", $"{positionInNext - 1} in Next", $"{now.Count} in Now"), (across.Action, across.OldValue, across.NewValue));
    }

    [Fact]
    public async Task Dropping_an_item_where_it_already_is_changes_nothing_and_records_nothing()
    {
        var id = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(Slug, 0, "Stays put", "Outcome", RoadmapHorizon.Later, null,
            RoadmapItemStatus.Planned, 10, 1, 50, 1, null, [], [], 0)));
        var before = await app.QueryAsync(db => db.RoadmapItems.AsNoTracking().SingleAsync(i => i.Id == id));
        var lastActivity = await app.QueryAsync(db => db.Activities.MaxAsync(a => a.Id));

        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new MoveRoadmapItem(Slug, id, RoadmapHorizon.Later, null, before.Version)));

        var after = await app.QueryAsync(db => db.RoadmapItems.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((before.Rank, before.Version), (after.Rank, after.Version));
        Assert.Empty(await NewActivitiesAsync(lastActivity));
    }

    private Task<List<Activity>> NewActivitiesAsync(long after) =>
        app.QueryAsync(db => db.Activities.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task A_move_from_a_stale_board_is_a_conflict()
    {
        var id = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(Slug, 0, "Stale move", "Outcome", RoadmapHorizon.Later, null,
            RoadmapItemStatus.Planned, 10, 1, 50, 1, null, [], [], 0)));
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new MoveRoadmapItem(Slug, id, RoadmapHorizon.Next, null, 0)));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.AsUserAsync(AppFixture.Pm, async s =>
            await s.Send(new MoveRoadmapItem(Slug, id, RoadmapHorizon.Now, null, 0))));
    }

    [Fact]
    public async Task The_published_roadmap_is_a_snapshot_that_later_draft_edits_do_not_change()
    {
        var id = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(Slug, 0, "Published title", "Published outcome",
            RoadmapHorizon.Next, null, RoadmapItemStatus.Planned, 10, 1, 50, 1, "internal", [], [], 0)));
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new PublishRoadmap(Slug, "For the board")));
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(Slug, id, "Draft title", "Draft outcome",
            RoadmapHorizon.Next, null, RoadmapItemStatus.Planned, 10, 1, 50, 1, "internal", [], [], 0)));

        var published = await app.AsUserAsync(AppFixture.Stakeholder, s => s.Send(new GetPublishedRoadmap(Slug)));
        var titles = published!.Columns.SelectMany(c => c.Items).Select(i => i.Title).ToList();
        Assert.Contains("Published title", titles);
        Assert.DoesNotContain("Draft title", titles);
        Assert.Equal("For the board", published.Note);
        var board = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new GetRoadmapBoard(Slug)));
        Assert.True(board.HasUnpublishedChanges);
    }

    [Fact]
    public async Task Stakeholders_read_the_published_roadmap_and_nothing_else_of_the_product_manager_area()
    {
        await app.AsUserAsync(AppFixture.Stakeholder, s => s.Send(new GetPublishedRoadmap(Slug)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Stakeholder, async s => await s.Send(new GetRoadmapBoard(Slug))));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Stakeholder, async s => await s.Send(new GetVision(Slug))));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Stakeholder, async s => await s.Send(new GetInsights(Slug))));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Stakeholder, async s => await s.Send(new GetGoals(Slug))));
    }

    [Fact]
    public async Task The_PO_gives_feedback_which_counts_as_open_until_the_PM_resolves_it()
    {
        var itemId = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(Slug, 0, "Feedback target", "Outcome", RoadmapHorizon.Now,
            null, RoadmapItemStatus.Planned, 10, 1, 50, 1, null, [], [], 0)));
        var feedbackId = await app.AsUserAsync(AppFixture.Po, s => s.Send(new GiveRoadmapFeedback(Slug, itemId, RoadmapFeedbackKind.Feasibility,
            "Needs two sprints more than planned.")));

        var board = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new GetRoadmapBoard(Slug)));
        Assert.Equal(1, board.Columns.SelectMany(c => c.Items).Single(i => i.Id == itemId).OpenFeedback);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Po, async s =>
            await s.Send(new ResolveRoadmapFeedback(Slug, feedbackId, RoadmapFeedbackStatus.Accepted, null, 0))));
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => app.AsUserAsync(AppFixture.Pm, async s =>
            await s.Send(new ResolveRoadmapFeedback(Slug, feedbackId, RoadmapFeedbackStatus.Declined, "", 0))));
        Assert.Contains("Answer", ex.Errors.Keys);

        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new ResolveRoadmapFeedback(Slug, feedbackId, RoadmapFeedbackStatus.Answered, "We split it.", 0)));
        var item = await app.AsUserAsync(AppFixture.Po, s => s.Send(new GetRoadmapItem(Slug, itemId)));
        var feedback = item.Feedback.Single();
        Assert.Equal(RoadmapFeedbackStatus.Answered, feedback.Status);
        Assert.Equal("We split it.", feedback.Answer);
        Assert.NotNull(feedback.AnsweredBy);
        Assert.Equal(0, (await app.AsUserAsync(AppFixture.Pm, s => s.Send(new GetRoadmapBoard(Slug)))).Columns.SelectMany(c => c.Items).Single(i => i.Id == itemId).OpenFeedback);
    }

    [Fact]
    public async Task Stakeholders_cannot_give_roadmap_feedback()
    {
        var itemId = await app.QueryAsync(db => db.RoadmapItems.Select(i => i.Id).FirstAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(AppFixture.Stakeholder, async s =>
            await s.Send(new GiveRoadmapFeedback(Slug, itemId, RoadmapFeedbackKind.Risk, "From a stakeholder"))));
    }
}
