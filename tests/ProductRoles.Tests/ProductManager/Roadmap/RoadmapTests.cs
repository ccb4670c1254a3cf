using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.Vision;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.ProductManager.Roadmap;

/// <summary>The roadmap: RICE scores, moves, publishing and who sees what, each test in a product of its own.</summary>
[Collection(AppCollection.Name)]
public sealed class RoadmapTests(AppFixture app)
{
    private Task<TestProduct> NewProductAsync() => app.NewProduct("Roadmap").BuildAsync();

    private Task<List<Activity>> NewActivitiesAsync(TestProduct product, long after) =>
        app.QueryAsync(db => db.Activities.AsNoTracking().Where(a => a.ProductId == product.Id && a.Id > after).OrderBy(a => a.Id).ToListAsync());

    private Task<long> LastActivityAsync() => app.QueryAsync(db => db.Activities.MaxAsync(a => a.Id));

    private static List<int> CardIds(AngleSharp.Html.Dom.IHtmlDocument board, RoadmapHorizon horizon) =>
        [.. board.QuerySelectorAll($"[data-horizon='{horizon}'] .roadmap-card").Select(c => int.Parse(c.GetAttribute("data-id")!, CultureInfo.InvariantCulture))];

    [Fact]
    public async Task A_roadmap_item_computes_its_RICE_score_and_links_goals_and_insights()
    {
        var product = await NewProductAsync();
        var goalId = await product.Goal("Faster checkout").CreateAsync();
        var insightId = await product.Insight("Shoppers give up at the address form").CreateAsync();
        await product.RoadmapItem("Already there").CreateAsync();
        var id = await product.RoadmapItem("Scored item").Outcome("An outcome").Quarter("2027-q3").Rice(1000, 2, 80, 4).Notes("secret note")
            .ForGoals(goalId).FromInsights(insightId).CreateAsync();

        var item = await product.AskAsync(AppFixture.Po, new GetRoadmapItem(product.Slug, id));
        Assert.Equal(400, item.Score);
        Assert.Equal("2027-Q3", item.TargetQuarter);
        Assert.Equal(goalId, item.Goals.Single().Id);
        Assert.Equal(insightId, item.Insights.Single().Id);
        var board = await product.AskAsync(AppFixture.Pm, new GetRoadmapBoard(product.Slug));
        Assert.Equal(id, board.Columns.Single(c => c.Horizon == RoadmapHorizon.Later).Items[^1].Id);
    }

