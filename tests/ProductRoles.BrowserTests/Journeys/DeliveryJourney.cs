using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// The product manager follows strategy down into delivery: from a market insight to the roadmap item
/// it supports, its stories done in two sprints and the forecast for the rest, to the sprint review
/// that shipped one, and back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeliveryJourney(BrowserApp app)
{
    private const string Product = "/p/acme-checkout";

    [SkippableFact]
    public async Task PM_goes_from_an_insight_to_its_roadmap_item_sees_three_stories_done_in_two_sprints_and_a_forecast_opens_the_review_and_comes_back()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (insightId, itemTitle, firstSprint) = await SeedAsync(suffix);

        var pm = await app.SignInAsync("pm@demo.local");
        await pm.GotoAsync($"{Product}/research/{insightId}");
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
    /// An insight and the roadmap item it supports, with five stories: two done in the demo's first closed
    /// sprint, one in its second, two not yet planned. Written straight into the demo product's rows.
    /// </summary>
    private Task<(int InsightId, string ItemTitle, string FirstSprint)> SeedAsync(string suffix) => app.WithDbAsync(async db =>
    {
        var product = await db.Products.Where(p => p.Slug == "acme-checkout").Select(p => p.Id).SingleAsync();
        var sprints = await db.Sprints.Where(s => s.ProductId == product && s.State == SprintState.Closed)
            .OrderBy(s => s.StartDate).Take(2).ToListAsync();
        var now = DateTime.UtcNow;
        var insight = new Insight
        {
            ProductId = product, Kind = InsightKind.CustomerInterview, Title = "Shoppers abandon the wallet step " + suffix,
            Summary = "Five of eight interviewed shoppers gave up when asked to pick a wallet.", ObservedOn = DateOnly.FromDateTime(now),
            CreatedAt = now,
        };
        var ranks = await db.RoadmapItems.Where(r => r.ProductId == product && r.Horizon == RoadmapHorizon.Later).Select(r => r.Rank).ToListAsync();
        var item = new RoadmapItem
        {
            ProductId = product, Title = "Wallet in one tap " + suffix, Outcome = "Shoppers pay with their wallet in one step.",
            Horizon = RoadmapHorizon.Later, Rank = RankKey.Between(ranks.Max(StringComparer.Ordinal), null), CreatedAt = now, UpdatedAt = now,
        };
        db.Insights.Add(insight);
        db.RoadmapItems.Add(item);
        await db.SaveChangesAsync();
        db.RoadmapItemInsights.Add(new RoadmapItemInsight { RoadmapItemId = item.Id, InsightId = insight.Id });

        var last = (await db.BacklogItems.Where(b => b.ProductId == product).Select(b => b.Rank).ToListAsync()).Max(StringComparer.Ordinal);
        var storyRanks = RankKey.SpreadBetween(last, null, 5);
        var stories = Enumerable.Range(0, 5).Select(n => new BacklogItem
        {
            ProductId = product, Type = BacklogItemType.Story, Title = $"Wallet story {n + 1} {suffix}", AsA = "shopper", IWant = "to pay with my wallet",
            Estimate = n < 3 ? new[] { 3, 2, 3 }[n] : 5, Status = n < 3 ? BacklogItemStatus.Done : BacklogItemStatus.Ready, Rank = storyRanks[n],
            RoadmapItemId = item.Id, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.BacklogItems.AddRange(stories);
        await db.SaveChangesAsync();
        for (var n = 0; n < 3; n++)
        {
            var sprint = sprints[n < 2 ? 0 : 1];
            db.SprintItems.Add(new SprintItem
            {
                ProductId = product, SprintId = sprint.Id, BacklogItemId = stories[n].Id, Title = stories[n].Title, Points = stories[n].Estimate ?? 0,
                Outcome = SprintItemOutcome.Done, PlannedAt = sprint.StartedAt ?? now,
            });
        }

        await db.SaveChangesAsync();
        return (insight.Id, item.Title, sprints[0].Name);
    });
}
