using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;
using ProductRoles.Web.Features.Scrum.Sprints;

namespace ProductRoles.Tests.Scrum;

/// <summary>The board's Done checklist over HTTP: the command, not the page, decides whether the card may move.</summary>
[Collection(AppCollection.Name)]
public sealed class SprintBoardDoneTests(AppFixture app)
{
    /// <summary>A product of its own with a Definition of Done and a sprint holding one planned card (and one item outside it).</summary>
    private async Task<(string Slug, int Sprint, int Card, int Outside)> BoardAsync(string slug, bool start)
    {
        await app.AsUserAsync(AppFixture.Admin, async sender =>
        {
            await sender.Send(new CreateProduct("Board " + slug, slug, LifecycleStage.Growth, null));
            await sender.Send(new SetMemberRole(slug, AppFixture.Po, ProductRole.ProductOwner));
            await sender.Send(new SetMemberRole(slug, AppFixture.Dev, ProductRole.Developer));
        });
        var ids = await app.QueryAsync(async db =>
        {
            var productId = await db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var ranks = RankKey.Spread(3);
            var rows = new[] { "On the board", "Not planned" }.Select((title, n) => new BacklogItem
            {
                ProductId = productId, Title = title, Estimate = 3, Status = BacklogItemStatus.Ready, Rank = ranks[n + 1],
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }).ToList();
            db.BacklogItems.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToArray();
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sprint = await app.AsUserAsync(AppFixture.Po, async sender =>
        {
            await sender.Send(new EditDefinitionOfDone(slug, "Code reviewed\nTests pass", 0));
            var id = await sender.Send(new CreateSprint(slug, "Board sprint", "Cards that pay", today, today.AddDays(13), 10, false));
            await sender.Send(new PlanSprintItem(slug, id, ids[0]));
            if (start)
            {
                await sender.Send(new StartSprint(slug, id, 0));
            }

            return id;
        });
        return (slug, sprint, ids[0], ids[1]);
    }

    private static Dictionary<string, string> AllTicked => new()
    {
        ["Done.Criteria[0].Checked"] = "true",
        ["Done.Criteria[1].Checked"] = "true",
    };

    private Task<BacklogItemStatus> StatusAsync(int itemId) =>
        app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == itemId).Select(i => i.Status).SingleAsync());

    [Fact]
    public async Task A_card_whose_sprint_has_not_started_is_refused_beside_the_checklist_and_stays_undone()
    {
        var (slug, sprint, card, _) = await BoardAsync("board-done-planned", start: false);
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var form = await dev.GetPageAsync($"/p/{slug}/sprints/{sprint}/board/{card}/done");
        var activity = await app.ActivityCountAsync(slug);

        using var response = await dev.SubmitAsync(form, "form.form", AllTicked);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await dev.FollowAsync(response);
        Assert.Contains("Cards move only while their sprint is active.", page.Text(".alert-error"), StringComparison.Ordinal);
        Assert.Equal(BacklogItemStatus.Planned, await StatusAsync(card));
        Assert.Equal(activity, await app.ActivityCountAsync(slug));
        Assert.Equal(0, await app.QueryAsync(db => db.BacklogItemDoneChecks.CountAsync(c => c.BacklogItemId == card)));
    }

    [Fact]
    public async Task An_item_that_is_not_on_the_board_is_not_found_and_stays_undone()
    {
        var (slug, sprint, card, outside) = await BoardAsync("board-done-outside", start: true);
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var form = await dev.GetPageAsync($"/p/{slug}/sprints/{sprint}/board/{card}/done");
        var action = (form.QuerySelector("form.form") as AngleSharp.Html.Dom.IHtmlFormElement)!;
        action.SetAttribute("action", $"/p/{slug}/sprints/{sprint}/board/{outside}/done");

        using var response = await dev.SubmitAsync(form, "form.form", AllTicked);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(BacklogItemStatus.Ready, await StatusAsync(outside));
    }

    [Fact]
    public async Task A_card_of_the_active_sprint_meets_the_definition_of_done_and_burns_down()
    {
        var (slug, sprint, card, _) = await BoardAsync("board-done-active", start: true);
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var form = await dev.GetPageAsync($"/p/{slug}/sprints/{sprint}/board/{card}/done");

        using var response = await dev.SubmitAsync(form, "form.form", AllTicked);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(BacklogItemStatus.Done, await StatusAsync(card));
        var today = await app.QueryAsync(db => db.SprintDaySnapshots.SingleAsync(d => d.SprintId == sprint));
        Assert.Equal((3, 0), (today.ScopePoints, today.RemainingPoints));
    }
}
