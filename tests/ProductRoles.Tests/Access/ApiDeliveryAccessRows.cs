using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

/// <summary>
/// The /api/v1 endpoints of strategy and delivery: roadmap, goals, research, sprints, board, reviews and retrospectives.
/// Write bodies are ones the handlers refuse (400) whichever one field the hostile walk replaces: two fields wrong, a
/// required choice left out, an id of 0 the validator refuses, or a sprint in a state that refuses the change.
/// </summary>
public sealed class ApiDeliveryAccessRows : IAccessRows
{
    private const string P = "/api/v1/products/{slug}";
    private static readonly Who[] Pm = [Who.ProductManager];
    private static readonly Who[] Planners = [Who.ProductOwner, Who.ScrumMaster];

    public IEnumerable<AccessRow> Rows =>
    [
        Get(P + "/roadmap", Roles.Team),
        Get(P + "/roadmap/{id:int}", Roles.Team, RoadmapItem),
        JsonWrite("POST", P + "/roadmap", new { title = "", outcome = "", horizon = "Now", status = "Planned" }, Pm),
        JsonWrite("PUT", P + "/roadmap/{id:int}", new { title = "", outcome = "", horizon = "Now", status = "Planned", version = 0 }, Pm, RoadmapItem),
        JsonWrite("POST", P + "/roadmap/{id:int}/move", new { version = 0 }, Pm, RoadmapItem),
        JsonWrite("PUT", P + "/roadmap/{id:int}/status", new { version = 0 }, Pm, RoadmapItem),
        JsonWrite("POST", P + "/roadmap/publish", new { note = new string('x', 1001) }, Who.ProductManager),
        Get(P + "/roadmap/feedback", Roles.Team),
        JsonWrite("POST", P + "/roadmap/{id:int}/feedback", new { kind = "Risk", body = "" }, Roles.Team, RoadmapItem),
        JsonWrite("PUT", P + "/roadmap/feedback/{id:int}", new { answer = "", version = 0 }, Pm, RoadmapFeedback),

        JsonWrite("POST", P + "/goals", new { title = "", level = "Product" }, Who.ProductManager),
        JsonWrite("PUT", P + "/goals/{id:int}", new { title = "", level = "Product", version = 0 }, Pm, Goal),
        JsonWrite("POST", P + "/goals/{id:int}/archive", new { archived = true, version = 0 }, Pm, None),
        JsonWrite("POST", P + "/goals/{goalId:int}/key-results", new { metric = "" }, Pm, GoalOfKeyResult),
        JsonWrite("PUT", P + "/goals/{goalId:int}/key-results/{id:int}", new { metric = "", version = 0 }, Pm, KeyResult),
        JsonWrite("POST", P + "/goals/{goalId:int}/key-results/{id:int}/check-ins", new { value = 2_000_000_000m, note = "" }, Pm, KeyResult),

        Get(P + "/insights", Roles.Team),
        Get(P + "/insights/{id:int}", Roles.Team, Insight),
        JsonWrite("POST", P + "/insights", new { kind = "Survey", title = "", summary = "" }, Who.ProductManager),
        JsonWrite("PUT", P + "/insights/{id:int}", new { kind = "Survey", title = "", summary = "", version = 0 }, Pm, Insight),
        Get(P + "/competitors", Roles.Team),
        Get(P + "/competitors/{id:int}", Roles.Team, Competitor),
        JsonWrite("POST", P + "/competitors", new { name = "", positioning = "" }, Who.ProductManager),
        JsonWrite("PUT", P + "/competitors/{id:int}", new { name = "", positioning = "", version = 0 }, Pm, Competitor),

        Get(P + "/sprints", Roles.Team),
        Get(P + "/sprints/{id:int}", Roles.Team, ActiveSprint),
        JsonWrite("POST", P + "/sprints", new { name = "", goal = "", startDate = "2031-01-10", endDate = "2031-01-01", capacity = -1 }, Planners),
        JsonWrite("PUT", P + "/sprints/{id:int}", new { name = "", goal = "", capacity = -5, version = 0 }, Planners, ActiveSprint),
        // A closed sprint's backlog no longer changes, and the running sprint has started already: allowed callers are refused.
        JsonWrite("POST", P + "/sprints/{id:int}/plan", new { backlogItemId = 0 }, Planners, ClosedSprint),
        JsonWrite("POST", P + "/sprints/{id:int}/unplan", new { backlogItemId = 0 }, Planners, ClosedSprint),
        JsonWrite("POST", P + "/sprints/{id:int}/start", new { }, Planners, ActiveSprint),
        JsonWrite("POST", P + "/sprints/{id:int}/close", new { version = 0 }, Planners, ClosedSprint),
        Get(P + "/sprints/{id:int}/board", Roles.Team, ActiveSprint),
        JsonWrite("POST", P + "/sprints/{id:int}/board/move", new { backlogItemId = 0, version = 0 }, Roles.ScrumTeam, ActiveSprint),
        JsonWrite("POST", P + "/sprints/{id:int}/tasks", new { backlogItemId = 0, title = "", remainingHours = -1 }, Roles.ScrumTeam, ActiveSprint),
        JsonWrite("PUT", P + "/sprints/{id:int}/tasks/{taskId:int}", new { ownerId = "", remainingHours = -1, version = 0 }, Roles.ScrumTeam, Task),

        Get(P + "/reviews", Roles.Members),
        Get(P + "/sprints/{id:int}/review", Roles.Members, ClosedSprint),
        JsonWrite("PUT", P + "/sprints/{id:int}/review", new { notes = "", version = 0 }, [Who.ProductOwner], ClosedSprint),
        JsonWrite("POST", P + "/sprints/{id:int}/review/feedback", new { text = "" }, Roles.Members, ClosedSprint),
        Get(P + "/sprints/{id:int}/retrospective", Roles.ScrumTeam, ClosedSprint),
        JsonWrite("PUT", P + "/sprints/{id:int}/retrospective", new { wentWell = "", toImprove = "", version = 0 }, Roles.ScrumTeam, ClosedSprint),
        JsonWrite("POST", P + "/sprints/{id:int}/retrospective/actions", new { title = "", ownerId = "" }, Roles.ScrumTeam, ClosedSprint),
        JsonWrite("PUT", P + "/retrospective-actions/{id:int}/state", new { version = 0 }, Roles.ScrumTeam, RetrospectiveAction),
    ];

