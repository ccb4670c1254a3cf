using ProductRoles.Tests.Infrastructure;
using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

/// <summary>
/// The product manager's pages: the team reads strategy, only the PM edits it, the team gives
/// roadmap feedback, only the PM resolves it, and every member (stakeholders too) reads the
/// published roadmap. POSTs send input the handlers reject.
/// </summary>
public sealed class ProductManagerAccessRows : IAccessRows
{
    private static readonly Who[] Pm = [Who.ProductManager];

    public IEnumerable<AccessRow> Rows =>
    [
        Get("/p/{slug}/vision", Roles.Team),
        Post("/p/{slug}/vision", Pm, form: Form(("Input.Statement", ""), ("Input.Version", "0"))),
        Get("/p/{slug}/vision/compare", Roles.Team),

        Get("/p/{slug}/goals", Roles.Team),
        Post("/p/{slug}/goals", Pm, form: Form(("Input.Title", ""), ("Input.Level", "Product"))),
        Post("/p/{slug}/goals", Pm, handler: "Archive", form: Form(("goalId", "0"), ("archive", "true"), ("version", "0"))),
        Get("/p/{slug}/goals/{id:int}", Roles.Team) with { Resolve = GoalId },
        new("POST", "/p/{slug}/goals/{id:int}", Pm, null, Form(("Input.Title", ""), ("Input.Level", "Product"), ("Input.Version", "0")), GoalId),
        new("POST", "/p/{slug}/goals/{id:int}", Pm, "KeyResult", Form(("KeyResult.Metric", ""), ("KeyResult.KeyResultId", "0")), GoalId),
        new("POST", "/p/{slug}/goals/{id:int}", Pm, "AddKeyResult", Form(("KeyResult.Metric", "")), GoalId),
        new("POST", "/p/{slug}/goals/{id:int}", Pm, "CheckIn", Form(("CheckIn.KeyResultId", "0"), ("CheckIn.Value", "")), GoalId),

        Get("/p/{slug}/research", Roles.Team),
        Get("/p/{slug}/research/new", Pm),
        Post("/p/{slug}/research/new", Pm, form: Form(("Input.Title", ""), ("Input.Kind", "Survey"))),
        Get("/p/{slug}/research/{id:int}", Roles.Team) with { Resolve = InsightId },
        new("POST", "/p/{slug}/research/{id:int}", Pm, null, Form(("Input.Title", ""), ("Input.Kind", "Survey"), ("Input.Version", "0")), InsightId),
        Get("/p/{slug}/research/competitors", Roles.Team),
        Post("/p/{slug}/research/competitors", Pm, form: Form(("Input.Name", ""), ("Input.CompetitorId", "0"))),
        Post("/p/{slug}/research/competitors", Pm, handler: "Add", form: Form(("Input.Name", ""))),

        Get("/p/{slug}/roadmap", Roles.Team),
        Post("/p/{slug}/roadmap", Pm, handler: "Move", form: Form(("itemId", "0"), ("horizon", "Now"), ("version", "0"))),
        Post("/p/{slug}/roadmap", Pm, handler: "Publish", form: Form(("note", new string('x', 1001)))),
        Get("/p/{slug}/roadmap/timeline", Roles.Team),
        Get("/p/{slug}/roadmap/feedback", Roles.Team),
        Get("/p/{slug}/roadmap/published", Roles.Members),
        Get("/p/{slug}/roadmap/new", Pm),
        Post("/p/{slug}/roadmap/new", Pm, form: Form(("Input.Title", ""), ("Input.Horizon", "Now"))),
        Get("/p/{slug}/roadmap/{id:int}", Roles.Team) with { Resolve = ItemId },
        new("POST", "/p/{slug}/roadmap/{id:int}", Roles.Team, "Feedback", Form(("Feedback.Kind", "Risk"), ("Feedback.Body", "")), ItemId),
        new("POST", "/p/{slug}/roadmap/{id:int}", Pm, "Resolve", Form(("Resolve.FeedbackId", "0"), ("Resolve.Status", "Accepted")), ItemId),
        Get("/p/{slug}/roadmap/{id:int}/edit", Pm) with { Resolve = ItemId },
        new("POST", "/p/{slug}/roadmap/{id:int}/edit", Pm, null, Form(("Input.Title", ""), ("Input.Horizon", "Now"), ("Input.Version", "0")), ItemId),
    ];

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    private static async Task<IReadOnlyDictionary<string, string>> GoalId(AppFixture app) => AccessProduct.Id((await AccessProduct.GetAsync(app)).GoalId);

    private static async Task<IReadOnlyDictionary<string, string>> InsightId(AppFixture app) => AccessProduct.Id((await AccessProduct.GetAsync(app)).InsightId);

    private static async Task<IReadOnlyDictionary<string, string>> ItemId(AppFixture app) => AccessProduct.Id((await AccessProduct.GetAsync(app)).RoadmapItemId);
}
