using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.AccessTokens;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Tests.Api;

/// <summary>
/// A sprint's whole life over the API, as a team's tooling would drive it: plan it, pull items in and out, start it,
/// work the board and its tasks, close it, review it and hold the retrospective; successes, field errors and stale writes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ScrumApiTests(AppFixture app)
{
    [Fact]
    public async Task A_sprint_is_planned_started_worked_on_the_board_closed_reviewed_and_retrospected_over_the_api()
    {
        var product = await app.NewProduct("Scrum API").BuildAsync();
        var first = await product.BacklogItem("Remember the card").Estimate(3).Status(BacklogItemStatus.Ready).CreateAsync();
        var second = await product.BacklogItem("Split the bill").Estimate(5).Status(BacklogItemStatus.Ready).CreateAsync();
        using var po = app.TokenClient(await app.CreateAsync(AppFixture.Po, AccessTokenScope.ReadWrite, product.Slug, "Jira bridge"));
        var url = $"/api/v1/products/{product.Slug}/sprints";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using (var invalid = await po.PostAsJsonAsync(url, new { name = "", goal = "", startDate = Day(10), endDate = Day(1), capacity = -1 }))
        {
            await ApiAssert.FieldErrorsAsync(invalid, "Name", "Goal", "Capacity");
        }

        using var created = await po.PostAsJsonAsync(url, new { name = "Sprint 1", goal = "Pay faster", startDate = Day(0), endDate = Day(13), capacity = 20 });
        var sprintId = await ApiAssert.IdAsync(created);
        using (var planned = await po.PostAsJsonAsync($"{url}/{sprintId}/plan", new { backlogItemId = first }))
        {
            Assert.Equal(HttpStatusCode.NoContent, planned.StatusCode);
        }

        using (await po.PostAsJsonAsync($"{url}/{sprintId}/plan", new { backlogItemId = second }))
        using (var unplanned = await po.PostAsJsonAsync($"{url}/{sprintId}/unplan", new { backlogItemId = second }))
        {
            Assert.Equal(HttpStatusCode.NoContent, unplanned.StatusCode);
        }

        using var read = await po.GetAsync($"{url}/{sprintId}");
        var sprint = await read.Content.ReadFromJsonAsync<JsonElement>();
        // Taken out before the start, the second item is simply not in the sprint backlog.
        Assert.Equal([(first, "InSprint")], sprint.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("outcome").GetString() != "Removed")
            .Select(i => (i.GetProperty("backlogItemId").GetInt32(), i.GetProperty("outcome").GetString())).ToList());
        Assert.Contains(sprint.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("id").GetInt32() == second);
        using (var edited = await ApiAssert.SendAsync(po, HttpMethod.Put, $"{url}/{sprintId}",
                   new { name = "Sprint one", goal = "Pay faster", startDate = Day(0), endDate = Day(13), capacity = 20 }, read.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);
        }

        using (var stale = await ApiAssert.SendAsync(po, HttpMethod.Put, $"{url}/{sprintId}",
                   new { name = "Sprint 1b", goal = "Pay faster", startDate = Day(0), endDate = Day(13), capacity = 20 }, read.Headers.ETag!.Tag))
        {
            await ApiAssert.ConflictAsync(stale);
        }

        using (var started = await po.PostAsJsonAsync($"{url}/{sprintId}/start", new { }))
        {
            Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        }

        using (var again = await po.PostAsJsonAsync($"{url}/{sprintId}/start", new { }))
        {
            await ApiAssert.FieldErrorsAsync(again, "");
        }

        // The developer works the board: a task, its hours and state, and the card's column.
        using var dev = app.TokenClient(await app.CreateAsync(AppFixture.Dev, AccessTokenScope.ReadWrite, product.Slug));
        using (var unnamed = await dev.PostAsJsonAsync($"{url}/{sprintId}/tasks", new { backlogItemId = first, title = "", remainingHours = 4 }))
        {
            await ApiAssert.FieldErrorsAsync(unnamed, "Title");
        }

        using var task = await dev.PostAsJsonAsync($"{url}/{sprintId}/tasks", new { backlogItemId = first, title = "Store the token", remainingHours = 4 });
        var taskId = await ApiAssert.IdAsync(task);
        var board = await dev.GetFromJsonAsync<JsonElement>($"{url}/{sprintId}/board");
        var card = board.GetProperty("cards").EnumerateArray().Single();
        var boardTask = card.GetProperty("tasks").EnumerateArray().Single();
        Assert.Equal(("ToDo", "Store the token"), (card.GetProperty("column").GetString(), boardTask.GetProperty("title").GetString()));
        using (var done = await dev.PutAsJsonAsync($"{url}/{sprintId}/tasks/{taskId}", new { remainingHours = 0, state = "Done", version = boardTask.GetProperty("version").GetInt32() }))
        {
            Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        }

        using (var staleTask = await dev.PutAsJsonAsync($"{url}/{sprintId}/tasks/{taskId}", new { remainingHours = 2, state = "InProgress", version = boardTask.GetProperty("version").GetInt32() }))
        {
            await ApiAssert.ConflictAsync(staleTask);
        }

        var cardVersion = card.GetProperty("version").GetInt32();
        using (var moved = await dev.PostAsJsonAsync($"{url}/{sprintId}/board/move", new { backlogItemId = first, to = "InProgress", version = cardVersion }))
        {
            Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        }

        using (var staleMove = await dev.PostAsJsonAsync($"{url}/{sprintId}/board/move", new { backlogItemId = first, to = "ToDo", version = cardVersion }))
        {
            await ApiAssert.ConflictAsync(staleMove);
        }

        var boardPage = await (await app.SharedClientAsync(AppFixture.Dev)).GetPageAsync($"/p/{product.Slug}/sprints/{sprintId}/board");
        Assert.Contains("Store the token", boardPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(BacklogItemStatus.InProgress, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == first).Select(i => i.Status).SingleAsync()));

        // Closed with the unfinished item back on the backlog; then the review and the retrospective.
        var version = (await po.GetFromJsonAsync<JsonElement>($"{url}/{sprintId}")).GetProperty("version").GetInt32();
        using (var unchosen = await po.PostAsJsonAsync($"{url}/{sprintId}/close", new { version }))
        {
            await ApiAssert.FieldErrorsAsync(unchosen, "Unfinished");
        }

        using (var closed = await po.PostAsJsonAsync($"{url}/{sprintId}/close", new { unfinished = "ReturnToBacklog", version }))
        {
            Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        }

        Assert.Equal(SprintState.Closed, await app.QueryAsync(db => db.Sprints.Where(s => s.Id == sprintId).Select(s => s.State).SingleAsync()));
        using var review = await po.GetAsync($"{url}/{sprintId}/review");
        using (var noVerdict = await ApiAssert.SendAsync(po, HttpMethod.Put, $"{url}/{sprintId}/review", new { notes = "Close." }, review.Headers.ETag!.Tag))
        {
            await ApiAssert.FieldErrorsAsync(noVerdict, "GoalMet");
        }

        using (var recorded = await ApiAssert.SendAsync(po, HttpMethod.Put, $"{url}/{sprintId}/review", new { goalMet = false, notes = "Card storage slipped." },
                   review.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        }

        using (var staleReview = await ApiAssert.SendAsync(po, HttpMethod.Put, $"{url}/{sprintId}/review", new { goalMet = true }, review.Headers.ETag!.Tag))
        {
            await ApiAssert.ConflictAsync(staleReview);
        }

        using var stakeholder = app.TokenClient(await app.CreateAsync(AppFixture.Stakeholder, AccessTokenScope.ReadWrite, product.Slug));
        using (var said = await stakeholder.PostAsJsonAsync($"{url}/{sprintId}/review/feedback", new { text = "Please finish the card storage." }))
        {
            Assert.Equal(HttpStatusCode.Created, said.StatusCode);
        }

        var reviewed = await stakeholder.GetFromJsonAsync<JsonElement>($"{url}/{sprintId}/review");
        Assert.Equal(("Card storage slipped.", false), (reviewed.GetProperty("notes").GetString(), reviewed.GetProperty("goalMet").GetBoolean()));
        Assert.Equal("Please finish the card storage.", reviewed.GetProperty("feedback")[0].GetProperty("text").GetString());
        Assert.Equal(sprintId, (await stakeholder.GetFromJsonAsync<JsonElement>($"/api/v1/products/{product.Slug}/reviews")).GetProperty("items")[0].GetProperty("sprintId").GetInt32());

        using (var empty = await po.PutAsJsonAsync($"{url}/{sprintId}/retrospective", new { wentWell = "", toImprove = "", version = 0 }))
        {
            await ApiAssert.FieldErrorsAsync(empty, "");
        }

        using (var written = await po.PutAsJsonAsync($"{url}/{sprintId}/retrospective", new { wentWell = "Pairing", toImprove = "Estimates", version = 0 }))
        {
            Assert.Equal(HttpStatusCode.NoContent, written.StatusCode);
        }

        var retroVersion = (await po.GetFromJsonAsync<JsonElement>($"{url}/{sprintId}/retrospective")).GetProperty("version").GetInt32();
        using (var rewritten = await po.PutAsJsonAsync($"{url}/{sprintId}/retrospective", new { wentWell = "Pairing", toImprove = "Estimates, together", version = retroVersion }))
        {
            Assert.Equal(HttpStatusCode.NoContent, rewritten.StatusCode);
        }

        using (var staleRetro = await po.PutAsJsonAsync($"{url}/{sprintId}/retrospective", new { wentWell = "Nothing", version = retroVersion }))
        {
            await ApiAssert.ConflictAsync(staleRetro);
        }

        using var action = await po.PostAsJsonAsync($"{url}/{sprintId}/retrospective/actions", new { title = "Estimate in pairs" });
        var actionId = await ApiAssert.IdAsync(action);
        var retro = await po.GetFromJsonAsync<JsonElement>($"{url}/{sprintId}/retrospective");
        var actionVersion = retro.GetProperty("actions")[0].GetProperty("version").GetInt32();
        using (var noState = await po.PutAsJsonAsync($"/api/v1/products/{product.Slug}/retrospective-actions/{actionId}/state", new { version = actionVersion }))
        {
            await ApiAssert.FieldErrorsAsync(noState, "State");
        }

        using (var inProgress = await po.PutAsJsonAsync($"/api/v1/products/{product.Slug}/retrospective-actions/{actionId}/state", new { state = "InProgress", version = actionVersion }))
        {
            Assert.Equal(HttpStatusCode.NoContent, inProgress.StatusCode);
        }

        Assert.Equal(RetrospectiveActionState.InProgress, await app.QueryAsync(db => db.RetrospectiveActions.Where(a => a.Id == actionId).Select(a => a.State).SingleAsync()));
        Assert.Equal("Pairing", (await po.GetFromJsonAsync<JsonElement>($"{url}/{sprintId}/retrospective")).GetProperty("wentWell").GetString());
    }
}