    private static Task<IReadOnlyDictionary<string, string>> RoadmapItem(AppFixture app, string slug) =>
        FirstAsync(app, slug, db => db.RoadmapItems.IgnoreQueryFilters(), i => i.ProductId, i => i.Id);

    private static Task<IReadOnlyDictionary<string, string>> RoadmapFeedback(AppFixture app, string slug) =>
        FirstAsync(app, slug, db => db.RoadmapFeedback.IgnoreQueryFilters(), f => f.ProductId, f => f.Id, orNone: true);

    private static Task<IReadOnlyDictionary<string, string>> Goal(AppFixture app, string slug) =>
        FirstAsync(app, slug, db => db.Goals.IgnoreQueryFilters(), g => g.ProductId, g => g.Id);

    private static Task<IReadOnlyDictionary<string, string>> Insight(AppFixture app, string slug) =>
        FirstAsync(app, slug, db => db.Insights.IgnoreQueryFilters(), i => i.ProductId, i => i.Id);

    private static Task<IReadOnlyDictionary<string, string>> Competitor(AppFixture app, string slug) =>
        FirstAsync(app, slug, db => db.Competitors.IgnoreQueryFilters(), c => c.ProductId, c => c.Id);

    private static Task<IReadOnlyDictionary<string, string>> None(AppFixture app, string slug) =>
        System.Threading.Tasks.Task.FromResult(AccessProduct.Id(0));

    private static async Task<IReadOnlyDictionary<string, string>> GoalOfKeyResult(AppFixture app, string slug)
    {
        var ids = await KeyResult(app, slug);
        return new Dictionary<string, string> { ["goalId:int"] = ids["goalId:int"] };
    }

    private static Task<IReadOnlyDictionary<string, string>> KeyResult(AppFixture app, string slug) => app.QueryAsync(async db =>
    {
        var keyResult = await db.KeyResults.IgnoreQueryFilters()
            .Where(k => db.Goals.IgnoreQueryFilters().Any(g => g.Id == k.GoalId && db.Products.Any(p => p.Slug == slug && p.Id == g.ProductId)))
            .OrderBy(k => k.Id).Select(k => new { k.GoalId, k.Id }).FirstAsync();
        return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["goalId:int"] = keyResult.GoalId.ToString(CultureInfo.InvariantCulture),
            ["id:int"] = keyResult.Id.ToString(CultureInfo.InvariantCulture),
        };
    });

    private static Task<IReadOnlyDictionary<string, string>> ActiveSprint(AppFixture app, string slug) => SprintAsync(app, slug, SprintState.Active);

    private static Task<IReadOnlyDictionary<string, string>> ClosedSprint(AppFixture app, string slug) => SprintAsync(app, slug, SprintState.Closed);

    private static Task<IReadOnlyDictionary<string, string>> SprintAsync(AppFixture app, string slug, SprintState state) =>
        FirstAsync(app, slug, db => db.Sprints.IgnoreQueryFilters().Where(s => s.State == state), s => s.ProductId, s => s.Id);

    /// <summary>A task of the running sprint where there is one (the hostile walk's product), else 0: the validator refuses the body first.</summary>
    private static Task<IReadOnlyDictionary<string, string>> Task(AppFixture app, string slug) => app.QueryAsync(async db =>
    {
        var sprint = await db.Sprints.IgnoreQueryFilters().Where(s => s.State == SprintState.Active && db.Products.Any(p => p.Slug == slug && p.Id == s.ProductId))
            .Select(s => s.Id).FirstAsync();
        var task = await db.SprintTasks.IgnoreQueryFilters().Where(t => db.SprintItems.IgnoreQueryFilters().Any(i => i.Id == t.SprintItemId && i.SprintId == sprint))
            .OrderBy(t => t.Id).Select(t => t.Id).FirstOrDefaultAsync();
        return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["id:int"] = sprint.ToString(CultureInfo.InvariantCulture),
            ["taskId:int"] = task.ToString(CultureInfo.InvariantCulture),
        };
    });

    private static Task<IReadOnlyDictionary<string, string>> RetrospectiveAction(AppFixture app, string slug) =>
        FirstAsync(app, slug, db => db.RetrospectiveActions.IgnoreQueryFilters(), a => a.ProductId, a => a.Id, orNone: true);

    private static Task<IReadOnlyDictionary<string, string>> FirstAsync<T>(AppFixture app, string slug, Func<AppDbContext, IQueryable<T>> rows,
        System.Linq.Expressions.Expression<Func<T, int>> productId, System.Linq.Expressions.Expression<Func<T, int>> id, bool orNone = false)
        where T : class => app.QueryAsync(async db =>
    {
        var product = await db.Products.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
        var parameter = productId.Parameters[0];
        var filter = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.Equal(productId.Body, System.Linq.Expressions.Expression.Constant(product)), parameter);
        var ids = rows(db).Where(filter).Select(id).OrderBy(i => i);
        return AccessProduct.Id(orNone ? await ids.FirstOrDefaultAsync() : await ids.FirstAsync());
    });
}
