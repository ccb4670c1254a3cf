using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.ProductOwner.Backlog;

/// <summary>The product backlog: each test in a product of its own, except the one about the demo seed.</summary>
[Collection(AppCollection.Name)]
public sealed class BacklogTests(AppFixture app)
{
    private Task<TestProduct> NewProductAsync() => app.NewProduct("Backlog").BuildAsync();

    [Fact]
    public async Task The_demo_backlog_has_150_items_of_every_type_and_a_Definition_of_Done_of_six_to_eight_criteria()
    {
        var demo = await app.DemoProductIdAsync();
        var types = await app.QueryAsync(db => db.BacklogItems.Where(i => i.ProductId == demo)
            .GroupBy(i => i.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.True(types.Sum(t => t.Count) >= 150);
        Assert.Equal(3, types.Count);
        Assert.True(await app.QueryAsync(db => db.BacklogItemFeedbackLinks.CountAsync(l => l.BacklogItem!.ProductId == demo)) >= 10);
        Assert.True(await app.QueryAsync(db => db.BacklogItems.CountAsync(i => i.ProductId == demo && i.RoadmapItemId != null)) >= 10);
        var criteria = await app.QueryAsync(db => db.DefinitionOfDoneVersions.Where(v => v.ProductId == demo)
            .OrderByDescending(v => v.Number).Select(v => v.Criteria.Count).FirstAsync());
        Assert.InRange(criteria, 6, 8);
    }

    [Fact]
    public async Task The_backlog_page_shows_the_top_of_the_backlog_with_the_total_in_a_few_queries_whatever_the_page()
    {
        var product = await NewProductAsync();
        var total = GetBacklogHandler.PageSize * 2 + 3;
        await product.BacklogItemsAsync(total - 1);
        await product.BacklogItem("Tagged").Tags("refunds").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        await client.GetPageAsync($"{product.Url}/backlog"); // warm-up: compiled queries, session cache

        foreach (var url in new[] { $"{product.Url}/backlog", $"{product.Url}/backlog?p=3", $"{product.Url}/backlog?Tag=refunds&Type=Story" })
        {
            app.Factory.SqlCommands.Reset();
            var page = await client.GetPageAsync(url);
            var statements = app.Factory.SqlCommands.Count;
            Assert.True(statements is > 0 and <= 5, $"{url} ran {statements} SQL statements.");
            Assert.Equal("Product backlog", page.Heading());
        }

        var first = await client.GetPageAsync($"{product.Url}/backlog");
        Assert.Equal(GetBacklogHandler.PageSize, first.QuerySelectorAll("tbody tr").Length);
        Assert.Contains($"{total} items", first.Text(".pager"));
    }

    [Fact]
    public async Task Filters_by_status_type_tag_and_text_narrow_the_list()
    {
        var product = await NewProductAsync();
        var id = await product.BacklogItem("Filterable zebra checkout").Tags("zebra-tag").CreateAsync();
        await product.BacklogItem("Another zebra").Status(BacklogItemStatus.New).Tags("zebra-tag").CreateAsync();
        await product.BacklogItem("Zebra without the tag").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Dev);

        var page = await client.GetPageAsync($"{product.Url}/backlog?Status=Ready&Type=Story&Tag=zebra-tag&q=zebra");

        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal([$"item-{id}"], rows.Select(r => r.Id));
        var none = await client.GetPageAsync($"{product.Url}/backlog?Type=Bug&q=zebra");
        Assert.Empty(none.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task A_story_needs_who_and_what_and_a_valid_estimate_shown_beside_the_fields()
    {
        var product = await NewProductAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var page = await client.GetPageAsync($"{product.Url}/backlog/new");

        using var response = await client.SubmitAsync(page, "#new-item-form", new Dictionary<string, string>
        {
            ["Input.Type"] = "Story", ["Input.Title"] = "", ["Input.AsA"] = "", ["Input.IWant"] = "", ["Input.Estimate"] = "4",
        });
        var result = await TestClient.ParseAsync(response);

        Assert.Equal("Give the item a title.", result.FieldError("Input.Title"));
        Assert.Equal("A story says who it is for: \"As a …\".", result.FieldError("Input.AsA"));
        Assert.Equal("A story says what they want: \"I want …\".", result.FieldError("Input.IWant"));
        Assert.Equal("Estimate in story points: 0, 1, 2, 3, 5, 8, 13 or 21.", result.FieldError("Input.Estimate"));
        Assert.Empty(await product.BacklogOrderAsync());
    }

    [Fact]
    public async Task New_items_go_to_the_bottom_or_the_top_as_the_product_owner_chose()
    {
        var product = await NewProductAsync();
        var first = await product.BacklogItemsAsync(2);
        var bottom = await product.BacklogItem("Goes to the bottom").CreateAsync();
        Assert.Equal([.. first, bottom], await product.BacklogOrderAsync());

        await product.SendAsync(AppFixture.Po, new SetBacklogSettings(product.Slug, true));
        var top = await product.BacklogItem("Goes to the top").CreateAsync();
        Assert.Equal([top, .. first, bottom], await product.BacklogOrderAsync());
    }

    [Fact]
    public async Task Hostile_Markdown_in_a_description_never_runs_on_the_item_page()
    {
        var product = await NewProductAsync();
        var id = await product.BacklogItem("Hostile description")
            .Description("**bold** <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Dev);

        var page = await client.GetPageAsync($"{product.Url}/backlog/{id}");

        var prose = page.QuerySelector(".prose")!;
        Assert.Equal("bold", prose.QuerySelector("strong")?.TextContent);
        Assert.Empty(prose.QuerySelectorAll("script, img[onerror], a[href^='javascript']"));
    }

    [Fact]
    public async Task A_developer_edits_the_estimate_and_a_second_stale_save_gets_a_conflict_not_a_lost_update()
    {
        var product = await NewProductAsync();
        var id = await product.BacklogItem("Estimate me").CreateAsync();
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var form = await dev.GetPageAsync($"{product.Url}/backlog/{id}/edit");

        using var saved = await dev.SubmitAsync(form, "#edit-item-form", new Dictionary<string, string> { ["Input.Estimate"] = "8" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var stale = await dev.SubmitAsync(form, "#edit-item-form", new Dictionary<string, string> { ["Input.Estimate"] = "13" });

        var conflict = await TestClient.ParseAsync(stale);
        Assert.Contains("Changed by Dana Kim (Developer) while you were working", conflict.Text(".conflict"));
        Assert.Equal(8, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == id).Select(i => i.Estimate).SingleAsync()));
        var history = await dev.GetPageAsync($"{product.Url}/backlog/{id}");
        Assert.Contains("Estimate", history.Text(".history"));
    }

    [Fact]
    public async Task Bulk_edit_tags_and_sets_the_status_of_the_selected_items_only()
    {
        var product = await NewProductAsync();
        var a = await product.BacklogItem("Bulk A").CreateAsync();
        var b = await product.BacklogItem("Bulk B").CreateAsync();
        var c = await product.BacklogItem("Bulk C").CreateAsync();

        var roadmapId = await product.RoadmapItem("Bulk target").CreateAsync();
        var count = await product.SendAsync(AppFixture.Sm, new BulkEditBacklogItems(product.Slug, [a, b], "bulk-done", BacklogItemStatus.Planned, roadmapId, false));

        Assert.Equal(2, count);
        var items = await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == a || i.Id == b || i.Id == c).OrderBy(i => i.Id)
            .Select(i => new { i.Status, i.RoadmapItemId, Tagged = i.Tags.Any(t => t.Name == "bulk-done") }).ToListAsync());
        Assert.Equal([(BacklogItemStatus.Planned, roadmapId, true), (BacklogItemStatus.Planned, roadmapId, true), (BacklogItemStatus.Ready, (int?)null, false)],
            items.Select(i => (i.Status, i.RoadmapItemId, i.Tagged)));
    }

    [Fact]
    public async Task Comments_render_mentions_of_members_as_links_and_other_at_words_as_text()
    {
        var product = await NewProductAsync();
        var id = await product.BacklogItem("Comment on me").CreateAsync();
        var pm = await app.SharedClientAsync(AppFixture.Pm);
        var page = await pm.GetPageAsync($"{product.Url}/backlog/{id}");

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
        var product = await NewProductAsync();
        var ids = await product.BacklogItemsAsync(3);
        var id = await product.BacklogItem("=HYPERLINK(\"http://evil\")").CreateAsync();
        var tagged = await product.BacklogItem("Two tags").Tags("refunds, wallets").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Sm);

        using var response = await client.GetAsync($"{product.Url}/backlog/export");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(BacklogCsv.Header, lines[0].TrimEnd('\r'));
        // Every item once, in backlog order.
        // Each item is keyed by the product's slug and its id (an imported item keeps its own key).
        Assert.Equal([.. ids, id, tagged], lines.Skip(1).Select(l => int.Parse(l.Split(',')[1].Trim('"')[(product.Slug.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(lines, l => l.Contains($",\"{product.Slug}-{id}\",Story,\"'=HYPERLINK(", StringComparison.Ordinal));

        // Each row carries all of its item's tags.
        var line = lines.Single(l => l.Split(',')[1] == $"\"{product.Slug}-{tagged}\"");
        Assert.Contains("\"refunds wallets\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_links_to_its_roadmap_item_and_the_insights_behind_it_and_the_list_filters_by_roadmap_item()
    {
        var product = await NewProductAsync();
        var insight = await product.Insight("Merchants refund by phone").CreateAsync();
        var roadmap = (Id: await product.RoadmapItem("Refunds in one click").FromInsights(insight).CreateAsync(),
            Title: "Refunds in one click", Insight: "Merchants refund by phone");
        var id = await product.BacklogItem("Serves a roadmap item").ForRoadmapItem(roadmap.Id).CreateAsync();
        await product.BacklogItem("Serves nothing").CreateAsync();
        var client = await app.SharedClientAsync(AppFixture.Dev);

        var page = await client.GetPageAsync($"{product.Url}/backlog/{id}");
        Assert.Contains(roadmap.Title, page.Text(".po-side"));
        Assert.Contains(roadmap.Insight, page.Text(".po-side"));

        var edit = await client.GetPageAsync($"{product.Url}/backlog/{id}/edit");
        Assert.Equal(roadmap.Title, edit.QuerySelector("select[name='Input.RoadmapItemId'] option[selected]")?.TextContent);

        var list = await client.GetPageAsync($"{product.Url}/backlog?roadmap={roadmap.Id}&q=Serves");
        Assert.Equal([$"item-{id}"], list.QuerySelectorAll("tbody tr").Select(r => r.Id));
    }

    [Fact]
    public async Task A_roadmap_item_of_another_product_or_none_at_all_is_refused()
    {
        var product = await NewProductAsync();
        var elsewhere = await (await NewProductAsync()).RoadmapItem("In another product").CreateAsync();
        foreach (var roadmapItemId in new[] { elsewhere, 999_999 })
        {
            var refused = await Assert.ThrowsAsync<ProductRoles.Web.Infrastructure.Pipeline.RequestValidationException>(
                () => product.BacklogItem("Bad roadmap link").ForRoadmapItem(roadmapItemId).CreateAsync());
            Assert.Equal($"There is no roadmap item #{roadmapItemId} in this product.", refused.Errors["RoadmapItemId"][0]);
        }

        Assert.Empty(await product.BacklogOrderAsync());
    }
}
