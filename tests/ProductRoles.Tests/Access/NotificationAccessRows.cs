using ProductRoles.Tests.Infrastructure;
using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

/// <summary>The inbox, the bell's count and the settings are every signed-in user's own; watching follows what the role may see; unsubscribing needs no sign-in; the mail outbox is the administrator's.</summary>
public sealed class NotificationAccessRows : IAccessRows
{
    public IEnumerable<AccessRow> Rows =>
    [
        Get("/notifications", Roles.Everyone),
        Post("/notifications", Roles.Everyone, handler: "ReadAll"),
        Post("/notifications", Roles.Everyone, handler: "Read", form: new Dictionary<string, string> { ["id"] = "0" }),
        Post("/notifications", Roles.Everyone, handler: "Open", form: new Dictionary<string, string> { ["id"] = "0" }),
        Get("/notifications/count", Roles.Everyone),
        Get("/settings/notifications", Roles.Everyone),
        Post("/settings/notifications", Roles.Everyone,
            form: new Dictionary<string, string> { ["Input.TimeZoneId"] = "Mars/Olympus_Mons", ["Input.DigestAt"] = "08:00" }),
        Get("/notifications/unsubscribe", Roles.Everyone),
        Post("/notifications/unsubscribe", Roles.Everyone),
        Get("/admin/outbox", Roles.AdminOnly),
        Post("/admin/outbox", Roles.AdminOnly, handler: "Retry", form: new Dictionary<string, string> { ["id"] = "0" }),
        Post("/p/{slug}/backlog/{id:int}", Roles.Team, handler: "Watch", form: new Dictionary<string, string> { ["watch"] = "false" }) with { Resolve = ItemId },
        Post("/p/{slug}/roadmap/{id:int}", Roles.Team, handler: "Watch", form: new Dictionary<string, string> { ["watch"] = "false" }) with { Resolve = RoadmapItemId },
        Post("/p/{slug}/sprints/{id:int}/review", Roles.Members, handler: "Watch", form: new Dictionary<string, string> { ["watch"] = "false" }) with { Resolve = ReviewId },
    ];

    private static async Task<IReadOnlyDictionary<string, string>> ItemId(AppFixture app) => AccessProduct.Id((await AccessProduct.GetAsync(app)).BacklogItemId);

    private static async Task<IReadOnlyDictionary<string, string>> RoadmapItemId(AppFixture app) => AccessProduct.Id((await AccessProduct.GetAsync(app)).RoadmapItemId);

    private static async Task<IReadOnlyDictionary<string, string>> ReviewId(AppFixture app) => AccessProduct.Id((await AccessProduct.GetAsync(app)).ClosedSprintId);
}
