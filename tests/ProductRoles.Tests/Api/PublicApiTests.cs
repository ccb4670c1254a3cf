using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.AccessTokens;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Features.ProductOwner.Feedback;

namespace ProductRoles.Tests.Api;

/// <summary>What scripts do with the /api/v1 endpoints, and what people then see on the pages.</summary>
[Collection(AppCollection.Name)]
public sealed class PublicApiTests(AppFixture app)
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_support_tool_posts_customer_feedback_with_a_token_and_the_PO_sees_it_in_the_inbox()
    {
        var product = await app.NewProduct("Support intake").BuildAsync();
        using var supportTool = app.TokenClient(await app.CreateAsync(AppFixture.Pm, AccessTokenScope.ReadWrite, product.Slug, "Zendesk bridge"));
        using var posted = await supportTool.PostAsJsonAsync($"/api/v1/products/{product.Slug}/feedback", new
        {
            sourceKind = "Support", sourceName = "Ticket #4711", account = "Fjord Outfitters", text = "Refunds take two weeks to show up.",
            receivedOn = Today, tags = "refunds",
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/products/{product.Slug}/feedback/{id}", posted.Headers.Location?.ToString());

        var po = await app.SharedClientAsync(AppFixture.Po);
        var inbox = await po.GetPageAsync($"/p/{product.Slug}/feedback");
        var card = inbox.QuerySelectorAll(".po-feedback-list .card").Single();
        Assert.Contains($"#{id} from Ticket #4711", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Refunds take two weeks to show up.", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("New", card.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);

        // The history names the person whose token it was, as for any change they make.
        var author = await app.QueryAsync(db => db.Activities.Where(a => a.ProductId == product.Id && a.EntityType == "FeedbackItem")
            .Select(a => a.UserName).SingleAsync());
        Assert.Equal("Priya Sharma (PM)", author);
    }

    [Fact]
    public async Task A_key_result_value_posted_over_the_api_moves_its_progress_bar_on_the_goals_page()
    {
        var product = await app.NewProduct("Analytics").BuildAsync();
        var goalId = await product.Goal("Faster checkout").WithKeyResult("Checkout time (s)", 60, 20, 60).CreateAsync();
        var pm = await app.SharedClientAsync(AppFixture.Pm);
        Assert.Equal("0", ProgressOf(await pm.GetPageAsync($"/p/{product.Slug}/goals"), "Checkout time (s)"));

        using var analytics = app.TokenClient(await app.CreateAsync(AppFixture.Pm, AccessTokenScope.ReadWrite, product.Slug, "Analytics job"));
        using var goal = await analytics.GetAsync($"/api/v1/products/{product.Slug}/goals/{goalId}");
        var keyResultId = (await goal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("goal").GetProperty("keyResults")[0].GetProperty("id").GetInt32();
        using var posted = await analytics.PostAsJsonAsync($"/api/v1/products/{product.Slug}/goals/{goalId}/key-results/{keyResultId}/current", new { current = 30 });
        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);

        var page = await pm.GetPageAsync($"/p/{product.Slug}/goals");
        Assert.Equal("75", ProgressOf(page, "Checkout time (s)"));
        Assert.Equal("75", page.QuerySelector("progress[aria-label='Progress of Faster checkout']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_feedback_list_totals_what_its_filters_keep_as_the_inbox_does()
    {
        var product = await app.NewProduct("Feedback list totals").BuildAsync();
        var accepted = await product.Feedback("Refunds are slow").CreateAsync();
        await product.Feedback("Receipts are missing").From(FeedbackSourceKind.Support, "Ticket #1").CreateAsync();
        await product.Feedback("Refunds need a reason").CreateAsync();
        var version = await app.QueryAsync(db => db.FeedbackItems.Where(f => f.Id == accepted).Select(f => f.Version).SingleAsync());
        await product.SendAsync(DemoUsers.Po, new TriageFeedback(product.Slug, accepted, FeedbackStatus.Accepted, null, null, version));
        using var script = app.TokenClient(await app.CreateAsync(AppFixture.Po, AccessTokenScope.Read, product.Slug));

        async Task<(int Total, int Items)> ListAsync(string filter)
        {
            var page = await script.GetFromJsonAsync<JsonElement>($"/api/v1/products/{product.Slug}/feedback{filter}");
            return (page.GetProperty("total").GetInt32(), page.GetProperty("items").GetArrayLength());
        }

        Assert.Equal((3, 3), await ListAsync(""));
        Assert.Equal((2, 2), await ListAsync("?status=New"));
        Assert.Equal((1, 1), await ListAsync("?status=Accepted"));
        Assert.Equal((0, 0), await ListAsync("?status=Declined"));
        Assert.Equal((1, 1), await ListAsync("?source=Support"));
        Assert.Equal((2, 2), await ListAsync("?text=Refunds"));
        Assert.Equal((1, 1), await ListAsync("?status=New&text=Refunds"));
    }

    [Fact]
    public async Task Lists_are_paged_by_cursor_with_a_link_to_the_next_page()
    {
        var product = await app.NewProduct("Paging").BuildAsync();
        var ids = await product.BacklogItemsAsync(55);
        using var script = app.TokenClient(await app.CreateAsync(AppFixture.Po, AccessTokenScope.Read, product.Slug));

        using var first = await script.GetAsync($"/api/v1/products/{product.Slug}/backlog?type=Chore");
        var firstPage = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(55, firstPage.GetProperty("total").GetInt32());
        Assert.Equal(50, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal("Chore", firstPage.GetProperty("items")[0].GetProperty("type").GetString());
        var link = first.Headers.GetValues("Link").Single();
        Assert.EndsWith("; rel=\"next\"", link, StringComparison.Ordinal);
        var next = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        Assert.Contains("type=Chore", next, StringComparison.Ordinal);

        using var second = await script.GetAsync(next);
        var secondPage = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ids[50..], secondPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray());
        Assert.Equal(JsonValueKind.Null, secondPage.GetProperty("nextCursor").ValueKind);
        Assert.False(second.Headers.Contains("Link"));

        using var garbled = await script.GetAsync($"/api/v1/products/{product.Slug}/backlog?cursor=%%%");
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.True((await garbled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task Versions_travel_as_ETag_and_If_Match_and_a_stale_write_is_409_with_the_current_version()
    {
        var product = await app.NewProduct("Versions").BuildAsync();
        var itemId = await product.BacklogItem("Remember the card").CreateAsync();
        using var script = app.TokenClient(await app.CreateAsync(AppFixture.Po, AccessTokenScope.ReadWrite, product.Slug));
        var url = $"/api/v1/products/{product.Slug}/backlog/{itemId}";

        using var read = await script.GetAsync(url);
        var etag = read.Headers.ETag!.Tag;
        var item = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"\"{item.GetProperty("version").GetInt32()}\"", etag);
        Assert.EndsWith("Z", item.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("Story", item.GetProperty("type").GetString());

        object Body(string title) => new
        {
            type = "Story", title, asA = "shopper", iWant = "to pay with a saved card", status = item.GetProperty("status").GetString(),
        };

        using (var first = await SendAsync(script, HttpMethod.Put, url, Body("Remember the card, safely"), etag))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using var stale = await SendAsync(script, HttpMethod.Put, url, Body("Remember every card"), etag);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        var current = problem.GetProperty("currentVersion").GetInt32();
        Assert.Equal($"\"{current}\"", stale.Headers.ETag!.Tag);
        Assert.Contains(problem.GetProperty("values").EnumerateArray(), v => v.GetProperty("field").GetString() == "Title"
            && v.GetProperty("theirs").GetString() == "Remember the card, safely");
        Assert.Equal("Remember the card, safely", await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == itemId).Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_is_an_rfc_9457_problem_with_the_errors_per_field()
    {
        var product = await app.NewProduct("Problems").BuildAsync();
        using var script = app.TokenClient(await app.CreateAsync(AppFixture.Po, AccessTokenScope.ReadWrite, product.Slug));
        var before = await app.ActivityCountAsync(product.Slug);

        using var invalid = await script.PostAsJsonAsync($"/api/v1/products/{product.Slug}/backlog", new { type = "Story", title = "", status = "New" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Give the item a title.", errors.EnumerateObject().Single(e => e.Name.EndsWith("Title", StringComparison.Ordinal)).Value[0].GetString());

        using var unreadable = await script.PostAsync($"/api/v1/products/{product.Slug}/backlog", new StringContent("{\"type\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal("application/problem+json", unreadable.Content.Headers.ContentType?.MediaType);

        using var numberForEnum = await script.PostAsJsonAsync($"/api/v1/products/{product.Slug}/backlog", new { type = 1, title = "Numbers are not names", status = "New" });
        Assert.Equal(HttpStatusCode.BadRequest, numberForEnum.StatusCode);
        Assert.Equal(before, await app.ActivityCountAsync(product.Slug));
    }

    [Fact]
    public async Task The_PO_runs_the_backlog_over_the_api_create_move_bulk_edit_comment_and_turn_feedback_into_stories()
    {
        var product = await app.NewProduct("Backlog over api").BuildAsync();
        var existing = await product.BacklogItem("Already there").CreateAsync();
        var feedbackId = await product.Feedback("Let me split the bill.").CreateAsync();
        using var script = app.TokenClient(await app.CreateAsync(AppFixture.Po, AccessTokenScope.ReadWrite, product.Slug));
        var backlog = $"/api/v1/products/{product.Slug}/backlog";

        using var created = await script.PostAsJsonAsync(backlog, new { type = "Bug", title = "Receipt shows the wrong tax", status = "New", estimate = 3 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bugId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using (var moved = await script.PostAsJsonAsync($"{backlog}/{bugId}/move", new { move = "ToPosition", position = 1, reason = "Customers see it daily" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            Assert.Equal(1, (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("to").GetInt32());
        }

        using (var bulk = await script.PostAsJsonAsync($"{backlog}/bulk-edit", new { itemIds = new[] { existing, bugId }, addTag = "checkout" }))
        {
            Assert.Equal(2, (await bulk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        }

        using (var comment = await script.PostAsJsonAsync($"{backlog}/{bugId}/comments", new { text = "Seen in Norway only." }))
        {
            Assert.Equal(HttpStatusCode.NoContent, comment.StatusCode);
        }

        using (var stories = await script.PostAsJsonAsync($"/api/v1/products/{product.Slug}/feedback/{feedbackId}/backlog-items",
            new { type = "Story", asA = "diner", wants = "split the bill\npay my share only", soThat = "we settle up fast" }))
        {
            Assert.Equal(HttpStatusCode.Created, stories.StatusCode);
            Assert.Equal(2, (await stories.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").GetArrayLength());
        }

        using var list = await script.GetAsync($"{backlog}?tag=checkout");
        var tagged = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32());
        Assert.Equal([bugId, existing], tagged.Where(id => id == existing || id == bugId));
        using var bug = await script.GetAsync($"{backlog}/{bugId}");
        var details = await bug.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Seen in Norway only.", details.GetProperty("comments")[0].GetProperty("text").GetString());
        using var feedback = await script.GetAsync($"/api/v1/products/{product.Slug}/feedback/{feedbackId}");
        Assert.Equal("Accepted", (await feedback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var moves = await app.QueryAsync(db => db.Activities.CountAsync(a => a.ProductId == product.Id && a.Action == "Moved" && a.Note == "Customers see it daily"));
        Assert.Equal(1, moves);
    }

    [Fact]
    public async Task The_vision_and_the_Definition_of_Done_are_edited_with_the_version_from_their_ETag()
    {
        var product = await app.NewProduct("Vision over api").WithDefinitionOfDone("Code reviewed").BuildAsync();
        using var pm = app.TokenClient(await app.CreateAsync(AppFixture.Pm, AccessTokenScope.ReadWrite, product.Slug));
        using var read = await pm.GetAsync($"/api/v1/products/{product.Slug}/vision");
        using (var saved = await SendAsync(pm, HttpMethod.Put, $"/api/v1/products/{product.Slug}/vision",
            new { statement = "Checkout in one tap", targetGroup = "Busy shoppers" }, read.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using var after = await pm.GetAsync($"/api/v1/products/{product.Slug}/vision");
        Assert.Equal("Checkout in one tap", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statement").GetString());

        using var po = app.TokenClient(await app.CreateAsync(AppFixture.Po, AccessTokenScope.ReadWrite, product.Slug));
        using var done = await po.GetAsync($"/api/v1/products/{product.Slug}/definition-of-done");
        var etag = done.Headers.ETag!.Tag;
        using (var first = await SendAsync(po, HttpMethod.Put, $"/api/v1/products/{product.Slug}/definition-of-done",
            new { criteria = "Code reviewed\nTests pass" }, etag))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var stale = await SendAsync(po, HttpMethod.Put, $"/api/v1/products/{product.Slug}/definition-of-done",
            new { criteria = "Code reviewed\nDocs updated" }, etag);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt32());
    }

    private static string? ProgressOf(AngleSharp.Html.Dom.IHtmlDocument page, string metric) =>
        page.QuerySelector($"progress[aria-label='Progress of {metric}']")?.GetAttribute("value");

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return client.SendAsync(request);
    }
}

/// <summary>The per-token rate limit, on an app of its own with a small budget.</summary>
public sealed class AccessTokenRateLimitTests : IAsyncLifetime
{
    private readonly AppFixture _app = new() { Factory = new AppFactory { Settings = { ["Api:TokenRequestsPerMinute"] = "3" } } };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Each_token_has_its_own_budget_and_a_429_says_when_to_retry()
    {
        using var busy = _app.TokenClient(await _app.CreateAsync(AppFixture.Po));
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await busy.GetAsync("/api/v1/products");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await busy.GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, "429 without a Retry-After in seconds.");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // Another token of the same user, and the user's own browser session, are not held back.
        using var other = _app.TokenClient(await _app.CreateAsync(AppFixture.Po));
        using (var fresh = await other.GetAsync("/api/v1/products"))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        using var browser = await _app.SignInAsync(AppFixture.Po);
        using var cookie = await browser.GetAsync("/api/v1/products");
        Assert.Equal(HttpStatusCode.OK, cookie.StatusCode);
    }
}
