using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Sprints;
using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

public sealed class ScrumAccessRows : IAccessRows
{
    private static readonly Who[] Planners = [Who.ProductOwner, Who.ScrumMaster];

    public IEnumerable<AccessRow> Rows =>
    [
        Get("/p/{slug}/sprints", Roles.Team),
        Get("/api/products/{slug}/sprints/current", Roles.Team),
        Get("/p/{slug}/sprints/new", Planners),
        Post("/p/{slug}/sprints/new", Planners, form: new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Goal"] = "", ["Input.StartDate"] = "2031-01-10", ["Input.EndDate"] = "2031-01-01", ["Input.Capacity"] = "-1",
        }),
        Get("/p/{slug}/sprints/{id:int}", Roles.Team) with { Resolve = ActiveSprint },
        Post("/p/{slug}/sprints/{id:int}", Planners, handler: "Edit", form: new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Goal"] = "", ["Input.Capacity"] = "-5", ["Input.Version"] = "0",
        }) with { Resolve = ActiveSprint },
        // The active sprint has started already, so an allowed start is refused and nothing changes.
        Post("/p/{slug}/sprints/{id:int}", Planners, handler: "Start", form: new Dictionary<string, string> { ["version"] = "0" })
            with { Resolve = ActiveSprint },
        Post("/p/{slug}/sprints/{id:int}", Planners, handler: "Plan", form: new Dictionary<string, string> { ["backlogItemId"] = "0" })
            with { Resolve = ClosedSprint },
        Post("/p/{slug}/sprints/{id:int}", Planners, handler: "Unplan", form: new Dictionary<string, string> { ["backlogItemId"] = "0" })
            with { Resolve = ClosedSprint },
        // A closed sprint closes once: an allowed caller is refused and nothing changes.
        Post("/p/{slug}/sprints/{id:int}", Planners, handler: "Close", form: new Dictionary<string, string> { ["unfinished"] = "ReturnToBacklog", ["version"] = "0" })
            with { Resolve = ClosedSprint },
        Get("/p/{slug}/sprints/{id:int}/retrospective", Roles.ScrumTeam) with { Resolve = ClosedSprint },
        Post("/p/{slug}/sprints/{id:int}/retrospective", Roles.ScrumTeam, handler: "Save",
            form: new Dictionary<string, string> { ["Input.WentWell"] = "", ["Input.ToImprove"] = "", ["Input.Version"] = "0" })
            with { Resolve = ClosedSprint },
        Post("/p/{slug}/sprints/{id:int}/retrospective", Roles.ScrumTeam, handler: "AddAction",
            form: new Dictionary<string, string> { ["NewAction.Title"] = "", ["NewAction.OwnerId"] = "" })
            with { Resolve = ClosedSprint },
        Post("/p/{slug}/sprints/{id:int}/retrospective", Roles.ScrumTeam, handler: "SetState",
            form: new Dictionary<string, string> { ["actionId"] = "0", ["state"] = "99", ["version"] = "0" })
            with { Resolve = ClosedSprint },
        Get("/p/{slug}/sprints/{id:int}/board", Roles.Team) with { Resolve = ActiveSprint },
        Post("/p/{slug}/sprints/{id:int}/board", Roles.ScrumTeam, handler: "Move",
            form: new Dictionary<string, string> { ["backlogItemId"] = "0", ["to"] = "Done", ["version"] = "0" }) with { Resolve = ActiveSprint },
        Post("/p/{slug}/sprints/{id:int}/board", Roles.ScrumTeam, handler: "AddTask",
            form: new Dictionary<string, string> { ["backlogItemId"] = "0", ["title"] = "", ["remainingHours"] = "4" }) with { Resolve = ActiveSprint },
        Post("/p/{slug}/sprints/{id:int}/board", Roles.ScrumTeam, handler: "UpdateTask",
            form: new Dictionary<string, string> { ["taskId"] = "0", ["remainingHours"] = "-1", ["state"] = "ToDo", ["version"] = "0" }) with { Resolve = ActiveSprint },
        Get("/p/{slug}/sprints/{id:int}/board/{itemId:int}/done", Roles.ScrumTeam) with { Resolve = ActiveSprintItem },
        // An empty checklist names no Definition of Done version: allowed callers are refused beside the form.
        Post("/p/{slug}/sprints/{id:int}/board/{itemId:int}/done", Roles.ScrumTeam, form: new Dictionary<string, string> { ["Done.Version"] = "0" })
            with { Resolve = ActiveSprintItem },
        Get("/p/{slug}/sprints/{id:int}/review", Roles.Members) with { Resolve = ClosedSprint },
        Post("/p/{slug}/sprints/{id:int}/review", [Who.ProductOwner], handler: "Record",
            form: new Dictionary<string, string> { ["Input.Notes"] = "", ["Input.Version"] = "0" }) with { Resolve = ClosedSprint },
        Post("/p/{slug}/sprints/{id:int}/review", Roles.Members, handler: "Feedback",
            form: new Dictionary<string, string> { ["FeedbackText"] = "" }) with { Resolve = ClosedSprint },
        Get("/p/{slug}/reviews", Roles.Members),
    ];

    /// <summary>
    /// An unfinished item on the active demo sprint. Other tests may have finished every one, so
    /// when none is left the product owner writes one and plans it into the sprint.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> ActiveSprintItem(AppFixture app)
    {
        var sprintId = await app.QueryAsync(db => db.Sprints
            .Where(s => s.Product!.Slug == AppFixture.DemoSlug && s.State == SprintState.Active).Select(s => s.Id).FirstAsync());
        var itemId = await app.QueryAsync(db => db.SprintItems
            .Where(i => i.SprintId == sprintId && i.Outcome == SprintItemOutcome.InSprint
                && i.BacklogItem!.Status != ProductRoles.Web.Domain.Backlog.BacklogItemStatus.Done)
            .OrderByDescending(i => i.Id).Select(i => (int?)i.BacklogItemId).FirstOrDefaultAsync());
        if (itemId is null)
        {
            itemId = await app.AsUserAsync(AppFixture.Po, s => s.Send(new ProductRoles.Web.Features.ProductOwner.Backlog.CreateBacklogItem(
                AppFixture.DemoSlug, new ProductRoles.Web.Features.ProductOwner.Backlog.BacklogItemFields(
                    ProductRoles.Web.Domain.Backlog.BacklogItemType.Chore, "Access check item", null, null, null, null, 1,
                    ProductRoles.Web.Domain.Backlog.BacklogItemStatus.Ready, null, null, null))));
            await app.AsUserAsync(AppFixture.Po, s => s.Send(new ProductRoles.Web.Features.Scrum.Sprints.PlanSprintItem(AppFixture.DemoSlug, sprintId, itemId.Value)));
        }

        return new Dictionary<string, string>
        {
            ["id:int"] = sprintId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["itemId:int"] = itemId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static Task<IReadOnlyDictionary<string, string>> ActiveSprint(AppFixture app) => SprintId(app, SprintState.Active);

    private static Task<IReadOnlyDictionary<string, string>> ClosedSprint(AppFixture app) => SprintId(app, SprintState.Closed);

    private static async Task<IReadOnlyDictionary<string, string>> SprintId(AppFixture app, SprintState state)
    {
        var id = await app.QueryAsync(db => db.Sprints
            .Where(s => s.Product!.Slug == AppFixture.DemoSlug && s.State == state)
            .OrderBy(s => s.StartDate).Select(s => s.Id).FirstAsync());
        return new Dictionary<string, string> { ["id:int"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
