using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.AccessTokens;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductManager.Roadmap;

namespace ProductRoles.Tests.Api;

/// <summary>
/// Two of the callers: a CI job that marks an item Done through the Definition of Done checklist (ticks and
/// waivers, as the item page applies them), and a stakeholder's tool that reads only what stakeholders see.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DoneAndPublishedApiTests(AppFixture app)
{
    [Fact]
    public async Task A_ci_job_marks_an_item_done_through_the_definition_of_done_with_a_waiver_and_the_page_shows_it()
    {
        var product = await app.NewProduct("CI done").WithDefinitionOfDone("Code reviewed", "Tests pass").BuildAsync();
        var item = await product.BacklogItem("Remember the card").Status(BacklogItemStatus.InProgress).CreateAsync();
        using var ci = app.TokenClient(await app.CreateAsync(AppFixture.Dev, AccessTokenScope.ReadWrite, product.Slug, "CI"));
        var url = $"/api/v1/products/{product.Slug}/backlog/{item}";

        using var read = await ci.GetAsync(url + "/done-checklist");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var checklist = await read.Content.ReadFromJsonAsync<JsonElement>();
        var dod = checklist.GetProperty("definitionOfDoneVersionId").GetInt32();
        var criteria = checklist.GetProperty("criteria").EnumerateArray().Select(c => (Id: c.GetProperty("id").GetInt32(), Text: c.GetProperty("text").GetString())).ToList();
        Assert.Equal(["Code reviewed", "Tests pass"], criteria.Select(c => c.Text));
        var etag = read.Headers.ETag!.Tag;

        // One criterion neither ticked nor waived, the other waived without a reason: each named, nothing changes.
        using (var incomplete = await ApiAssert.SendAsync(ci, HttpMethod.Post, url + "/done", new
               {
                   definitionOfDoneVersionId = dod,
                   criteria = new[] { new { criterionId = criteria[0].Id, @checked = false, waived = false, waiverReason = (string?)null },
                       new { criterionId = criteria[1].Id, @checked = false, waived = true, waiverReason = (string?)"" } },
               }, etag))
        {
            await ApiAssert.FieldErrorsAsync(incomplete, "Criteria[0].Checked", "Criteria[1].WaiverReason");
        }

        using (var unnamed = await ApiAssert.SendAsync(ci, HttpMethod.Post, url + "/done", new { criteria = Array.Empty<object>() }, etag))
        {
            await ApiAssert.FieldErrorsAsync(unnamed, "definitionOfDoneVersionId");
        }

        var done = new
        {
            definitionOfDoneVersionId = dod,
            criteria = new[] { new { criterionId = criteria[0].Id, @checked = true, waived = false, waiverReason = (string?)null },
                new { criterionId = criteria[1].Id, @checked = false, waived = true, waiverReason = (string?)"Flaky suite quarantined, see CI-42" } },
        };
        using (var readOnly = app.TokenClient(await app.CreateAsync(AppFixture.Dev, AccessTokenScope.Read, product.Slug, "CI read only")))
        using (var refused = await ApiAssert.SendAsync(readOnly, HttpMethod.Post, url + "/done", done, etag))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var stale = await ApiAssert.SendAsync(ci, HttpMethod.Post, url + "/done", done, "\"999\""))
        {
            await ApiAssert.ConflictAsync(stale);
        }

        using (var marked = await ApiAssert.SendAsync(ci, HttpMethod.Post, url + "/done", done, etag))
        {
            Assert.True(marked.StatusCode == HttpStatusCode.NoContent, await marked.Content.ReadAsStringAsync());
        }

        using var after = await ci.GetAsync(url);
        var details = await after.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Done", details.GetProperty("status").GetString());
        var record = details.GetProperty("doneRecord");
        Assert.Equal(1, record.GetProperty("definitionOfDoneNumber").GetInt32());
        Assert.Equal([(false, null), (true, "Flaky suite quarantined, see CI-42")], record.GetProperty("criteria").EnumerateArray()
            .Select(c => (c.GetProperty("waived").GetBoolean(), c.GetProperty("waiverReason").GetString())).ToList());

        using (var twice = await ApiAssert.SendAsync(ci, HttpMethod.Post, url + "/done", done, after.Headers.ETag!.Tag))
        {
            await ApiAssert.FieldErrorsAsync(twice, "");
        }

        // The product owner sees it on the item page as the checklist would have left it.
        var page = await (await app.SignInAsync(AppFixture.Po)).GetPageAsync($"{product.Url}/backlog/{item}");
        Assert.Contains("Flaky suite quarantined, see CI-42", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stakeholder_token_reads_the_published_roadmap_and_the_reviews_asks_about_an_item_and_sees_no_draft()
    {
        var product = await app.NewProduct("Stakeholder API").BuildAsync();
        var shown = await product.RoadmapItem("One-page checkout").CreateAsync();
        using var stakeholder = app.TokenClient(await app.CreateAsync(AppFixture.Stakeholder, AccessTokenScope.ReadWrite, product.Slug, "Board deck"));
        var url = $"/api/v1/products/{product.Slug}";

        using (var nothing = await stakeholder.GetAsync(url + "/roadmap/published"))
        {
            Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
            Assert.Equal("The roadmap has not been published yet", (await nothing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(product.Slug, "Checkout first"));
        await product.RoadmapItem("Still a draft").CreateAsync();

        using var published = await stakeholder.GetAsync(url + "/roadmap/published");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var json = await published.Content.ReadAsStringAsync();
        var roadmap = JsonDocument.Parse(json).RootElement;
        Assert.Equal("Checkout first", roadmap.GetProperty("note").GetString());
        var titles = roadmap.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(["One-page checkout"], titles);
        Assert.DoesNotContain("score", json, StringComparison.OrdinalIgnoreCase);

        using (var draft = await stakeholder.GetAsync(url + "/roadmap"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, draft.StatusCode);
        }

        using (var reviews = await stakeholder.GetAsync(url + "/reviews"))
        {
            Assert.Equal(HttpStatusCode.OK, reviews.StatusCode);
        }

        using (var empty = await stakeholder.PostAsJsonAsync($"{url}/roadmap/published/{shown}/questions", new { text = " " }))
        {
            await ApiAssert.FieldErrorsAsync(empty, "Text");
        }

        using var asked = await stakeholder.PostAsJsonAsync($"{url}/roadmap/published/{shown}/questions", new { text = "Will it work with gift cards?" });
        var questionId = await ApiAssert.IdAsync(asked);

        // The product manager finds it among the roadmap's feedback; the stakeholder reads it back with the roadmap.
        using var pm = app.TokenClient(await app.CreateAsync(AppFixture.Pm, AccessTokenScope.Read, product.Slug));
        var feedback = await (await pm.GetAsync(url + "/roadmap/feedback")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(feedback.GetProperty("items").EnumerateArray(), f => f.GetProperty("id").GetInt32() == questionId
            && f.GetProperty("body").GetString() == "Will it work with gift cards?");
        var again = await (await stakeholder.GetAsync(url + "/roadmap/published")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Will it work with gift cards?"], again.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("body").GetString()));
    }
}
