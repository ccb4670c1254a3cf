using ProductRoles.Tests.Infrastructure;
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

    private static async Task<IReadOnlyDictionary<string, string>> ActiveSprintItem(AppFixture app)
    {
        var product = await AccessProduct.GetAsync(app);
        return new Dictionary<string, string>
        {
            ["id:int"] = product.ActiveSprintId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["itemId:int"] = product.ActiveSprintItemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static async Task<IReadOnlyDictionary<string, string>> ActiveSprint(AppFixture app) => AccessProduct.Id((await AccessProduct.GetAsync(app)).ActiveSprintId);

    private static async Task<IReadOnlyDictionary<string, string>> ClosedSprint(AppFixture app) => AccessProduct.Id((await AccessProduct.GetAsync(app)).ClosedSprintId);
}
