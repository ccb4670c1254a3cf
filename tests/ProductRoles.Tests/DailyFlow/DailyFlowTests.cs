using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Scrum.SprintBoard;

namespace ProductRoles.Tests.DailyFlow;

/// <summary>
/// The daily flow without JavaScript, as a browser posts the forms: quick add, inline edits (the same
/// edit command and version check as the full form), moves that return to the moved item, and Done.
/// Each test in a product of its own.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DailyFlowTests(AppFixture app)
{
    private static string FragmentOf(HttpResponseMessage redirect) => "#" + redirect.Headers.Location!.OriginalString.Split('#', 2)[^1];

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    [Fact]
    public async Task Quick_add_puts_the_item_at_the_top_the_bottom_or_after_the_chosen_item_and_remembers_the_choice()
    {
        var product = await app.NewProduct("Quick add").BuildAsync();
        var items = await product.BacklogItemsAsync(3);
        var client = await app.SharedClientAsync(AppFixture.Po);

        async Task<(int Id, HttpResponseMessage Response)> AddAsync(string title, string place, string after = "")
        {
            var page = await client.GetPageAsync($"{product.Url}/backlog");
            var response = await client.SubmitAsync(page, "#quick-add", Fields(("title", title), ("place", place), ("after", after)));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var id = await app.QueryAsync(db => db.BacklogItems.Where(i => i.ProductId == product.Id && i.Title == title).Select(i => i.Id).SingleAsync());
            return (id, response);
        }

        var (top, topResponse) = await AddAsync("Quick on top", "Top");
        Assert.Equal($"item-{top}", FragmentOf(topResponse).TrimStart('#'));
        var landed = await client.FollowAsync(topResponse);
        Assert.Contains($"#{top} “Quick on top” added at position 1", landed.Text("[role=status]"));
        Assert.NotNull(landed.QuerySelector($"#item-{top}[autofocus]"));
        // The choice is remembered: the next quick add offers the top again.
        Assert.Equal("Top", landed.QuerySelector("#quick-place option[selected]")?.GetAttribute("value"));

        var (bottom, _) = await AddAsync("Quick at the bottom", "Bottom");
        var (after, _) = await AddAsync("Quick after the second", "After", items[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([top, items[0], items[1], after, items[2], bottom], await product.BacklogOrderAsync());
        var again = await client.GetPageAsync($"{product.Url}/backlog");
        Assert.Equal("After", again.QuerySelector("#quick-place option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Quick_add_refuses_what_the_full_form_refuses_beside_the_field_and_creates_nothing()
    {
        var product = await app.NewProduct("Quick refusals").BuildAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var page = await client.GetPageAsync($"{product.Url}/backlog");

        using var empty = await client.SubmitAsync(page, "#quick-add", Fields(("title", "  "), ("place", "Top")));
        var result = await TestClient.ParseAsync(empty);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Give the item a title.", result.FieldError("QuickAdd.Title"));

        using var story = await client.SubmitAsync(page, "#quick-add", Fields(("title", "A story needs who"), ("type", "Story")));
        var storyPage = await TestClient.ParseAsync(story);
        Assert.Contains("A story says who it is for", storyPage.FieldError("QuickAdd.Type"));
        // The full form is one click away, with the title already in it.
        var full = storyPage.QuerySelector("[data-valmsg-for='QuickAdd.Type'] a")!.GetAttribute("href")!;
        var form = await client.GetPageAsync(full);
        Assert.Equal("A story needs who", form.QuerySelector("[name='Input.Title']")?.GetAttribute("value"));

        using var nowhere = await client.SubmitAsync(page, "#quick-add", Fields(("title", "After nothing"), ("place", "After"), ("after", "999999")));
        Assert.Contains("There is no item #999999", (await TestClient.ParseAsync(nowhere)).FieldError("QuickAdd.Place"));
        Assert.Empty(await product.BacklogOrderAsync());
    }

    [Fact]
    public async Task An_inline_edit_saves_one_field_through_the_edit_command_and_a_bad_estimate_is_refused_beside_it()
    {
        var product = await app.NewProduct("Inline edit").BuildAsync();
        var roadmap = await product.RoadmapItem("Wallets").CreateAsync();
        var id = await product.BacklogItem("Edit me in place").Tags("alpha").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Dev);
        var page = await client.GetPageAsync($"{product.Url}/backlog");
        var version = page.QuerySelector($"#item-{id}")!.GetAttribute("data-version")!;

        using var bad = await client.SubmitAsync(page, "#inline-form", Fields(("itemId", $"{id}"), ("version", version), ("field", "Estimate"), ("value", "4")));
        var refused = await TestClient.ParseAsync(bad);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("Estimate in story points: 0, 1, 2, 3, 5, 8, 13 or 21.", refused.QuerySelector($"#item-{id} [data-valmsg-for='Inline.Estimate']")?.TextContent);
        using var word = await client.SubmitAsync(page, "#inline-form", Fields(("itemId", $"{id}"), ("version", version), ("field", "Estimate"), ("value", "four")));
        Assert.NotEmpty((await TestClient.ParseAsync(word)).FieldError("Inline.Estimate"));
        Assert.Equal(3, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).Select(i => i.Estimate).SingleAsync()));

        using var saved = await client.SubmitAsync(page, "#inline-form", Fields(("itemId", $"{id}"), ("version", version), ("field", "RoadmapItem"), ("value", $"{roadmap}")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"#item-{id}", FragmentOf(saved));
        var after = await client.FollowAsync(saved);
        Assert.Equal("Wallets", after.Text($"#item-{id} td[data-value='{roadmap}']"));
        // Only that field changed: the story, tags and criteria are as they were.
        var item = await app.QueryAsync(db => db.BacklogItems.Include(i => i.Tags).Include(i => i.AcceptanceCriteria).SingleAsync(i => i.Id == id));
        Assert.Equal((3, "merchant", roadmap), (item.Estimate!.Value, item.AsA!, item.RoadmapItemId!.Value));
        Assert.Equal(["alpha"], item.Tags.Select(t => t.Name));
        Assert.Equal(2, item.AcceptanceCriteria.Count);
        var history = await client.GetPageAsync($"{product.Url}/backlog/{id}");
        Assert.Contains("Wallets", history.Text(".history"));
    }

    [Fact]
    public async Task A_stale_inline_edit_gets_the_conflict_in_its_row_and_never_overwrites()
    {
        var product = await app.NewProduct("Inline conflict").BuildAsync();
        var id = await product.BacklogItem("Two editors").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Dev);
        var page = await client.GetPageAsync($"{product.Url}/backlog");
        var version = page.QuerySelector($"#item-{id}")!.GetAttribute("data-version")!;

        using var first = await client.SubmitAsync(page, "#inline-form", Fields(("itemId", $"{id}"), ("version", version), ("field", "Status"), ("value", "Planned")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var stale = await client.SubmitAsync(page, "#inline-form", Fields(("itemId", $"{id}"), ("version", version), ("field", "Tags"), ("value", "late")));

        var conflict = await TestClient.ParseAsync(stale);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Changed by Dana Kim (Developer) while you were working", conflict.Text($"#item-{id} [data-valmsg-for='Inline.Tags']"));
        Assert.Contains("Planned", conflict.Text($"#item-{id}"));
        var item = await app.QueryAsync(db => db.BacklogItems.Include(i => i.Tags).SingleAsync(i => i.Id == id));
        Assert.Equal(Web.Domain.Backlog.BacklogItemStatus.Planned, item.Status);
        Assert.Empty(item.Tags);
    }

    [Fact]
    public async Task A_move_without_JavaScript_returns_to_the_moved_item_on_its_page_with_focus_and_a_message()
    {
        var product = await app.NewProduct("Keep my place").BuildAsync();
        var items = await product.BacklogItemsAsync(53);
        var client = await app.SharedClientAsync(AppFixture.Po);
        var second = await client.GetPageAsync($"{product.Url}/backlog?p=2");
        var moved = items[51];

        using var response = await client.SubmitAsync(second, "#backlog-form", Fields(("move", $"{moved}:Up")));
        Assert.Equal($"{product.Url}/backlog?p=2#item-{moved}", response.Headers.Location!.OriginalString);
        var page = await client.FollowAsync(response);
        Assert.Contains($"#{moved} moved from position 52 to 51", page.Text("[role=status]"));
        Assert.NotNull(page.QuerySelector($"tr#item-{moved}[autofocus]"));
        Assert.Single(page.QuerySelectorAll("[autofocus]"));

        using var top = await client.SubmitAsync(page, "#backlog-form", Fields(("move", $"{moved}:Top")));
        Assert.Equal($"{product.Url}/backlog#item-{moved}", top.Headers.Location!.OriginalString);
        Assert.Equal(moved, (await product.BacklogOrderAsync())[0]);
    }

    [Fact]
    public async Task A_roadmap_move_says_where_the_card_went_and_returns_to_it()
    {
        var product = await app.NewProduct("Roadmap place").BuildAsync();
        var now = await product.RoadmapItem("Move me").In(RoadmapHorizon.Now).CreateAsync();
        await product.RoadmapItem("Next one").In(RoadmapHorizon.Next).CreateAsync();
        await product.RoadmapItem("Next two").In(RoadmapHorizon.Next).CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Pm);
        var board = await client.GetPageAsync($"{product.Url}/roadmap");
        var card = board.QuerySelector($"#roadmap-{now}")!;
        var form = card.QuerySelector("[data-shortcut=move-right]")!.Closest("form")!;
        form.Id = "to-next";

        using var response = await client.SubmitAsync(board, "#to-next");
        Assert.Equal($"#roadmap-{now}", FragmentOf(response));
        var after = await client.FollowAsync(response);
        Assert.Equal("Moved to Next, 3rd of 3.", after.Text("[role=status]"));
        Assert.NotNull(after.QuerySelector($"[data-horizon=Next] #roadmap-{now}[autofocus]"));
    }

    [Fact]
    public async Task Assign_to_me_takes_a_task_in_one_click_and_returns_to_its_card()
    {
        var product = await app.NewProduct("Assign to me").BuildAsync();
        var card = await product.BacklogItem("Card with a task").Chore().Estimate(3).CreateAsync();
        var sprint = await product.Sprint("Assign sprint").Starting(new DateOnly(2026, 11, 25)).Planning(card).Started().CreateAsync();
        var task = await product.SendAsync(AppFixture.Sm, new AddSprintTask(product.Slug, sprint, card, "Write the migration", null, 5));
        var client = await app.SharedClientAsync(AppFixture.Dev);
        var board = await client.GetPageAsync($"{product.Url}/sprints/{sprint}/board");
        board.QuerySelector($"#card-{card} form.board-task-mine")!.Id = "mine";

        using var response = await client.SubmitAsync(board, "#mine");
        Assert.Equal($"#card-{card}", FragmentOf(response));
        var after = await client.FollowAsync(response);
        Assert.Contains("Dana Kim (Developer) · 5 h left", after.Text($"#card-{card} .board-tasks"));
        Assert.Null(after.QuerySelector($"#card-{card} form.board-task-mine"));
        Assert.NotNull(after.QuerySelector($"#card-{card}[autofocus]"));
        var saved = await app.QueryAsync(db => db.SprintTasks.SingleAsync(t => t.Id == task));
        Assert.Equal((SprintTaskState.ToDo, 5), (saved.State, saved.RemainingHours));

        // The same form again is stale: the conflict stands beside the task, nothing changes.
        using var stale = await client.SubmitAsync(board, "#mine");
        var conflict = await TestClient.ParseAsync(stale);
        Assert.Contains("while you were working", conflict.Text($"#task-error-{task}"));
    }

    [Fact]
    public async Task The_checklist_focuses_its_first_criterion_warns_of_open_tasks_and_marks_all_met_in_one_action()
    {
        var product = await app.NewProduct("Done checklist").WithDefinitionOfDone("Code reviewed", "Tests pass", "Docs updated").BuildAsync();
        var card = await product.BacklogItem("Finish me").Chore().Estimate(3).CreateAsync();
        var sprint = await product.Sprint("Done sprint").Starting(new DateOnly(2026, 11, 25)).Planning(card).Started().CreateAsync();
        await product.SendAsync(AppFixture.Dev, new AddSprintTask(product.Slug, sprint, card, "Still open", null, 4));
        var client = await app.SharedClientAsync(AppFixture.Dev);
        var url = $"{product.Url}/sprints/{sprint}/board/{card}/done";
        var page = await client.GetPageAsync(url);

        Assert.Single(page.QuerySelectorAll("[autofocus]"));
        Assert.Equal("checkbox", page.QuerySelector("[autofocus]")!.GetAttribute("type"));
        Assert.Equal(page.QuerySelector(".po-check input[type=checkbox]"), page.QuerySelector("[autofocus]"));
        Assert.Contains("1 open task with 4 hours left", page.Text(".po-done-warning"));

        // Nothing ticked: a summary, linked to each criterion's field, and nothing changes.
        using var refused = await client.SubmitAsync(page, "#done-checklist");
        var errors = await TestClient.ParseAsync(refused);
        var links = errors.QuerySelectorAll(".po-done-summary a").Select(a => a.GetAttribute("href")!.TrimStart('#')).ToList();
        Assert.Equal(3, links.Count);
        Assert.All(links, target => Assert.NotNull(errors.GetElementById(target)));
        Assert.NotNull(errors.QuerySelector(".po-done-summary[autofocus]"));

        using var allMet = await client.SubmitAsync(page, "#Done-all-met");
        Assert.Equal($"#card-{card}", FragmentOf(allMet));
        var board = await client.FollowAsync(allMet);
        Assert.Contains($"#{card} is Done", board.Text("[role=status]"));
        var checks = await app.QueryAsync(db => db.BacklogItemDoneChecks.Where(c => c.BacklogItemId == card).SelectMany(c => c.Criteria).ToListAsync());
        Assert.Equal(3, checks.Count);
        Assert.DoesNotContain(checks, c => c.Waived);
    }
}
