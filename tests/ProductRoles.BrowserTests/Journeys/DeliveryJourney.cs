using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// The product manager follows strategy down into delivery: from a market insight to the roadmap item
/// it supports, its stories done in two sprints and the forecast for the rest, to the sprint review
/// that shipped one, and back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeliveryJourney(BrowserApp app)
{
    [SkippableFact]
    public async Task PM_goes_from_an_insight_to_its_roadmap_item_sees_three_stories_done_in_two_sprints_and_a_forecast_opens_the_review_and_comes_back()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var (product, insightId, itemTitle, firstSprint) = await SeedAsync();

        var pm = await app.SignInAsync("pm@demo.local");
        await pm.GotoAsync($"{product}/research/{insightId}");
        await Assertions.Expect(pm.Locator(".supported-items")).ToContainTextAsync("Shipped:");
        await pm.Locator(".supported-items").GetByRole(AriaRole.Link, new() { Name = itemTitle }).ClickAsync();
        await Assertions.Expect(pm.GetByRole(AriaRole.Heading, new() { Name = itemTitle, Level = 1 })).ToBeVisibleAsync();

        var delivery = pm.Locator("#delivery");
        await Assertions.Expect(delivery.Locator(".delivery-group h3").Filter(new() { HasTextString = "Done in" })).ToHaveCountAsync(2);
        await Assertions.Expect(delivery.Locator(".delivery-group").Filter(new() { HasTextString = "Done in" }).Locator(".delivery-stories li")).ToHaveCountAsync(3);
        await Assertions.Expect(delivery.Locator(".points-done")).ToHaveTextAsync("8");
        await Assertions.Expect(delivery.Locator(".forecast-text")).ToContainTextAsync("Sprint");

        await delivery.Locator(".increments").GetByRole(AriaRole.Link, new() { Name = "Sprint review of " + firstSprint }).ClickAsync();
        await Assertions.Expect(pm.Locator("main")).ToContainTextAsync("Roadmap items advanced");
        await Assertions.Expect(pm.Locator("main")).ToContainTextAsync(itemTitle);

        await pm.GoBackAsync();
        await Assertions.Expect(pm.GetByRole(AriaRole.Heading, new() { Name = itemTitle, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>
    /// A product of the journey's own, made through the app's commands: an insight and the roadmap item it supports,
    /// with five stories: two done in a first closed sprint, one in a second, two not yet planned.
    /// </summary>
    private async Task<(string Product, int InsightId, string ItemTitle, string FirstSprint)> SeedAsync()
    {
        var product = await app.NewProduct("Delivery journey").WithDefinitionOfDone("Code reviewed", "Tests pass").BuildAsync();
        var insight = await product.Insight("Shoppers abandon the wallet step").CreateAsync();
        const string title = "Wallet in one tap";
        var item = await product.RoadmapItem(title).Outcome("Shoppers pay with their wallet in one step.").FromInsights(insight).CreateAsync();
        var stories = new List<int>();
        foreach (var (estimate, n) in new[] { 3, 2, 3, 5, 5 }.Select((e, n) => (e, n + 1)))
        {
            stories.Add(await product.BacklogItem($"Wallet story {n}").Story("shopper", "to pay with my wallet").Estimate(estimate)
                .ForRoadmapItem(item).CreateAsync());
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = await product.Sprint("Sprint 1").Starting(today.AddDays(-30)).Planning(stories[0], stories[1]).Started().CreateAsync();
        await product.MarkDoneAsync(stories[0]);
        await product.MarkDoneAsync(stories[1]);
        await product.CloseSprintAsync(first);
        var second = await product.Sprint("Sprint 2").Starting(today.AddDays(-15)).Planning(stories[2]).Started().CreateAsync();
        await product.MarkDoneAsync(stories[2]);
        await product.CloseSprintAsync(second);
        return (product.Url, insight, title, "Sprint 1");
    }
}
