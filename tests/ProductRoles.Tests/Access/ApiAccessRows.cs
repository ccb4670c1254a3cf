using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using static ProductRoles.Tests.Access.AccessRow;

namespace ProductRoles.Tests.Access;

/// <summary>
/// The public API under /api/v1 and the access tokens page. Write bodies are ones the handlers refuse (400), so
/// an allowed caller reaches the handler and nothing changes; ids are found in whichever product a row is asked
/// about (the access product, or the hostile walk's own).
/// </summary>
public sealed class ApiAccessRows : IAccessRows
{
    private const string P = "/api/v1/products/{slug}";

    public IEnumerable<AccessRow> Rows =>
    [
        Get("/settings/tokens", Roles.Everyone),
        Post("/settings/tokens", Roles.Everyone, form: new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Scope"] = "Read" }),
        Post("/settings/tokens", Roles.Everyone, handler: "Revoke", form: new Dictionary<string, string> { ["tokenId"] = "0" }),

        // The API reference and its assets are public, as is the document it reads.
        Get("/api/docs/{documentName?}", Roles.Everyone, (_, _) => Task.FromResult<IReadOnlyDictionary<string, string>>(
            new Dictionary<string, string> { ["documentName?"] = "v1" })),
        Get("/api/docs/scalar.js", Roles.Everyone),
        Get("/api/docs/scalar.aspnetcore.js", Roles.Everyone),
        Get("/api/docs/favicon.svg", Roles.Everyone),

        Get("/api/v1/antiforgery", Roles.Everyone),
        Get("/api/v1/products", Roles.Everyone),
        Get(P, Roles.MembersAndAdmin),
        Get(P + "/settings", Who.ProductManager, Who.Admin),
        JsonWrite("PUT", P + "/settings", new { name = "", stage = "Growth", version = 0 }, Who.ProductManager, Who.Admin),
        Get(P + "/history", [.. Roles.Team, Who.Admin]),
        Get(P + "/members", Roles.MembersAndAdmin),
        JsonWrite("PUT", P + "/members", new { email = "", role = "Developer" }, Roles.AdminOnly),
        // Nobody by that id is a member: the administrator is told so (400), everyone else is refused first.
        JsonWrite("DELETE", P + "/members/{userId}", new { }, Roles.AdminOnly, (_, _) => Task.FromResult<IReadOnlyDictionary<string, string>>(
            new Dictionary<string, string> { ["userId"] = "no-such-user" })),
        Get(P + "/sprints/current", Roles.Team),

        Get(P + "/backlog", Roles.Team),
        Get(P + "/backlog/{id:int}", Roles.Team, BacklogItem),
        JsonWrite("POST", P + "/backlog", new { type = "Story", title = "", status = "New" }, Who.ProductOwner),
        JsonWrite("PUT", P + "/backlog/{id:int}", new { type = "Story", title = "", status = "New", version = 0 }, Roles.ScrumTeam, BacklogItem),
        JsonWrite("POST", P + "/backlog/{id:int}/move", new { move = "ToPosition", position = 0, reason = "" }, [Who.ProductOwner], BacklogItem),
        JsonWrite("POST", P + "/backlog/bulk-edit", new { itemIds = Array.Empty<int>(), addTag = "", clearRoadmapItem = false }, Roles.ScrumTeam),
        JsonWrite("POST", P + "/backlog/{id:int}/comments", new { text = "" }, Roles.Team, BacklogItem),
        Get(P + "/backlog/{id:int}/done-checklist", Roles.ScrumTeam, BacklogItem),
        // A criterion neither ticked nor waived: the checklist's validator refuses it before the item is read.
        JsonWrite("POST", P + "/backlog/{id:int}/done", new
        {
            definitionOfDoneVersionId = 0, criteria = new[] { new { criterionId = 0, @checked = false, waived = false } }, version = 0,
        }, Roles.ScrumTeam, BacklogItem),

        // Stakeholders read the published roadmap (never the draft) and ask about its items.
        Get(P + "/roadmap/published", Roles.Members),
        JsonWrite("POST", P + "/roadmap/published/{itemId:int}/questions", new { text = "" }, [Who.Stakeholder], PublishedItem),

        Get(P + "/feedback", Roles.Team),
        Get(P + "/feedback/{id:int}", Roles.Team, Feedback),
        JsonWrite("POST", P + "/feedback", new { sourceKind = "Support", sourceName = "", text = "", tags = "" }, Who.ProductManager, Who.ProductOwner),
        JsonWrite("PUT", P + "/feedback/{id:int}/triage", new { status = "Duplicate", tags = "", version = 0 }, [Who.ProductOwner], Feedback),
        JsonWrite("POST", P + "/feedback/{id:int}/backlog-items", new { type = "Story", asA = "", wants = "", soThat = "" }, [Who.ProductOwner], Feedback),

        Get(P + "/goals", Roles.Team),
        Get(P + "/goals/{id:int}", Roles.Team, Goal),
        Get(P + "/vision", Roles.Team),
        JsonWrite("PUT", P + "/vision", new { statement = "", targetGroup = "", version = 0 }, Who.ProductManager),
        Get(P + "/definition-of-done", Roles.Team),
        JsonWrite("PUT", P + "/definition-of-done", new { criteria = "", version = 0 }, Who.ProductOwner),
        JsonWrite("POST", P + "/goals/{goalId:int}/key-results/{id:int}/current", new { current = 2_000_000_000m }, [Who.ProductManager], KeyResult),
    ];

    private static Task<IReadOnlyDictionary<string, string>> BacklogItem(AppFixture app, string slug) =>
        IdAsync(app, db => db.BacklogItems.Where(i => db.Products.Any(p => p.Slug == slug && p.Id == i.ProductId)).Select(i => i.Id));

    /// <summary>An item of the product's latest publish; a product never published (the hostile walk's) is published first, so a
    /// valid question is answered as a stakeholder would be answered, not with 404.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> PublishedItem(AppFixture app, string slug)
    {
        Task<int> FindAsync() => app.QueryAsync(db => db.PublishedRoadmapItems.IgnoreQueryFilters()
            .Where(i => db.PublishedRoadmaps.IgnoreQueryFilters().Any(r => r.Id == i.PublishedRoadmapId && db.Products.Any(p => p.Slug == slug && p.Id == r.ProductId)))
            .OrderByDescending(i => i.PublishedRoadmapId).Select(i => i.RoadmapItemId).FirstOrDefaultAsync());
        var id = await FindAsync();
        if (id == 0)
        {
            await app.AsUserAsync(AppFixture.Pm, async sender => await sender.Send(new ProductRoles.Web.Features.ProductManager.Roadmap.PublishRoadmap(slug, null)));
            id = await FindAsync();
        }

        return new Dictionary<string, string> { ["itemId:int"] = id.ToString(CultureInfo.InvariantCulture) };
    }

    private static Task<IReadOnlyDictionary<string, string>> Feedback(AppFixture app, string slug) =>
        IdAsync(app, db => db.FeedbackItems.Where(f => db.Products.Any(p => p.Slug == slug && p.Id == f.ProductId)).Select(f => f.Id));

    private static Task<IReadOnlyDictionary<string, string>> Goal(AppFixture app, string slug) =>
        IdAsync(app, db => db.Goals.Where(g => db.Products.Any(p => p.Slug == slug && p.Id == g.ProductId)).Select(g => g.Id));

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

    private static Task<IReadOnlyDictionary<string, string>> IdAsync(AppFixture app, Func<ProductRoles.Web.Data.AppDbContext, IQueryable<int>> ids) =>
        app.QueryAsync(async db => AccessProduct.Id(await ids(db).OrderBy(i => i).FirstAsync()));
}
