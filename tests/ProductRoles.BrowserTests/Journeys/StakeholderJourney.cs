using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>A stakeholder reads a sprint review from their home page and leaves feedback the product owner then sees.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StakeholderJourney(BrowserApp app)
{
    [SkippableFact]
    public async Task A_stakeholder_opens_a_sprint_review_from_home_leaves_feedback_and_the_PO_sees_it_in_the_inbox()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        var stakeholder = await app.SignInAsync("stakeholder@demo.local");
        var reviews = stakeholder.Locator("section").Filter(new() { Has = stakeholder.GetByRole(AriaRole.Heading, new() { Name = "Sprint reviews" }) });
        await reviews.GetByRole(AriaRole.Link, new() { Name = "Acme Checkout · Sprint 6 review" }).ClickAsync();
        await Assertions.Expect(stakeholder.GetByRole(AriaRole.Heading, new() { Name = "Sprint review", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(stakeholder.Locator(".sprint-goal")).ToContainTextAsync("Failed payments tell the shopper why");
        // The increment shows each item's Definition of Done record; stakeholders see no board and no retrospective.
        await Assertions.Expect(stakeholder.Locator(".increment-list")).ToContainTextAsync("Definition of Done v2 met");
        await Assertions.Expect(stakeholder.GetByRole(AriaRole.Link, new() { Name = "Retrospective" })).ToHaveCountAsync(0);
        // The chain back from the increment: roadmap item, its goals and the market insights behind it.
        await Assertions.Expect(stakeholder.Locator(".chain-list")).ToContainTextAsync("Market insights:");
        await Assertions.Expect(stakeholder.GetByRole(AriaRole.Link, new() { Name = "Sprints", Exact = true })).ToHaveCountAsync(0);

        const string text = "Finance would like the refund totals per merchant shown in this review next time.";
        await stakeholder.GetByLabel("Your feedback on this increment").FillAsync(text);
        await stakeholder.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(stakeholder.GetByRole(AriaRole.Status)).ToContainTextAsync("your feedback went to the product owner");
        await Assertions.Expect(stakeholder.Locator(".feedback-list")).ToContainTextAsync(text);

        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync(app.BaseUrl + "/p/acme-checkout");
        await po.GetByRole(AriaRole.Link, new() { Name = "Customer feedback" }).ClickAsync();
        var row = po.Locator("body").GetByText(text).First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(po.Locator("body")).ToContainTextAsync("Sprint 6 review");
    }
}
