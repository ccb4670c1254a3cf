using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Tests.ProductManager.Delivery;

/// <summary>A roadmap item's page follows it down into delivery: its stories by sprint, its points and the increments that advanced it.</summary>
[Collection(AppCollection.Name)]
public sealed class RoadmapItemDeliveryTests(AppFixture app)
{
    /// <summary>
    /// Five 3-point stories: two done in Sprint 1, one done in Sprint 2 (the fourth returned), the fourth
    /// in the active Sprint 3, the fifth not yet planned.
    /// </summary>
    internal static async Task<(TestProduct Product, int Item, int[] Stories, int[] Sprints, int Goal, int Insight)> DeliveredItemAsync(
        AppFixture app, string? quarter = null)
    {
        var product = await app.NewProduct("Delivery").BuildAsync();
        var goal = await product.Goal("Faster checkout").CreateAsync();
        var insight = await product.Insight("Shoppers give up at the address form").CreateAsync();
        var builder = product.RoadmapItem("One-step checkout").In(Web.Domain.Roadmap.RoadmapHorizon.Now).ForGoals(goal).FromInsights(insight);
        var item = await (quarter is null ? builder : builder.Quarter(quarter)).CreateAsync();
        var stories = new int[5];
        for (var n = 0; n < stories.Length; n++)
        {
            stories[n] = await product.BacklogItem($"Story {n + 1}").Estimate(3).ForRoadmapItem(item).CreateAsync();
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = await product.Sprint("Sprint 1").Starting(today.AddDays(-42)).Planning(stories[0], stories[1]).Started().CreateAsync();
        await product.MarkDoneAsync(stories[0]);
        await product.MarkDoneAsync(stories[1]);
        await product.CloseSprintAsync(first);
        var second = await product.Sprint("Sprint 2").Starting(today.AddDays(-28)).Planning(stories[2], stories[3]).Started().CreateAsync();
        await product.MarkDoneAsync(stories[2]);
        await product.CloseSprintAsync(second);
        var third = await product.Sprint("Sprint 3").Starting(today.AddDays(-14)).Planning(stories[3]).Started().CreateAsync();
        return (product, item, stories, [first, second, third], goal, insight);
    }

    [Fact]
    public async Task The_item_page_groups_its_stories_done_by_sprint_in_the_current_sprint_and_not_yet_planned_with_the_points()
    {
        var (product, item, stories, sprints, _, _) = await DeliveredItemAsync(app);
        var client = await app.SharedClientAsync(AppFixture.Pm);

        var page = await client.GetPageAsync($"{product.Url}/roadmap/{item}");

        var groups = page.QuerySelectorAll("#delivery .delivery-group")
            .Select(g => (Heading: g.QuerySelector("h3")!.TextContent.Split('\n')[0].Trim(), Stories: g.QuerySelectorAll(".delivery-stories li").Select(li => li.Id).ToList()))
            .ToList();
        Assert.Equal(
            [
                ("Done in Sprint 2", [$"story-{stories[2]}"]),
                ("Done in Sprint 1", [$"story-{stories[0]}", $"story-{stories[1]}"]),
                ("In the current sprint: Sprint 3", [$"story-{stories[3]}"]),
                ("Not yet planned", [$"story-{stories[4]}"]),
            ],
            groups.Take(4).Select(g => (g.Heading, g.Stories)));
        Assert.Equal(("9", "3", "3"), (page.Text(".points-done"), page.Text(".points-in-progress"), page.Text(".points-remaining")));
        Assert.Equal("9 of 15 points done, 3 in progress", page.QuerySelector("#delivery .delivery-bar")!.GetAttribute("aria-label"));
        var reviews = page.QuerySelectorAll("#delivery .increments a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"{product.Url}/sprints/{sprints[1]}/review", $"{product.Url}/sprints/{sprints[0]}/review"], reviews);
    }

    [Fact]
    public async Task The_insight_shows_what_shipped_from_the_item_it_supports_and_the_goal_its_progress_beside_the_key_results()
    {
        var (product, item, stories, _, goal, insight) = await DeliveredItemAsync(app);
        var client = await app.SharedClientAsync(AppFixture.Pm);

        var insightPage = await client.GetPageAsync($"{product.Url}/research/{insight}");
        Assert.Equal(
            [$"Shipped: #{stories[0]} Story 1 (Sprint 1)", $"Shipped: #{stories[1]} Story 2 (Sprint 1)", $"Shipped: #{stories[2]} Story 3 (Sprint 2)"],
            insightPage.QuerySelectorAll($"#supported-{item} .shipped li").Select(li => li.TextContent.Trim()));
        Assert.Equal("9 / 15 points done", insightPage.Text($"#supported-{item} .delivery-progress"));

        var goalPage = await client.GetPageAsync($"{product.Url}/goals/{goal}");
        Assert.Equal("9 of 15 points done, 3 in progress", goalPage.QuerySelector($"#serving-{item} .delivery-bar")!.GetAttribute("aria-label"));
        Assert.NotNull(goalPage.QuerySelector("#kr-heading"));

        var board = await client.GetPageAsync($"{product.Url}/roadmap");
        var bar = board.QuerySelector($".roadmap-card[data-id='{item}'] .delivery-bar rect.bar-done");
        Assert.Equal("60", bar!.GetAttribute("width"));
    }

    [Fact]
    public async Task The_item_page_and_the_timeline_forecast_the_rest_from_the_velocity_and_flag_a_quarter_it_will_likely_miss()
    {
        // Done points of the closed sprints: 6 and 3, so a slow sprint does 3 and a fast one 6; 6 points are ahead.
        var pastQuarter = DateTime.UtcNow.Month <= 3 ? $"{DateTime.UtcNow.Year - 1}-Q4" : $"{DateTime.UtcNow.Year}-Q{(DateTime.UtcNow.Month - 1) / 3}";
        var (product, item, _, _, _, _) = await DeliveredItemAsync(app, pastQuarter);
        var client = await app.SharedClientAsync(AppFixture.Pm);

        var page = await client.GetPageAsync($"{product.Url}/roadmap/{item}");
        Assert.Equal("likely Sprint 3–4", page.Text("#delivery .forecast-text"));
        Assert.Contains("Low confidence", page.Text("#delivery .forecast"));
        Assert.Contains("3–6 points a sprint over the last 2 closed sprints, 6 points ahead in the backlog", page.Text("#delivery .forecast"));
        Assert.Contains($"Likely to miss for {pastQuarter}", page.Text("#delivery .forecast"));

        var timeline = await client.GetPageAsync($"{product.Url}/roadmap/timeline");
        Assert.Equal("likely Sprint 3–4", timeline.Text($"#timeline-item-{item} .forecast-text"));
        Assert.Equal("Likely to miss", timeline.Text($"#timeline-item-{item} .forecast-fit"));
    }

    [Fact]
    public async Task An_item_without_linked_backlog_items_says_so_and_shows_no_bar()
    {
        var product = await app.NewProduct("Delivery").BuildAsync();
        var item = await product.RoadmapItem("Nothing yet").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Pm);

        var page = await client.GetPageAsync($"{product.Url}/roadmap/{item}");

        Assert.Contains("No backlog items are linked", page.Text("#delivery"));
        Assert.Null(page.QuerySelector("#delivery .delivery-bar"));
    }

    [Fact]
    public async Task The_item_page_runs_as_many_statements_for_500_linked_stories_as_for_5()
    {
        var product = await app.NewProduct("Delivery").BuildAsync();
        var small = await product.RoadmapItem("Five stories").CreateAsync();
        var large = await product.RoadmapItem("Five hundred stories").CreateAsync();
        await AddStoriesAsync(product, small, 5);
        await AddStoriesAsync(product, large, 500);
        var sprint = await product.Sprint("Sprint 1").Planning(await product.BacklogItem("Planned one").Estimate(2).ForRoadmapItem(large).CreateAsync()).Started().CreateAsync();
        Assert.True(sprint > 0);
        var client = await app.SharedClientAsync(AppFixture.Pm);
        await client.GetPageAsync($"{product.Url}/roadmap/{small}"); // warm-up: compiled queries, session cache

        async Task<(long Statements, int Stories)> ViewAsync(int id)
        {
            app.Factory.SqlCommands.Reset();
            var page = await client.GetPageAsync($"{product.Url}/roadmap/{id}");
            return (app.Factory.SqlCommands.Count, page.QuerySelectorAll("#delivery .delivery-stories li").Length);
        }

        var five = await ViewAsync(small);
        var fiveHundred = await ViewAsync(large);

        Assert.Equal(5, five.Stories);
        Assert.Equal(501, fiveHundred.Stories);
        Assert.Equal(five.Statements, fiveHundred.Statements);
    }

    /// <summary>Many stories at once, written straight into the database (through the commands it would take minutes).</summary>
    internal static Task AddStoriesAsync(TestProduct product, int roadmapItemId, int count) => product.App.QueryAsync(async db =>
    {
        var last = (await db.BacklogItems.IgnoreQueryFilters().Where(b => b.ProductId == product.Id).Select(b => b.Rank).ToListAsync())
            .Max(StringComparer.Ordinal);
        var ranks = RankKey.SpreadBetween(last, null, count);
        var now = DateTime.UtcNow;
        for (var n = 0; n < count; n++)
        {
            db.BacklogItems.Add(new BacklogItem
            {
                ProductId = product.Id, Type = BacklogItemType.Story, Title = $"Bulk story {n + 1}", AsA = "shopper", IWant = "to pay",
                Estimate = BacklogItem.Estimates[(n % 5) + 1], Status = n % 7 == 0 ? BacklogItemStatus.Done : BacklogItemStatus.Ready,
                Rank = ranks[n], RoadmapItemId = roadmapItemId, CreatedAt = now, UpdatedAt = now,
            });
        }

        return await db.SaveChangesAsync();
    });
}
