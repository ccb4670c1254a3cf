using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.AccessTokens;

namespace ProductRoles.Tests.Api;

/// <summary>
/// The product manager's areas over the API (roadmap, roadmap feedback, goals and key results, research), each call
/// checked against what the pages then show or the database holds: successes, field errors (400) and stale writes (409).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StrategyApiTests(AppFixture app)
{
    [Fact]
    public async Task A_script_plans_the_roadmap_moves_an_item_sets_its_status_answers_feedback_and_publishes()
    {
        var product = await app.NewProduct("Roadmap API").BuildAsync();
        using var pm = app.TokenClient(await app.CreateAsync(AppFixture.Pm, AccessTokenScope.ReadWrite, product.Slug, "Roadmap sync"));
        var url = $"/api/v1/products/{product.Slug}/roadmap";

        using var invalid = await pm.PostAsJsonAsync(url, new { title = "", outcome = "", horizon = "Now", status = "Planned" });
        await ApiAssert.FieldErrorsAsync(invalid, "Title", "Outcome", "Reach");

        using var created = await pm.PostAsJsonAsync(url, new
        {
            title = "One-page checkout", outcome = "Fewer abandoned baskets", horizon = "Now", status = "Planned", targetQuarter = "2027-Q1",
            reach = 5000, impact = 2m, confidence = 80, effort = 3m,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = await ApiAssert.IdAsync(created);
        using var read = await pm.GetAsync($"{url}/{id}");
        var etag = read.Headers.ETag!.Tag;
        var item = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Now", item.GetProperty("horizon").GetString());

        object Edit(string title) => new
        {
            title, outcome = "Fewer abandoned baskets", horizon = "Now", status = "Planned", reach = 5000, impact = 2m, confidence = 80, effort = 3m,
        };
        using (var edited = await ApiAssert.SendAsync(pm, HttpMethod.Put, $"{url}/{id}", Edit("One-step checkout"), etag))
        {
            Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        }

        using (var stale = await ApiAssert.SendAsync(pm, HttpMethod.Put, $"{url}/{id}", Edit("Two-step checkout"), etag))
        {
            await ApiAssert.ConflictAsync(stale);
        }

        using var reread = await pm.GetAsync($"{url}/{id}");
        using (var moved = await ApiAssert.SendAsync(pm, HttpMethod.Post, $"{url}/{id}/move", new { horizon = "Next" }, reread.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        }

        using (var status = await pm.PutAsJsonAsync($"{url}/{id}/status", new { status = "InProgress" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
        }

        var list = await pm.GetFromJsonAsync<JsonElement>(url);
        var card = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id);
        Assert.Equal(("One-step checkout", "Next", "InProgress"),
            (card.GetProperty("title").GetString(), card.GetProperty("horizon").GetString(), card.GetProperty("status").GetString()));

        // A developer's feedback, answered by the product manager.
        using var dev = app.TokenClient(await app.CreateAsync(AppFixture.Dev, AccessTokenScope.ReadWrite, product.Slug));
        using (var empty = await dev.PostAsJsonAsync($"{url}/{id}/feedback", new { kind = "Risk", body = "" }))
        {
            await ApiAssert.FieldErrorsAsync(empty, "Body");
        }

        using var given = await dev.PostAsJsonAsync($"{url}/{id}/feedback", new { kind = "Dependency", body = "Needs the new payment API first." });
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        var feedbackId = await ApiAssert.IdAsync(given);
        var feedback = (await pm.GetFromJsonAsync<JsonElement>($"{url}/feedback")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Open", feedback.GetProperty("status").GetString());
        using (var unanswered = await pm.PutAsJsonAsync($"{url}/feedback/{feedbackId}", new { status = "Answered", version = feedback.GetProperty("version").GetInt32() }))
        {
            await ApiAssert.FieldErrorsAsync(unanswered, "Answer");
        }

        using (var answered = await pm.PutAsJsonAsync($"{url}/feedback/{feedbackId}", new
               {
                   status = "Answered", answer = "It ships in January.", version = feedback.GetProperty("version").GetInt32(),
               }))
        {
            Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        }

        using (var stale = await pm.PutAsJsonAsync($"{url}/feedback/{feedbackId}", new { status = "Accepted", version = feedback.GetProperty("version").GetInt32() }))
        {
            await ApiAssert.ConflictAsync(stale);
        }

        Assert.Equal("It ships in January.", await app.QueryAsync(db => db.RoadmapFeedback.Where(f => f.Id == feedbackId).Select(f => f.Answer).SingleAsync()));

        using (var tooLong = await pm.PostAsJsonAsync($"{url}/publish", new { note = new string('x', 1001) }))
        {
            await ApiAssert.FieldErrorsAsync(tooLong, "Note");
        }

        using var published = await pm.PostAsJsonAsync($"{url}/publish", new { note = "January plan" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var stakeholder = await app.SharedClientAsync(AppFixture.Stakeholder);
        var publishedPage = await stakeholder.GetPageAsync($"/p/{product.Slug}/roadmap/published");
        Assert.Contains("One-step checkout", publishedPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goals_and_key_results_are_set_edited_checked_in_and_archived_over_the_api()
    {
        var product = await app.NewProduct("Goals API").BuildAsync();
        using var pm = app.TokenClient(await app.CreateAsync(AppFixture.Pm, AccessTokenScope.ReadWrite, product.Slug, "OKR tool"));
        var url = $"/api/v1/products/{product.Slug}/goals";

        using (var invalid = await pm.PostAsJsonAsync(url, new { title = "", level = "Product" }))
        {
            await ApiAssert.FieldErrorsAsync(invalid, "Title");
        }

        using var created = await pm.PostAsJsonAsync(url, new { title = "Faster checkout", level = "Product" });
        var goalId = await ApiAssert.IdAsync(created);
        using var keyResult = await pm.PostAsJsonAsync($"{url}/{goalId}/key-results", new
        {
            metric = "Checkout time (s)", baseline = 60m, target = 20m, current = 60m, dueOn = "2027-06-30",
        });
        Assert.Equal(HttpStatusCode.Created, keyResult.StatusCode);
        var keyResultId = await ApiAssert.IdAsync(keyResult);

        using var read = await pm.GetAsync($"{url}/{goalId}");
        var goalEtag = read.Headers.ETag!.Tag;
        var keyResultVersion = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("goal").GetProperty("keyResults")[0].GetProperty("version").GetInt32();
        using (var edited = await ApiAssert.SendAsync(pm, HttpMethod.Put, $"{url}/{goalId}", new { title = "Checkout in a minute", level = "Product" }, goalEtag))
        {
            Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        }

        using (var stale = await ApiAssert.SendAsync(pm, HttpMethod.Put, $"{url}/{goalId}", new { title = "Checkout at once", level = "Product" }, goalEtag))
        {
            await ApiAssert.ConflictAsync(stale);
        }

        object KeyResult(decimal target) => new { metric = "Checkout time (s)", baseline = 60m, target, current = 60m, dueOn = "2027-06-30", version = keyResultVersion };
        using (var editedKeyResult = await pm.PutAsJsonAsync($"{url}/{goalId}/key-results/{keyResultId}", KeyResult(30m)))
        {
            Assert.Equal(HttpStatusCode.NoContent, editedKeyResult.StatusCode);
        }

        using (var staleKeyResult = await pm.PutAsJsonAsync($"{url}/{goalId}/key-results/{keyResultId}", KeyResult(25m)))
        {
            await ApiAssert.ConflictAsync(staleKeyResult);
        }

        using (var noValue = await pm.PostAsJsonAsync($"{url}/{goalId}/key-results/{keyResultId}/check-ins", new { note = "weekly" }))
        {
            await ApiAssert.FieldErrorsAsync(noValue, "Value");
        }

        using (var checkIn = await pm.PostAsJsonAsync($"{url}/{goalId}/key-results/{keyResultId}/check-ins", new { value = 45m, note = "Week 3" }))
        {
            Assert.Equal(HttpStatusCode.Created, checkIn.StatusCode);
        }

        // 60 → 30 is the way; 45 is half of it. The goals page shows the same.
        var goal = (await pm.GetFromJsonAsync<JsonElement>($"{url}/{goalId}")).GetProperty("goal");
        Assert.Equal(50, goal.GetProperty("keyResults")[0].GetProperty("progress").GetInt32());
        var page = await (await app.SharedClientAsync(AppFixture.Pm)).GetPageAsync($"/p/{product.Slug}/goals");
        Assert.Equal("50", page.QuerySelector("progress[aria-label='Progress of Checkout in a minute']")?.GetAttribute("value"));

        using (var archived = await pm.PostAsJsonAsync($"{url}/{goalId}/archive", new { archived = true, version = goal.GetProperty("version").GetInt32() }))
        {
            Assert.Equal(HttpStatusCode.NoContent, archived.StatusCode);
        }

        Assert.Equal(0, (await pm.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32());
        Assert.Equal(1, (await pm.GetFromJsonAsync<JsonElement>(url + "?includeArchived=true")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Insights_and_competitors_are_recorded_read_and_edited_over_the_api()
    {
        var product = await app.NewProduct("Research API").BuildAsync();
        using var pm = app.TokenClient(await app.CreateAsync(AppFixture.Pm, AccessTokenScope.ReadWrite, product.Slug, "Research sync"));
        var url = $"/api/v1/products/{product.Slug}";

        using (var invalid = await pm.PostAsJsonAsync(url + "/insights", new { kind = "Survey", title = "" }))
        {
            await ApiAssert.FieldErrorsAsync(invalid, "Title");
        }

        using var recorded = await pm.PostAsJsonAsync(url + "/insights", new
        {
            kind = "CustomerInterview", title = "Shoppers give up at the address form", summary = "Five of eight gave up.", observedOn = "2026-11-20", tags = "checkout, ux",
            isOpportunity = true,
        });
        var insightId = await ApiAssert.IdAsync(recorded);
        using var read = await pm.GetAsync($"{url}/insights/{insightId}");
        var etag = read.Headers.ETag!.Tag;
        object Insight(string title) => new
        {
            kind = "CustomerInterview", title, summary = "Five of eight gave up.", observedOn = "2026-11-20", tags = "checkout", isOpportunity = true,
        };
        using (var edited = await ApiAssert.SendAsync(pm, HttpMethod.Put, $"{url}/insights/{insightId}", Insight("Shoppers abandon the address form"), etag))
        {
            Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        }

        using (var stale = await ApiAssert.SendAsync(pm, HttpMethod.Put, $"{url}/insights/{insightId}", Insight("Shoppers skip it"), etag))
        {
            await ApiAssert.ConflictAsync(stale);
        }

        var insights = await pm.GetFromJsonAsync<JsonElement>(url + "/insights?opportunitiesOnly=true");
        Assert.Equal("Shoppers abandon the address form", insights.GetProperty("items")[0].GetProperty("title").GetString());

        using (var unnamed = await pm.PostAsJsonAsync(url + "/competitors", new { name = "", positioning = "" }))
        {
            await ApiAssert.FieldErrorsAsync(unnamed, "Name", "Positioning");
        }

        using var added = await pm.PostAsJsonAsync(url + "/competitors", new { name = "Quickpay", strengths = "One tap", positioning = "Fastest checkout" });
        var competitorId = await ApiAssert.IdAsync(added);
        using var competitor = await pm.GetAsync($"{url}/competitors/{competitorId}");
        var competitorEtag = competitor.Headers.ETag!.Tag;
        object Competitor(string positioning) => new { name = "Quickpay", strengths = "One tap", positioning };
        using (var edited = await ApiAssert.SendAsync(pm, HttpMethod.Put, $"{url}/competitors/{competitorId}", Competitor("Cheapest checkout"), competitorEtag))
        {
            Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        }

        using (var stale = await ApiAssert.SendAsync(pm, HttpMethod.Put, $"{url}/competitors/{competitorId}", Competitor("Safest checkout"), competitorEtag))
        {
            await ApiAssert.ConflictAsync(stale);
        }

        var page = await (await app.SharedClientAsync(AppFixture.Pm)).GetPageAsync($"/p/{product.Slug}/research/competitors");
        Assert.Contains("Cheapest checkout", page.Body!.TextContent, StringComparison.Ordinal);
        using var missing = await pm.GetAsync($"{url}/competitors/{competitorId + 1000}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
