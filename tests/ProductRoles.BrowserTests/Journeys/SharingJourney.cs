using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Roadmap;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// Links for stakeholders without an account, and stakeholders asking on the published roadmap, each in a
/// product of the journey's own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SharingJourney(BrowserApp app)
{
    [SkippableFact]
    public async Task A_PO_shares_a_sprint_review_a_fresh_browser_sees_only_that_review_and_gets_404_once_the_link_is_revoked()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var product = await app.NewProduct("Sharing journey").WithDefinitionOfDone("Code reviewed", "Tests pass").BuildAsync();
        var story = await product.BacklogItem("Refund by card in one click").CreateAsync();
        var sprint = await product.Sprint("Sprint 8").Starting(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-14)).Goal("Refunds without a support call")
            .Planning(story).Started().CreateAsync();
        await product.MarkDoneAsync(story);
        await product.CloseSprintAsync(sprint);

        var po = await app.SignInAsync(DemoUsers.Po);
        await po.GotoAsync($"{product.Url}/sprints/{sprint}/review");
        await po.GetByRole(AriaRole.Link, new() { Name = "Share with a link" }).ClickAsync();
        await po.GetByLabel("Who it is for").FillAsync("Finance");
        await po.GetByRole(AriaRole.Button, new() { Name = "Make link" }).ClickAsync();
        var address = await po.Locator("#created-link").InputValueAsync();
        Assert.Contains("/s/", address, StringComparison.Ordinal);

        // A browser with no cookies at all: no account, no session.
        var context = await app.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var stranger = await context.NewPageAsync();
        var opened = await stranger.GotoAsync(address);
        Assert.Equal(200, opened!.Status);
        Assert.Equal("noindex, nofollow", await opened.HeaderValueAsync("x-robots-tag"));
        await Assertions.Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Sprint review", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(stranger.Locator(".sprint-goal")).ToContainTextAsync("Refunds without a support call");
        await Assertions.Expect(stranger.Locator(".increment-list")).ToContainTextAsync("Refund by card in one click");
        // Nothing leads anywhere: no link, no form, no navigation.
        await Assertions.Expect(stranger.Locator("a[href]")).ToHaveCountAsync(0);
        await Assertions.Expect(stranger.Locator("form, nav")).ToHaveCountAsync(0);
        Assert.Empty(await context.CookiesAsync());

        // Other pages of the product, typed in by hand, send a stranger to the login.
        var origin = new Uri(address).GetLeftPart(UriPartial.Authority);
        foreach (var path in new[] { product.Url, $"{product.Url}/sprints/{sprint}/review", $"{product.Url}/backlog", $"{product.Url}/roadmap/published" })
        {
            await stranger.GotoAsync(origin + path);
            Assert.Contains("/Account/Login", stranger.Url, StringComparison.Ordinal);
        }

        // The API, asked with this browser's cookies (there are none), says who are you.
        var api = await context.APIRequest.GetAsync($"{origin}/api/v1/products/{product.Slug}/backlog");
        Assert.Equal(401, api.Status);

        await po.GotoAsync($"{product.Url}/share-links");
        await Assertions.Expect(po.Locator(".share-link .view-count")).ToHaveTextAsync("1");
        po.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await po.Locator(".share-link").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(po.GetByRole(AriaRole.Status)).ToContainTextAsync("Link revoked");
        await Assertions.Expect(po.Locator(".share-link .badge-bad")).ToHaveTextAsync("Revoked");

        var gone = await stranger.GotoAsync(address);
        Assert.Equal(404, gone!.Status);
        await context.CloseAsync();
    }

    [SkippableFact]
    public async Task A_stakeholder_asks_about_a_roadmap_item_the_PM_answers_in_roadmap_feedback_and_the_stakeholder_sees_the_answer()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var product = await app.NewProduct("Stakeholders ask journey").BuildAsync();
        await product.RoadmapItem("Refunds in one click").In(RoadmapHorizon.Next).Outcome("Support answers fewer refund calls.").CreateAsync();
        await product.SendAsync(DemoUsers.Pm, new PublishRoadmap(product.Slug, "Refunds come next: support asked for them."));

        var stakeholder = await app.SignInAsync(DemoUsers.Stakeholder);
        await stakeholder.GotoAsync($"{product.Url}/roadmap/published");
        var card = stakeholder.Locator(".roadmap-card").Filter(new() { HasTextString = "Refunds in one click" });
        await card.GetByText("Ask about this item").ClickAsync();
        const string question = "Support asks: will refunds over 500 € still need a manager?";
        await card.GetByLabel("Your question or concern").FillAsync(question);
        await card.GetByRole(AriaRole.Button, new() { Name = "Send to the product manager" }).ClickAsync();
        await Assertions.Expect(stakeholder.GetByRole(AriaRole.Status)).ToContainTextAsync("Sent");
        await Assertions.Expect(card.Locator(".question")).ToContainTextAsync("Waiting for the product manager's answer");

        var pm = await app.SignInAsync(DemoUsers.Pm);
        await pm.GotoAsync($"{product.Url}/roadmap/feedback");
        var feedback = pm.Locator(".feedback").Filter(new() { HasTextString = question });
        await Assertions.Expect(feedback).ToContainTextAsync("Customer concern");
        await Assertions.Expect(feedback).ToContainTextAsync("Asked on the published roadmap");
        await feedback.GetByText("Answer and resolve").ClickAsync();
        await feedback.GetByLabel("Answer").FillAsync("Yes, above 500 € a manager still confirms; below it, one click.");
        await feedback.GetByLabel("Resolution").SelectOptionAsync("Answered");
        await feedback.GetByRole(AriaRole.Button, new() { Name = "Resolve feedback" }).ClickAsync();
        await Assertions.Expect(pm.GetByRole(AriaRole.Status)).ToBeVisibleAsync();

        await stakeholder.ReloadAsync();
        await Assertions.Expect(card.Locator(".feedback-answer")).ToContainTextAsync("above 500 € a manager still confirms");
    }
}