    [Fact]
    public async Task RICE_inputs_out_of_range_and_a_bad_quarter_are_refused_beside_their_fields()
    {
        var product = await NewProductAsync();
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            product.RoadmapItem("Bad").In(RoadmapHorizon.Now).Quarter("Q1 2027").Rice(-1, 1.5m, 101, 0).CreateAsync());
        Assert.Equal(["Confidence", "Effort", "Impact", "Reach", "TargetQuarter"], ex.Errors.Keys.Order().ToArray());
        Assert.All((await product.AskAsync(AppFixture.Pm, new GetRoadmapBoard(product.Slug))).Columns, c => Assert.Empty(c.Items));
    }

    [Fact]
    public async Task Moving_an_item_writes_only_its_own_row_with_a_rank_between_its_new_neighbours()
    {
        var product = await NewProductAsync();
        var slug = product.Slug;
        var ids = new List<int>();
        foreach (var title in new[] { "Move A", "Move B", "Move C" })
        {
            ids.Add(await product.RoadmapItem(title).In(RoadmapHorizon.Next).CreateAsync());
        }

        Task<Dictionary<int, (string Rank, int Version)>> NextAsync() => app.QueryAsync(db => db.RoadmapItems.AsNoTracking()
            .Where(i => i.ProductId == product.Id && i.Horizon == RoadmapHorizon.Next).ToDictionaryAsync(i => i.Id, i => (i.Rank, i.Version)));
        var before = await NextAsync();
        var lastActivity = await LastActivityAsync();

        // C moves before B (the "Up" button), then to Now by drag.
        await product.SendAsync(AppFixture.Pm, new MoveRoadmapItem(slug, ids[2], RoadmapHorizon.Next, ids[1], before[ids[2]].Version));

        var after = await NextAsync();
        Assert.Single(after, kv => before[kv.Key] != kv.Value);
        Assert.True(string.CompareOrdinal(after[ids[0]].Rank, after[ids[2]].Rank) < 0);
        Assert.True(string.CompareOrdinal(after[ids[2]].Rank, after[ids[1]].Rank) < 0);
        // One readable row per move, and never the raw rank key.
        var up = Assert.Single(await NewActivitiesAsync(product, lastActivity));
        Assert.Equal(("Moved", "Position", "3 in Next", "2 in Next"), (up.Action, up.Field, up.OldValue, up.NewValue));
        Assert.Equal((nameof(RoadmapItem), ids[2].ToString(CultureInfo.InvariantCulture), "Move C"), (up.EntityType, up.EntityId, up.EntityLabel));

        await product.SendAsync(AppFixture.Pm, new MoveRoadmapItem(slug, ids[2], RoadmapHorizon.Now, null, after[ids[2]].Version));
        var board = await product.AskAsync(AppFixture.Pm, new GetRoadmapBoard(slug));
        Assert.Equal([ids[2]], board.Columns.Single(c => c.Horizon == RoadmapHorizon.Now).Items.Select(i => i.Id));
        // Into another horizon: still one row, which says both horizons (no separate Horizon or Rank row).
        var across = Assert.Single(await NewActivitiesAsync(product, up.Id));
        Assert.Equal(("Moved", "2 in Next", "1 in Now"), (across.Action, across.OldValue, across.NewValue));
    }

    [Fact]
    public async Task Dropping_an_item_where_it_already_is_changes_nothing_and_records_nothing()
    {
        var product = await NewProductAsync();
        var id = await product.RoadmapItem("Stays put").CreateAsync();
        var before = await app.QueryAsync(db => db.RoadmapItems.AsNoTracking().SingleAsync(i => i.Id == id));
        var lastActivity = await LastActivityAsync();

        await product.SendAsync(AppFixture.Pm, new MoveRoadmapItem(product.Slug, id, RoadmapHorizon.Later, null, before.Version));

        var after = await app.QueryAsync(db => db.RoadmapItems.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((before.Rank, before.Version), (after.Rank, after.Version));
        Assert.Empty(await NewActivitiesAsync(product, lastActivity));
    }

    [Fact]
    public async Task A_move_from_a_stale_board_is_a_conflict()
    {
        var product = await NewProductAsync();
        var id = await product.RoadmapItem("Stale move").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new MoveRoadmapItem(product.Slug, id, RoadmapHorizon.Next, null, 0));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            product.SendAsync(AppFixture.Pm, new MoveRoadmapItem(product.Slug, id, RoadmapHorizon.Now, null, 0)));
        var board = await product.AskAsync(AppFixture.Pm, new GetRoadmapBoard(product.Slug));
        Assert.Equal([id], board.Columns.Single(c => c.Horizon == RoadmapHorizon.Next).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task The_published_roadmap_is_a_snapshot_that_later_draft_edits_do_not_change()
    {
        var product = await NewProductAsync();
        var slug = product.Slug;
        var id = await product.RoadmapItem("Published title").Outcome("Published outcome").In(RoadmapHorizon.Next).Notes("internal").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(slug, "For the board"));
        await product.SendAsync(AppFixture.Pm, new SaveRoadmapItem(slug, id, "Draft title", "Draft outcome",
            RoadmapHorizon.Next, null, RoadmapItemStatus.Planned, 10, 1, 50, 1, "internal", [], [], 0));

        var published = await product.AskAsync(AppFixture.Stakeholder, new GetPublishedRoadmap(slug));
        var titles = published!.Columns.SelectMany(c => c.Items).Select(i => i.Title).ToList();
        Assert.Equal(["Published title"], titles);
        Assert.Equal("For the board", published.Note);
        var board = await product.AskAsync(AppFixture.Pm, new GetRoadmapBoard(slug));
        Assert.True(board.HasUnpublishedChanges);
    }

    [Fact]
    public async Task Stakeholders_read_the_published_roadmap_and_nothing_else_of_the_product_manager_area()
    {
        var product = await NewProductAsync();
        var slug = product.Slug;
        await product.RoadmapItem("Public plan").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(slug, null));

        Assert.NotNull(await product.AskAsync(AppFixture.Stakeholder, new GetPublishedRoadmap(slug)));
        await Assert.ThrowsAsync<ForbiddenException>(() => product.AskAsync(AppFixture.Stakeholder, new GetRoadmapBoard(slug)));
        await Assert.ThrowsAsync<ForbiddenException>(() => product.AskAsync(AppFixture.Stakeholder, new GetVision(slug)));
        await Assert.ThrowsAsync<ForbiddenException>(() => product.AskAsync(AppFixture.Stakeholder, new GetInsights(slug)));
        await Assert.ThrowsAsync<ForbiddenException>(() => product.AskAsync(AppFixture.Stakeholder, new GetGoals(slug)));
    }

    [Fact]
    public async Task The_roadmap_item_form_shows_RICE_errors_beside_fields_then_adds_the_item_at_the_end_of_its_horizon()
    {
        var product = await NewProductAsync();
        await product.Insight("Merchants ask for refunds").CreateAsync();
        await product.RoadmapItem("Already next").In(RoadmapHorizon.Next).CreateAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var form = await pm.GetPageAsync(product.Url + "/roadmap/new");
        var insightId = form.QuerySelector("input[name='Input.InsightIds']")!.GetAttribute("value")!;
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Page-made item", ["Input.Outcome"] = "Shoppers smile", ["Input.Horizon"] = "Next", ["Input.TargetQuarter"] = "2027-Q5",
            ["Input.Reach"] = "500", ["Input.Impact"] = "2", ["Input.Confidence"] = "150", ["Input.Effort"] = "2", ["Input.InsightIds"] = insightId,
        };
        using var refused = await pm.SubmitAsync(form, "form.form", values);
        var again = await TestClient.ParseAsync(refused);
        Assert.Equal("Confidence is a percentage from 0 to 100.", again.FieldError("Input.Confidence"));
        Assert.Equal("Write the quarter as year and quarter, e.g. 2027-Q1.", again.FieldError("Input.TargetQuarter"));
        Assert.Equal("Page-made item", again.QuerySelector("#Input_Title")!.GetAttribute("value"));

        values["Input.Confidence"] = "50";
        values["Input.TargetQuarter"] = "2027-Q2";
        var item = await pm.FollowAsync(await pm.SubmitAsync(again, "form.form", values));
        Assert.Equal("Page-made item", item.Heading());
        Assert.Contains("250", item.Text("#rice-heading"), StringComparison.Ordinal);
        Assert.Contains("Merchants ask for refunds", item.Text("#evidence-heading ~ ul li"), StringComparison.Ordinal);

        var board = await pm.GetPageAsync(product.Url + "/roadmap");
        Assert.Equal(["Already next", "Page-made item"], board.QuerySelectorAll("[data-horizon='Next'] .roadmap-card h3").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task The_move_up_and_to_top_buttons_reorder_the_board_without_javascript()
    {
        var product = await NewProductAsync();
        var ids = new List<int>();
        foreach (var title in new[] { "Button A", "Button B", "Button C" })
        {
            ids.Add(await product.RoadmapItem(title).CreateAsync());
        }

        using var pm = await app.SignInAsync(AppFixture.Pm);
        var board = await pm.GetPageAsync(product.Url + "/roadmap");
        var up = board.QuerySelector($"[data-id='{ids[2]}'] .move-controls form:nth-of-type(2)")!;
        Assert.Contains("Up", up.TextContent, StringComparison.Ordinal);
        up.SetAttribute("id", "up-form");
        board = await pm.FollowAsync(await pm.SubmitAsync(board, "#up-form"));
        Assert.Equal([ids[0], ids[2], ids[1]], CardIds(board, RoadmapHorizon.Later));

        var top = board.QuerySelector($"[data-id='{ids[2]}'] .move-controls form")!;
        Assert.Contains("To top", top.TextContent, StringComparison.Ordinal);
        top.SetAttribute("id", "top-form");
        board = await pm.FollowAsync(await pm.SubmitAsync(board, "#top-form"));
        Assert.Equal([ids[2], ids[0], ids[1]], CardIds(board, RoadmapHorizon.Later));
    }

    [Fact]
    public async Task Moving_a_card_to_another_horizon_shows_in_the_history_as_one_readable_line()
    {
        var product = await NewProductAsync();
        await product.RoadmapItem("Already now").In(RoadmapHorizon.Now).CreateAsync();
        await product.RoadmapItem("Stays later").CreateAsync();
        var id = await product.RoadmapItem("Crosses horizons").CreateAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var board = await pm.GetPageAsync(product.Url + "/roadmap");
        var toNow = board.QuerySelectorAll($"[data-id='{id}'] .move-controls form").Single(f => f.TextContent.Contains("Now", StringComparison.Ordinal));
        toNow.SetAttribute("id", "now-form");
        board = await pm.FollowAsync(await pm.SubmitAsync(board, "#now-form"));
        Assert.Equal(id, CardIds(board, RoadmapHorizon.Now)[^1]);

        var history = await pm.GetPageAsync(product.Url + "/history");
        var lines = history.QuerySelectorAll(".history li").Select(l => (Text: l.TextContent, Old: l.QuerySelector("del")?.TextContent, New: l.QuerySelector("ins")?.TextContent)).ToList();
        Assert.Contains("moved roadmap item", lines[0].Text, StringComparison.Ordinal);
        Assert.Contains("Crosses horizons", lines[0].Text, StringComparison.Ordinal);
        Assert.Contains(": position", lines[0].Text, StringComparison.Ordinal);
        Assert.Equal(("2 in Later", "2 in Now"), (lines[0].Old, lines[0].New));
        // The move is that one line: no raw horizon or rank change of the same card beside it.
        Assert.Contains("created roadmap item", lines[1].Text, StringComparison.Ordinal);
        Assert.Contains("Crosses horizons", lines[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stakeholders_see_the_published_roadmap_without_scores_or_notes_and_no_other_product_manager_link()
    {
        var product = await NewProductAsync();
        await product.RoadmapItem("Wallets").In(RoadmapHorizon.Now).Rice(900, 2, 80, 3).Notes("Run it in shadow-mode first").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, "Quarterly update"));
        var stakeholder = await app.SharedClientAsync(AppFixture.Stakeholder);
        var page = await stakeholder.GetPageAsync(product.Url + "/roadmap/published");
        Assert.Contains("Wallets", Assert.Single(page.QuerySelectorAll(".roadmap-card")).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("RICE", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("shadow-mode", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($".sidebar a[href='{product.Url}/vision']"));
        Assert.Null(page.QuerySelector($".sidebar a[href='{product.Url}/roadmap']"));

        var home = await stakeholder.GetPageAsync(product.Url);
        Assert.Equal(["PublishedRoadmap"], home.QuerySelectorAll(".home-panel").Select(p => p.GetAttribute("data-panel")!));
        using var board = await stakeholder.GetAsync(product.Url + "/roadmap");
        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
    }
}
