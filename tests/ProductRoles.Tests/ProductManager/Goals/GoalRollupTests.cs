using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Features.ProductManager.Goals;

namespace ProductRoles.Tests.ProductManager.Goals;

/// <summary>Company goals roll up from the product goals that serve them, shown as a tree on the goals page.</summary>
[Collection(AppCollection.Name)]
public sealed class GoalRollupTests(AppFixture app)
{
    [Fact]
    public async Task A_company_goal_averages_its_own_key_results_and_each_product_goal_and_the_goals_page_draws_the_tree()
    {
        var product = await app.NewProduct("Goal tree").BuildAsync();
        var company = await product.Goal("Grow payment volume").Company().WithKeyResult("Payment volume (€ m)", 800, 1000, 900).CreateAsync();
        var conversion = await product.Goal("Raise checkout conversion").Under(company)
            .WithKeyResult("Conversion (%)", 40, 60, 60).WithKeyResult("Abandoned carts (%)", 30, 10, 10).CreateAsync();
        var refunds = await product.Goal("Refunds shoppers trust").Under(company).WithKeyResult("Refund queue (h)", 48, 8).CreateAsync();
        await product.Goal("Unrelated").WithKeyResult("Something", 0, 10, 10).CreateAsync();

        var detail = await product.AskAsync(AppFixture.Pm, new GetGoal(product.Slug, company));
        Assert.Equal(50, detail.Goal.Progress); // (50 + 100 + 0) / 3
        Assert.Equal([conversion, refunds], detail.Goal.ProductGoals.Select(g => g.Id));

        var page = await (await app.SharedClientAsync(AppFixture.Dev)).GetPageAsync($"{product.Url}/goals");
        Assert.Equal("50 %", page.Text($"#tree-goal-{company} > .progress-line .tree-progress"));
        Assert.Equal(["100 %", "0 %"], page.QuerySelectorAll($"#tree-goal-{company} ul li .tree-progress").Select(e => e.TextContent.Trim()));
        Assert.Equal(50, Goal.RolledUpProgress([50], [100, 0]));
        Assert.Equal(75, Goal.RolledUpProgress([], [100, 50]));
    }

    [Fact]
    public async Task The_sprint_page_shows_the_product_goal_its_sprint_goal_serves_through_the_roadmap_items_of_its_backlog()
    {
        var (product, _, _, sprints, goal, _) = await Delivery.RoadmapItemDeliveryTests.DeliveredItemAsync(app);

        var page = await (await app.SharedClientAsync(AppFixture.Dev)).GetPageAsync($"{product.Url}/sprints/{sprints[2]}");

        Assert.Equal("Serves the product goal Faster checkout", string.Join(' ', page.Text(".serves-goals").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal($"{product.Url}/goals/{goal}", page.QuerySelector(".serves-goals a")!.GetAttribute("href"));
    }
}
