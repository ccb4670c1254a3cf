using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.ProductManager.Goals;

/// <summary>Goals and key results, each test in a product of its own.</summary>
[Collection(AppCollection.Name)]
public sealed class GoalTests(AppFixture app)
{
    private Task<TestProduct> NewProductAsync() => app.NewProduct("Goals").BuildAsync();

    [Fact]
    public async Task A_product_goal_links_to_a_company_goal_and_its_progress_follows_its_key_results()
    {
        var product = await NewProductAsync();
        var company = await product.Goal("Grow merchant revenue").Company().CreateAsync();
        var id = await product.SendAsync(AppFixture.Pm, new CreateGoal(product.Slug, "Shorter refunds queue", null, GoalLevel.Product, company));
        await product.SendAsync(AppFixture.Pm, new CreateKeyResult(product.Slug, id, "Refund queue (h)", 48, 8, 28, new DateOnly(2027, 6, 30)));

        var detail = await product.AskAsync(AppFixture.Po, new GetGoal(product.Slug, id));
        Assert.Equal("Grow merchant revenue", detail.Goal.CompanyGoalTitle);
        Assert.Equal(50, detail.Goal.KeyResults.Single().Progress);
        Assert.Equal(50, detail.Goal.Progress);
    }

    [Fact]
    public async Task Key_results_need_a_metric_a_target_unlike_the_baseline_and_a_sane_due_date()
    {
        var product = await NewProductAsync();
        var goalId = await product.Goal("Faster checkout").CreateAsync();
        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            product.SendAsync(AppFixture.Pm, new CreateKeyResult(product.Slug, goalId, "", 5, 5, null, new DateOnly(1990, 1, 1))));
        Assert.Contains("Metric", ex.Errors.Keys);
        Assert.Contains("Target", ex.Errors.Keys);
        Assert.Contains("Current", ex.Errors.Keys);
        Assert.Contains("DueOn", ex.Errors.Keys);
        Assert.Empty((await product.AskAsync(AppFixture.Pm, new GetGoal(product.Slug, goalId))).Goal.KeyResults);
    }

    [Fact]
    public async Task Archived_goals_leave_the_list_until_asked_for()
    {
        var product = await NewProductAsync();
        var kept = await product.Goal("Goal to keep").CreateAsync();
        var id = await product.Goal("Goal to archive").CreateAsync();
        await product.SendAsync(AppFixture.Pm, new SetGoalArchived(product.Slug, id, true, 0));

        Assert.Equal([kept], (await product.AskAsync(AppFixture.Dev, new GetGoals(product.Slug))).Goals.Select(g => g.Id));
        Assert.Contains((await product.AskAsync(AppFixture.Dev, new GetGoals(product.Slug, true))).Goals, g => g.Id == id && g.IsArchived);
    }

    [Fact]
    public async Task Key_result_errors_show_beside_the_fields_of_the_form_that_was_posted()
    {
        var product = await NewProductAsync();
        var goalId = await product.Goal("Faster checkout").WithKeyResult("Checkout time (s)", 60, 20).CreateAsync();
        using var pm = await app.SignInAsync(AppFixture.Pm);
        var page = await pm.GetPageAsync($"{product.Url}/goals/{goalId}");
        using var response = await pm.SubmitAsync(page, "#new-key-result",
            new Dictionary<string, string> { ["KeyResult.Metric"] = "", ["KeyResult.Baseline"] = "1", ["KeyResult.Target"] = "1" });
        var result = await TestClient.ParseAsync(response);
        var form = result.QuerySelector("#new-key-result")!;
        Assert.Equal("Name the metric, e.g. checkout conversion (%).", form.QuerySelector("[data-valmsg-for='KeyResult.Metric']")!.TextContent.Trim());
        Assert.Equal("The target must differ from the baseline.", form.QuerySelector("[data-valmsg-for='KeyResult.Target']")!.TextContent.Trim());
    }
}
