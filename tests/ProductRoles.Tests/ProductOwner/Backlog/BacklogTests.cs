using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.ProductOwner;

[Collection(AppCollection.Name)]
public sealed class BacklogTests(AppFixture app)
{
    private const string Slug = AppFixture.DemoSlug;

    private static BacklogItemFields Story(string title, string? description = null) =>
        new(BacklogItemType.Story, title, "merchant", title.ToLowerInvariant(), "it works", description, 3, BacklogItemStatus.Ready,
            "tests", "First criterion\nSecond criterion", null);

    private Task<int> CreateAsync(BacklogItemFields fields) =>
        app.AsUserAsync(AppFixture.Po, s => s.Send(new CreateBacklogItem(Slug, fields)));

    [Fact]
    public async Task The_demo_backlog_has_150_items_of_every_type_and_a_Definition_of_Done_of_six_to_eight_criteria()
    {
        var types = await app.QueryAsync(db => db.BacklogItems.GroupBy(i => i.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.True(types.Sum(t => t.Count) >= 150);
        Assert.Equal(3, types.Count);
        Assert.True(await app.QueryAsync(db => db.BacklogItemFeedbackLinks.CountAsync()) >= 10);
        var criteria = await app.QueryAsync(db => db.DefinitionOfDoneVersions.OrderByDescending(v => v.Number).Select(v => v.Criteria.Count).FirstAsync());
        Assert.InRange(criteria, 6, 8);
    }

    [Fact]
    public async Task The_backlog_page_shows_the_top_of_the_backlog_with_the_total_in_a_few_queries_whatever_the_page()
    {
        var client = await app.SharedClientAsync(AppFixture.Po);
        var total = await app.QueryAsync(db => db.BacklogItems.CountAsync(i => db.Products.Any(p => p.Slug == Slug && p.Id == i.ProductId)));
        await client.GetPageAsync($"/p/{Slug}/backlog"); // warm-up: compiled queries, session cache

        foreach (var url in new[] { $"/p/{Slug}/backlog", $"/p/{Slug}/backlog?p=3", $"/p/{Slug}/backlog?Tag=refunds&Type=Story" })
        {
            app.Factory.SqlCommands.Reset();
            var page = await client.GetPageAsync(url);
            var statements = app.Factory.SqlCommands.Count;
            Assert.True(statements is > 0 and <= 5, $"{url} ran {statements} SQL statements.");
            Assert.Equal("Product backlog", page.Heading());
        }

        var first = await client.GetPageAsync($"/p/{Slug}/backlog");
        Assert.Equal(GetBacklogHandler.PageSize, first.QuerySelectorAll("tbody tr").Length);
        Assert.Contains($"{total} items", first.Text(".pager"));
    }

    [Fact]
    public async Task Filters_by_status_type_tag_and_text_narrow_the_list()
    {
        var id = await CreateAsync(Story("Filterable zebra checkout") with { Tags = "zebra-tag" });
        var client = await app.SharedClientAsync(AppFixture.Dev);

        var page = await client.GetPageAsync($"/p/{Slug}/backlog?Status=Ready&Type=Story&Tag=zebra-tag&q=zebra");

        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal([$"item-{id}"], rows.Select(r => r.Id));
        var none = await client.GetPageAsync($"/p/{Slug}/backlog?Type=Bug&q=zebra");
        Assert.Empty(none.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task A_story_needs_who_and_what_and_a_valid_estimate_shown_beside_the_fields()
    {
        var before = await app.QueryAsync(db => db.BacklogItems.CountAsync());
        var client = await app.SharedClientAsync(AppFixture.Po);
        var page = await client.GetPageAsync($"/p/{Slug}/backlog/new");

        using var response = await client.SubmitAsync(page, "#new-item-form", new Dictionary<string, string>
        {
            ["Input.Type"] = "Story", ["Input.Title"] = "", ["Input.AsA"] = "", ["Input.IWant"] = "", ["Input.Estimate"] = "4",
        });
        var result = await TestClient.ParseAsync(response);

        Assert.Equal("Give the item a title.", result.FieldError("Input.Title"));
        Assert.Equal("A story says who it is for: \"As a …\".", result.FieldError("Input.AsA"));
        Assert.Equal("A story says what they want: \"I want …\".", result.FieldError("Input.IWant"));
        Assert.Equal("Estimate in story points: 0, 1, 2, 3, 5, 8, 13 or 21.", result.FieldError("Input.Estimate"));
        Assert.Equal(before, await app.QueryAsync(db => db.BacklogItems.CountAsync()));
    }

    [Fact]
    public async Task New_items_go_to_the_bottom_or_the_top_as_the_product_owner_chose()
    {
        var bottom = await CreateAsync(Story("Goes to the bottom"));
        var last = await app.QueryAsync(db => db.BacklogItems.OrderByDescending(i => i.Rank).Select(i => i.Id).FirstAsync());
        Assert.Equal(bottom, last);

        await app.AsUserAsync(AppFixture.Po, s => s.Send(new SetBacklogSettings(Slug, true)));
        try
        {
            var top = await CreateAsync(Story("Goes to the top"));
            Assert.Equal(top, await app.QueryAsync(db => db.BacklogItems.OrderBy(i => i.Rank).Select(i => i.Id).FirstAsync()));
            await app.AsUserAsync(AppFixture.Po, s => s.Send(new MoveBacklogItem(Slug, top, BacklogMove.Bottom)));
        }
        finally
        {
            await app.AsUserAsync(AppFixture.Po, s => s.Send(new SetBacklogSettings(Slug, false)));
        }
    }

    [Fact]
    public async Task Hostile_Markdown_in_a_description_never_runs_on_the_item_page()
    {
        var id = await CreateAsync(Story("Hostile description", "**bold** <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>"));
        var client = await app.SharedClientAsync(AppFixture.Dev);

        var page = await client.GetPageAsync($"/p/{Slug}/backlog/{id}");

        var prose = page.QuerySelector(".prose")!;
        Assert.Equal("bold", prose.QuerySelector("strong")?.TextContent);
        Assert.Empty(prose.QuerySelectorAll("script, img[onerror], a[href^='javascript']"));
    }

    [Fact]
    public async Task A_developer_edits_the_estimate_and_a_second_stale_save_gets_a_conflict_not_a_lost_update()
    {
        var id = await CreateAsync(Story("Estimate me"));
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var form = await dev.GetPageAsync($"/p/{Slug}/backlog/{id}/edit");

        using var saved = await dev.SubmitAsync(form, "#edit-item-form", new Dictionary<string, string> { ["Input.Estimate"] = "8" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var stale = await dev.SubmitAsync(form, "#edit-item-form", new Dictionary<string, string> { ["Input.Estimate"] = "13" });

        var conflict = await TestClient.ParseAsync(stale);
        Assert.Contains("Changed by someone else", conflict.Text(".conflict"));
        Assert.Equal(8, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).Select(i => i.Estimate).SingleAsync()));
        var history = await dev.GetPageAsync($"/p/{Slug}/backlog/{id}");
        Assert.Contains("Estimate", history.Text(".history"));
    }

    [Fact]
    public async Task Bulk_edit_tags_and_sets_the_status_of_the_selected_items_only()
    {
        var a = await CreateAsync(Story("Bulk A"));
        var b = await CreateAsync(Story("Bulk B"));
        var c = await CreateAsync(Story("Bulk C"));

        var roadmapId = await app.QueryAsync(db => db.RoadmapItems.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var count = await app.AsUserAsync(AppFixture.Sm, s => s.Send(new BulkEditBacklogItems(Slug, [a, b], "bulk-done", BacklogItemStatus.Planned, roadmapId, false)));

        Assert.Equal(2, count);
        var items = await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == a || i.Id == b || i.Id == c).OrderBy(i => i.Id)
            .Select(i => new { i.Status, i.RoadmapItemId, Tagged = i.Tags.Any(t => t.Name == "bulk-done") }).ToListAsync());
        Assert.Equal([(BacklogItemStatus.Planned, roadmapId, true), (BacklogItemStatus.Planned, roadmapId, true), (BacklogItemStatus.Ready, (int?)null, false)],
            items.Select(i => (i.Status, i.RoadmapItemId, i.Tagged)));
    }

    [Fact]
    public async Task Comments_render_mentions_of_members_as_links_and_other_at_words_as_text()
    {
        var id = await CreateAsync(Story("Comment on me"));
        var pm = await app.SharedClientAsync(AppFixture.Pm);
        var page = await pm.GetPageAsync($"/p/{Slug}/backlog/{id}");

        using var response = await pm.SubmitAsync(page, "#comment-form",
            new Dictionary<string, string> { ["Comment"] = "@dev can you size this? cc @nobody <b>bold</b>" });
        var result = await pm.FollowAsync(response);

        var mentions = result.QuerySelectorAll(".po-comments .po-mention");
        Assert.Equal(["@dev"], mentions.Select(m => m.TextContent));
        var text = result.Text(".po-comment-text");
        Assert.Contains("@nobody <b>bold</b>", text);
        Assert.Empty(result.QuerySelectorAll(".po-comments b"));
    }

    [Fact]
    public async Task The_export_streams_the_whole_backlog_in_order_as_CSV_with_formulas_neutralised()
    {
        var id = await CreateAsync(Story("=HYPERLINK(\"http://evil\")"));
        var client = await app.SharedClientAsync(AppFixture.Sm);

        using var response = await client.GetAsync($"/p/{Slug}/backlog/export");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(BacklogCsv.Header, lines[0].TrimEnd('\r'));
        Assert.Equal(await app.QueryAsync(db => db.BacklogItems.CountAsync()), lines.Length - 1);
        Assert.Contains(lines, l => l.Contains($",{id},Story,\"'=HYPERLINK(", StringComparison.Ordinal));

        // Each row carries all of its item's tags.
        var tagged = await app.QueryAsync(db => db.BacklogItems.Where(i => i.Tags.Count >= 2)
            .Select(i => new { i.Id, Tags = i.Tags.Select(t => t.Name).OrderBy(n => n).ToList() }).FirstAsync());
        var line = lines.Single(l => l.Split(',')[1] == tagged.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"\"{string.Join(' ', tagged.Tags)}\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_links_to_its_roadmap_item_and_the_insights_behind_it_and_the_list_filters_by_roadmap_item()
    {
        var roadmap = await app.QueryAsync(db => db.RoadmapItems.Where(r => r.Insights.Any())
            .Select(r => new { r.Id, r.Title, Insight = r.Insights.Select(l => l.Insight!.Title).First() }).FirstAsync());
        var id = await CreateAsync(Story("Serves a roadmap item") with { RoadmapItemId = roadmap.Id });
        var client = await app.SharedClientAsync(AppFixture.Dev);

        var page = await client.GetPageAsync($"/p/{Slug}/backlog/{id}");
        Assert.Contains(roadmap.Title, page.Text(".po-side"));
        Assert.Contains(roadmap.Insight, page.Text(".po-side"));

        var edit = await client.GetPageAsync($"/p/{Slug}/backlog/{id}/edit");
        Assert.Equal(roadmap.Title, edit.QuerySelector("select[name='Input.RoadmapItemId'] option[selected]")?.TextContent);

        var list = await client.GetPageAsync($"/p/{Slug}/backlog?roadmap={roadmap.Id}&q=Serves");
        Assert.Equal([$"item-{id}"], list.QuerySelectorAll("tbody tr").Select(r => r.Id));
        Assert.True(await app.QueryAsync(db => db.BacklogItems.CountAsync(i => i.RoadmapItemId != null)) >= 10);
    }

    [Fact]
    public async Task A_roadmap_item_of_another_product_or_none_at_all_is_refused()
    {
        var refused = await Assert.ThrowsAsync<ProductRoles.Web.Infrastructure.Pipeline.RequestValidationException>(
            () => CreateAsync(Story("Bad roadmap link") with { RoadmapItemId = 999_999 }));
        Assert.Equal("There is no roadmap item #999999 in this product.", refused.Errors["RoadmapItemId"][0]);
    }
}
