using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Backlog;

namespace ProductRoles.Tests.Scrum.SprintBoard;

/// <summary>The board's Done checklist over HTTP: the command, not the page, decides whether the card may move.</summary>
[Collection(AppCollection.Name)]
public sealed class SprintBoardDoneTests(AppFixture app)
{
    /// <summary>A product of its own with a Definition of Done and a sprint holding one planned card (and one item outside it).</summary>
    private async Task<(string Slug, int Sprint, int Card, int Outside)> BoardAsync(bool start)
    {
        var product = await app.NewProduct("Board").WithDefinitionOfDone("Code reviewed", "Tests pass").BuildAsync();
        var card = await product.BacklogItem("On the board").Chore().Estimate(3).CreateAsync();
        var outside = await product.BacklogItem("Not planned").Chore().Estimate(3).CreateAsync();
        var sprint = product.Sprint("Board sprint").Goal("Cards that pay").Planning(card);
        var id = await (start ? sprint.Started() : sprint).CreateAsync();
        return (product.Slug, id, card, outside);
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
        var (slug, sprint, card, _) = await BoardAsync(start: false);
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
        var (slug, sprint, card, outside) = await BoardAsync(start: true);
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
        var (slug, sprint, card, _) = await BoardAsync(start: true);
        var dev = await app.SharedClientAsync(AppFixture.Dev);
        var form = await dev.GetPageAsync($"/p/{slug}/sprints/{sprint}/board/{card}/done");

        using var response = await dev.SubmitAsync(form, "form.form", AllTicked);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(BacklogItemStatus.Done, await StatusAsync(card));
        var today = await app.QueryAsync(db => db.SprintDaySnapshots.SingleAsync(d => d.SprintId == sprint));
        Assert.Equal((3, 0), (today.ScopePoints, today.RemainingPoints));
    }
}
