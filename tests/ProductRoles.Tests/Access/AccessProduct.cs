using System.Globalization;
using System.Runtime.CompilerServices;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Features.ProductManager.Vision;

namespace ProductRoles.Tests.Access;

/// <summary>
/// The product every access row is checked against: made once per app through the builders, with
/// one of every kind of thing a route can name, and the demo users as its members. Nothing else
/// writes into it, so what a row finds does not depend on the tests that ran before.
/// </summary>
public sealed record AccessProduct(
    TestProduct Product, int GoalId, int InsightId, int RoadmapItemId, int FeedbackId, int BacklogItemId,
    int ActiveSprintId, int ActiveSprintItemId, int ClosedSprintId)
{
    private static readonly ConditionalWeakTable<AppFixture, Task<AccessProduct>> Built = [];

    public static Task<AccessProduct> GetAsync(AppFixture app) => Built.GetValue(app, BuildAsync);

    public static IReadOnlyDictionary<string, string> Id(int id) =>
        new Dictionary<string, string> { ["id:int"] = id.ToString(CultureInfo.InvariantCulture) };

    private static async Task<AccessProduct> BuildAsync(AppFixture app)
    {
        var product = await app.NewProduct("Access").WithDefinitionOfDone("Code reviewed", "Tests pass").BuildAsync();
        await product.SendAsync(AppFixture.Pm, new EditVision(product.Slug, "Checkout in one step", null, null, null, null, 0));
        var vision = await product.AskAsync(AppFixture.Pm, new GetVision(product.Slug));
        await product.SendAsync(AppFixture.Pm, new EditVision(product.Slug, "Checkout in one tap", null, null, null, null, vision.Version));
        var goal = await product.Goal("Faster checkout").WithKeyResult("Checkout time (s)", 60, 20).CreateAsync();
        var insight = await product.Insight("Shoppers give up at the address form").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new AddCompetitor(product.Slug, "Quickpay", "One-tap wallet", null, "The fastest checkout"));
        var roadmapItem = await product.RoadmapItem("One-page checkout").ForGoals(goal).FromInsights(insight).CreateAsync();
        var feedback = await product.Feedback("Please remember my card.").CreateAsync();
        var backlogItem = await product.BacklogItem("Remember the card").Status(BacklogItemStatus.New).CreateAsync();

        var shipped = await product.BacklogItem("Shipped before").CreateAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var closed = await product.Sprint("Closed sprint").Starting(today.AddDays(-20)).Planning(shipped).Started().CreateAsync();
        await product.MarkDoneAsync(shipped);
        await product.CloseSprintAsync(closed);

        var inSprint = await product.BacklogItem("In the running sprint").CreateAsync();
        var active = await product.Sprint("Running sprint").Starting(today.AddDays(-3)).Planning(inSprint).Started().CreateAsync();
        return new AccessProduct(product, goal, insight, roadmapItem, feedback, backlogItem, active, inSprint, closed);
    }
}
