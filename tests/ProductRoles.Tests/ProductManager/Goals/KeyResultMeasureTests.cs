using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.ProductManager.Delivery;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.ProductManager.Goals;

/// <summary>Key results that move: by check-ins with a history, from delivery, from the API's command; and flagged when stale.</summary>
[Collection(AppCollection.Name)]
public sealed class KeyResultMeasureTests(AppFixture app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_check_in_on_the_goal_page_becomes_the_current_value_joins_the_history_and_draws_the_line()
    {
        var product = await app.NewProduct("Key results").BuildAsync();
        var goal = await product.Goal("Faster checkout").WithKeyResult("Checkout conversion (%)", 40, 60).CreateAsync();
        var keyResult = await app.QueryAsync(db => db.KeyResults.Where(k => k.GoalId == goal).Select(k => k.Id).SingleAsync());
        await product.SendAsync(AppFixture.Pm, new CheckInKeyResult(product.Slug, keyResult, 44, Today.AddDays(-7), "After the address form fix"));
        var client = await app.SharedClientAsync(AppFixture.Pm);
        var page = await client.GetPageAsync($"{product.Url}/goals/{goal}");

        using var response = await client.SubmitAsync(page, $"#check-in-{keyResult}",
            new Dictionary<string, string> { ["CheckIn.Value"] = "50", ["CheckIn.Note"] = "Survey of 200 shoppers" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync($"{product.Url}/goals/{goal}");
        Assert.Contains("50", after.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td")[3].TextContent);
        Assert.Equal(50, (await product.AskAsync(AppFixture.Pm, new GetGoal(product.Slug, goal))).Goal.Progress);
        var history = after.QuerySelectorAll($"#kr-{keyResult}-history .check-ins li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, history.Count);
        Assert.StartsWith("50 on " + Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), history[0]);
        Assert.EndsWith("Survey of 200 shoppers", history[0]);
        Assert.EndsWith("After the address form fix", history[1]);
        Assert.Equal(2, after.QuerySelectorAll($"#kr-{keyResult}-history svg.check-in-line circle").Length);
    }

    [Fact]
    public async Task A_late_check_in_for_an_earlier_day_goes_into_the_history_only_and_bad_values_are_refused_beside_the_field()
    {
        var product = await app.NewProduct("Key results").BuildAsync();
        var goal = await product.Goal("Faster checkout").WithKeyResult("Checkout conversion (%)", 40, 60).CreateAsync();
        var keyResult = await app.QueryAsync(db => db.KeyResults.Where(k => k.GoalId == goal).Select(k => k.Id).SingleAsync());
        await product.SendAsync(AppFixture.Pm, new CheckInKeyResult(product.Slug, keyResult, 50, Today));
        await product.SendAsync(AppFixture.Pm, new CheckInKeyResult(product.Slug, keyResult, 45, Today.AddDays(-3)));

        Assert.Equal(50, await app.QueryAsync(db => db.KeyResults.Where(k => k.Id == keyResult).Select(k => k.Current).SingleAsync()));
        var future = await Assert.ThrowsAsync<RequestValidationException>(() =>
            product.SendAsync(AppFixture.Pm, new CheckInKeyResult(product.Slug, keyResult, 70, Today.AddDays(2))));
        Assert.Contains("On", future.Errors.Keys);
        var missing = await Assert.ThrowsAsync<RequestValidationException>(() =>
            product.SendAsync(AppFixture.Pm, new CheckInKeyResult(product.Slug, keyResult, null)));
        Assert.Contains("Value", missing.Errors.Keys);
        Assert.Equal(2, await app.QueryAsync(db => db.KeyResultCheckIns.CountAsync(c => c.KeyResultId == keyResult)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            product.SendAsync(AppFixture.Po, new CheckInKeyResult(product.Slug, keyResult, 55)));
    }

    [Fact]
    public async Task A_key_result_measured_from_delivery_moves_when_a_linked_story_is_marked_Done_and_takes_no_check_ins()
    {
        var (product, _, stories, _, goal, _) = await RoadmapItemDeliveryTests.DeliveredItemAsync(app);
        await product.SendAsync(AppFixture.Pm, new CreateKeyResult(product.Slug, goal, "One-step checkout delivered (%)", 0, 100, 0,
            Today.AddMonths(3), KeyResultMeasure.Delivery));
        var keyResult = await app.QueryAsync(db => db.KeyResults.Where(k => k.GoalId == goal).Select(k => k.Id).SingleAsync());
        async Task<decimal> CurrentAsync() =>
            (await product.AskAsync(AppFixture.Pm, new GetGoal(product.Slug, goal))).Goal.KeyResults.Single().Current;

        Assert.Equal(60, await CurrentAsync()); // 9 of 15 points done
        await product.MarkDoneAsync(stories[3]); // in the active sprint
        Assert.Equal(80, await CurrentAsync());
        Assert.Equal(80, (await product.AskAsync(AppFixture.Pm, new GetGoal(product.Slug, goal))).Goal.Progress);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            product.SendAsync(AppFixture.Pm, new CheckInKeyResult(product.Slug, keyResult, 90)));
        Assert.Contains("measured from delivery", refused.Errors["Value"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_result_without_a_check_in_for_30_days_is_flagged_stale_and_one_measured_from_delivery_never_is()
    {
        var product = await app.NewProduct("Key results").BuildAsync();
        var goal = await product.Goal("Fewer refunds").WithKeyResult("Refund queue (h)", 48, 8).WithKeyResult("NPS", 20, 40).CreateAsync();
        var ids = await app.QueryAsync(db => db.KeyResults.Where(k => k.GoalId == goal).OrderBy(k => k.Id).Select(k => k.Id).ToListAsync());
        await product.SendAsync(AppFixture.Pm, new CheckInKeyResult(product.Slug, ids[0], 30, Today.AddDays(-31)));
        await product.SendAsync(AppFixture.Pm, new CheckInKeyResult(product.Slug, ids[1], 25, Today.AddDays(-30)));

        var page = await (await app.SharedClientAsync(AppFixture.Dev)).GetPageAsync($"{product.Url}/goals/{goal}");

        Assert.NotNull(page.QuerySelector($"#kr-{ids[0]}-measure .kr-stale"));
        Assert.Null(page.QuerySelector($"#kr-{ids[1]}-measure .kr-stale"));
        Assert.False(KeyResult.IsStale(KeyResultMeasure.Delivery, null, Today.AddYears(-1), Today));
        Assert.True(KeyResult.IsStale(KeyResultMeasure.Api, Today.AddDays(-31), Today.AddYears(-1), Today));
        Assert.Null(page.QuerySelector($"#check-in-{ids[0]}")); // a developer reads, only the product manager checks in
    }
}
