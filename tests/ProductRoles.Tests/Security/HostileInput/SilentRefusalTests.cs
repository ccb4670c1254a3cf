using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Access;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Tests.Security.HostileInput;

/// <summary>Every refused change says why: a 200 that shows nothing and changes nothing leaves the user guessing.</summary>
[Collection(HostileCollection.Name)]
public sealed class SilentRefusalTests(HostileWalkFixture walk)
{
    // The demo product of the walk's own app: no other test posts to it.
    private const string Slug = AppFixture.DemoSlug;

    [Fact]
    public async Task Assigning_a_task_to_someone_who_is_not_a_member_says_why_and_changes_nothing()
    {
        var (sprintId, taskId, ownerBefore) = await walk.App.QueryAsync(async db =>
        {
            var task = await db.SprintTasks.Where(t => db.Products.Any(p => p.Slug == Slug && p.Id == t.ProductId) && t.SprintItem!.Sprint!.State == SprintState.Active)
                .OrderBy(t => t.Id).Select(t => new { t.Id, t.SprintItem!.SprintId, t.OwnerId }).FirstAsync();
            return (task.SprintId, task.Id, task.OwnerId);
        });
        var outsiderId = await walk.App.QueryAsync(db => db.Users.Where(u => u.Email == AppFixture.Outsider).Select(u => u.Id).SingleAsync());
        var dev = walk.Clients[nameof(Who.Developer)];
        var board = await dev.GetPageAsync($"/p/{Slug}/sprints/{sprintId}/board");
        var form = board.Forms.First(f => f.QuerySelector($"input[name=taskId][value='{taskId}']") is not null);
        form.Id = "task-under-test";

        using var response = await dev.SubmitAsync(board, "#task-under-test", new Dictionary<string, string> { ["ownerId"] = outsiderId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains("Choose a member of the Scrum team as owner.", page.QuerySelector("[role=alert]")?.TextContent);
        Assert.Equal(ownerBefore, await walk.App.QueryAsync(db => db.SprintTasks.Where(t => t.Id == taskId).Select(t => t.OwnerId).SingleAsync()));
    }

    [Fact]
    public async Task A_value_a_handler_argument_cannot_read_is_refused_with_a_message()
    {
        var sprintId = await walk.App.QueryAsync(db => db.Sprints.Where(s => s.Product!.Slug == Slug && s.State == SprintState.Active).Select(s => s.Id).SingleAsync());
        var dev = walk.Clients[nameof(Who.Developer)];
        var board = await dev.GetPageAsync($"/p/{Slug}/sprints/{sprintId}/board");
        var before = await walk.App.ActivityCountAsync(Slug);

        using var response = await dev.SubmitAsync(board, "form[action*='handler=AddTask']", new Dictionary<string, string>
        {
            ["title"] = "Hours as words", ["remainingHours"] = "four",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = (await TestClient.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent ?? "";
        Assert.True(alert.Contains("Remaining hours: This value cannot be read.", StringComparison.Ordinal), alert);
        Assert.Equal(before, await walk.App.ActivityCountAsync(Slug));
    }
}
