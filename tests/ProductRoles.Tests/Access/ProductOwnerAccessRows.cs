using ProductRoles.Tests.Infrastructure;
using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

/// <summary>Customer feedback, product backlog, ordering and the Definition of Done.</summary>
public sealed class ProductOwnerAccessRows : IAccessRows
{
    private static readonly Who[] Team = Roles.Team;
    private static readonly Who[] ScrumTeam = Roles.ScrumTeam;
    private static readonly Who[] PoOnly = [Who.ProductOwner];

    public IEnumerable<AccessRow> Rows =>
    [
        Get("/p/{slug}/feedback", Team),
        Post("/p/{slug}/feedback", [Who.ProductManager, Who.ProductOwner],
            form: new Dictionary<string, string> { ["Input.SourceKind"] = "Customer", ["Input.SourceName"] = "", ["Input.Text"] = "" }),
        Get("/p/{slug}/feedback/{id:int}", Team) with { Resolve = FeedbackId },
        Post("/p/{slug}/feedback/{id:int}", PoOnly, handler: "Triage",
            form: new Dictionary<string, string> { ["Triage.Status"] = "Duplicate", ["Triage.Version"] = "0" }) with { Resolve = FeedbackId },
        Post("/p/{slug}/feedback/{id:int}", PoOnly, handler: "Turn",
            form: new Dictionary<string, string> { ["Turn.Type"] = "Story", ["Turn.AsA"] = "merchant", ["Turn.Wants"] = "" }) with { Resolve = FeedbackId },

        Get("/p/{slug}/backlog", Team),
        Post("/p/{slug}/backlog", PoOnly, handler: "Move",
            form: new Dictionary<string, string> { ["itemId"] = "1", ["move"] = "ToPosition", ["position"] = "0" }),
        Post("/p/{slug}/backlog", ScrumTeam, handler: "Bulk", form: new Dictionary<string, string> { ["addTag"] = "" }),
        Post("/p/{slug}/backlog", PoOnly, handler: "QuickAdd", form: new Dictionary<string, string> { ["title"] = "", ["type"] = "Chore", ["place"] = "Top" }),
        Post("/p/{slug}/backlog", ScrumTeam, handler: "Inline",
            form: new Dictionary<string, string> { ["itemId"] = "1", ["version"] = "0", ["field"] = "Estimate", ["value"] = "four" }),
        Get("/p/{slug}/backlog/export", Team),
        Get("/p/{slug}/backlog/new", PoOnly),
        Post("/p/{slug}/backlog/new", PoOnly, form: new Dictionary<string, string> { ["Input.Type"] = "Story", ["Input.Title"] = "" }),
        Post("/p/{slug}/backlog/new", PoOnly, handler: "Placement", form: new Dictionary<string, string> { ["NewItemsOnTop"] = "false" }),
        Get("/p/{slug}/backlog/{id:int}", Team) with { Resolve = ItemId },
        Post("/p/{slug}/backlog/{id:int}", Team, handler: "Comment", form: new Dictionary<string, string> { ["Comment"] = "" }) with { Resolve = ItemId },
        Post("/p/{slug}/backlog/{id:int}", ScrumTeam, handler: "Tick", form: new Dictionary<string, string> { ["version"] = "-1" }) with { Resolve = ItemId },
        Post("/p/{slug}/backlog/{id:int}", PoOnly, handler: "Move",
            form: new Dictionary<string, string> { ["move"] = "ToPosition", ["position"] = "0" }) with { Resolve = ItemId },
        Get("/p/{slug}/backlog/{id:int}/edit", ScrumTeam) with { Resolve = ItemId },
        Post("/p/{slug}/backlog/{id:int}/edit", ScrumTeam,
            form: new Dictionary<string, string> { ["Input.Type"] = "Chore", ["Input.Title"] = "", ["Input.Version"] = "0" }) with { Resolve = ItemId },
        Get("/p/{slug}/backlog/{id:int}/done", ScrumTeam) with { Resolve = ItemId },
        Post("/p/{slug}/backlog/{id:int}/done", ScrumTeam,
            form: new Dictionary<string, string> { ["Done.DefinitionOfDoneVersionId"] = "0", ["Done.Version"] = "0" }) with { Resolve = ItemId },

        Get("/p/{slug}/definition-of-done", Team),
        Post("/p/{slug}/definition-of-done", PoOnly, form: new Dictionary<string, string> { ["Input.Criteria"] = "", ["Input.BasedOnNumber"] = "0" }),
    ];

    private static async Task<IReadOnlyDictionary<string, string>> ItemId(AppFixture app) => AccessProduct.Id((await AccessProduct.GetAsync(app)).BacklogItemId);

    private static async Task<IReadOnlyDictionary<string, string>> FeedbackId(AppFixture app) => AccessProduct.Id((await AccessProduct.GetAsync(app)).FeedbackId);
}
