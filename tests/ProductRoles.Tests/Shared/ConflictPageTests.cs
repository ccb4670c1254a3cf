using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Features.Scrum.Sprints;

namespace ProductRoles.Tests.Shared;

/// <summary>
/// Two people change the same thing: the one who saves second sees who saved first, when and what, in the
/// words of the history (never bookkeeping such as UpdatedAt), and can apply their own values again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConflictPageTests(AppFixture app)
{
    private const string Dana = "Dana Kim (Developer)";
    private const string Sam = "Sam Martinez (Scrum master)";

    private async Task<string> NewProductAsync(string prefix)
    {
        var slug = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        await app.AsUserAsync(AppFixture.Admin, async s =>
        {
            await s.Send(new CreateProduct("Conflict " + slug, slug, LifecycleStage.Growth, null));
            await s.Send(new SetMemberRole(slug, AppFixture.Po, ProductRole.ProductOwner));
            await s.Send(new SetMemberRole(slug, AppFixture.Sm, ProductRole.ScrumMaster));
            await s.Send(new SetMemberRole(slug, AppFixture.Dev, ProductRole.Developer));
        });
        return slug;
    }

    /// <summary>An active sprint with one item and one task of 8 hours, to do.</summary>
    private async Task<(string Slug, int SprintId, int TaskId)> ActiveSprintWithTaskAsync()
    {
        var slug = await NewProductAsync("conflict-board");
        var item = await app.AsUserAsync(AppFixture.Po, s => s.Send(new CreateBacklogItem(slug,
            new BacklogItemFields(BacklogItemType.Story, "Pay by card", "shopper", "to pay by card", "I finish quickly", null, 3,
                BacklogItemStatus.Ready, null, null, null))));
        var sprint = await app.AsUserAsync(AppFixture.Sm, s => s.Send(new CreateSprint(slug, "Sprint 1", "Card payments", new DateOnly(2044, 3, 1),
            new DateOnly(2044, 3, 14), 10, false)));
        await app.AsUserAsync(AppFixture.Sm, async s =>
        {
            await s.Send(new PlanSprintItem(slug, sprint, item));
            await s.Send(new StartSprint(slug, sprint, 0));
        });
        var task = await app.AsUserAsync(AppFixture.Dev, s => s.Send(new AddSprintTask(slug, sprint, item, "Card form", null, 8)));
        return (slug, sprint, task);
    }

    private static IHtmlFormElement ApplyAgainForm(IHtmlDocument page) =>
        (IHtmlFormElement)(page.QuerySelector(".conflict form.conflict-apply") ?? throw new InvalidOperationException("No 'apply again' form."));

    [Fact]
    public async Task A_stale_task_edit_on_the_board_says_who_changed_what_in_words_and_applies_the_users_values_on_request()
    {
        var (slug, sprint, taskId) = await ActiveSprintWithTaskAsync();
        using var dev = await app.SignInAsync(AppFixture.Dev);
        using var sm = await app.SignInAsync(AppFixture.Sm);
        var boardUrl = $"/p/{slug}/sprints/{sprint}/board";
        var devBoard = await dev.GetPageAsync(boardUrl);
        var smBoard = await sm.GetPageAsync(boardUrl);

        // Sam saves first: 3 hours left.
        using (var first = await sm.SubmitAsync(smBoard, ".board-task-edit form", new Dictionary<string, string> { ["remainingHours"] = "3" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // Dana's board is stale: she starts the task with 5 hours left.
        using var stale = await dev.SubmitAsync(devBoard, ".board-task-edit form",
            new Dictionary<string, string> { ["remainingHours"] = "5", ["state"] = nameof(SprintTaskState.InProgress) });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await TestClient.ParseAsync(stale);
        var conflict = page.Text(".conflict");

        Assert.Equal($"Changed by {Sam} while you were working", page.Text("#conflict-heading"));
        Assert.Contains("Remaining hours: 8 → 3", page.Text(".conflict-changes"));
        var rows = page.QuerySelectorAll(".conflict tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Remaining hours", StringComparison.Ordinal) && r.Contains('5') && r.Contains('3'));
        Assert.Contains(rows, r => r.Contains("State", StringComparison.Ordinal) && r.Contains("In progress", StringComparison.Ordinal)
            && r.Contains("To do", StringComparison.Ordinal));
        Assert.DoesNotContain("UpdatedAt", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("Version", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("InProgress", conflict, StringComparison.Ordinal);
        // The board has no form holding Dana's values: the panel must not pretend it has.
        Assert.DoesNotContain("form below", conflict, StringComparison.Ordinal);
        Assert.Equal((3, SprintTaskState.ToDo), await TaskAsync(taskId));

        // Applying her values again writes them over Sam's, deliberately.
        using var applied = await dev.SubmitAsync(page, ".conflict form.conflict-apply");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("Task saved.", (await dev.FollowAsync(applied)).Text(".alert-success"));
        Assert.Equal((5, SprintTaskState.InProgress), await TaskAsync(taskId));
    }

    [Fact]
    public async Task A_stale_edit_form_names_the_teammate_keeps_the_users_values_in_the_form_and_saves_them_when_applied_again()
    {
        var slug = await NewProductAsync("conflict-edit");
        var item = await app.AsUserAsync(AppFixture.Po, s => s.Send(new CreateBacklogItem(slug,
            new BacklogItemFields(BacklogItemType.Story, "Saved cards", "shopper", "to keep my card", "I pay faster", null, 3,
                BacklogItemStatus.New, null, null, null))));
        using var po = await app.SignInAsync(AppFixture.Po);
        using var dev = await app.SignInAsync(AppFixture.Dev);
        var editUrl = $"/p/{slug}/backlog/{item}/edit";
        var poForm = await po.GetPageAsync(editUrl);
        var devForm = await dev.GetPageAsync(editUrl);

        using (var first = await dev.SubmitAsync(devForm, "#edit-item-form",
            new Dictionary<string, string> { ["Input.Estimate"] = "8", ["Input.Status"] = nameof(BacklogItemStatus.Ready) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var stale = await po.SubmitAsync(poForm, "#edit-item-form", new Dictionary<string, string> { ["Input.Estimate"] = "5" });
        var page = await TestClient.ParseAsync(stale);
        var conflict = page.Text(".conflict");
        Assert.Equal($"Changed by {Dana} while you were working", page.Text("#conflict-heading"));
        Assert.Contains("Estimate: 3 → 8", page.Text(".conflict-changes"));
        Assert.Contains("Status: New → Ready", page.Text(".conflict-changes"));
        Assert.Contains("form below", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("UpdatedAt", conflict, StringComparison.Ordinal);
        Assert.Equal("5", ((IHtmlSelectElement)page.QuerySelector("#edit-item-form [name='Input.Estimate']")!).Value);

        // Saving the form again (it now carries the current version) applies the user's values.
        using var again = await po.SubmitAsync(page, "#edit-item-form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(5, await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == item).Select(i => i.Estimate).SingleAsync()));
    }

    [Fact]
    public async Task Applying_again_after_a_further_change_is_a_new_conflict_not_a_lost_update()
    {
        var (slug, sprint, taskId) = await ActiveSprintWithTaskAsync();
        using var dev = await app.SignInAsync(AppFixture.Dev);
        using var sm = await app.SignInAsync(AppFixture.Sm);
        var boardUrl = $"/p/{slug}/sprints/{sprint}/board";
        var devBoard = await dev.GetPageAsync(boardUrl);
        using (await sm.SubmitAsync(await sm.GetPageAsync(boardUrl), ".board-task-edit form", new Dictionary<string, string> { ["remainingHours"] = "3" }))
        {
        }

        using var stale = await dev.SubmitAsync(devBoard, ".board-task-edit form", new Dictionary<string, string> { ["remainingHours"] = "5" });
        var page = await TestClient.ParseAsync(stale);
        Assert.NotNull(ApplyAgainForm(page));

        // Sam changes it once more before Dana applies hers: she is told again rather than overwriting unseen work.
        using (await sm.SubmitAsync(await sm.GetPageAsync(boardUrl), ".board-task-edit form", new Dictionary<string, string> { ["remainingHours"] = "1" }))
        {
        }

        using var second = await dev.SubmitAsync(page, ".conflict form.conflict-apply");
        var secondPage = await TestClient.ParseAsync(second);
        Assert.Contains("Remaining hours: 3 → 1", secondPage.Text(".conflict-changes"));
        Assert.Equal((1, SprintTaskState.ToDo), await TaskAsync(taskId));
    }

    private Task<(int Hours, SprintTaskState State)> TaskAsync(int taskId) =>
        app.QueryAsync(async db => await db.SprintTasks.Where(t => t.Id == taskId).Select(t => new ValueTuple<int, SprintTaskState>(t.RemainingHours, t.State)).SingleAsync());
}
