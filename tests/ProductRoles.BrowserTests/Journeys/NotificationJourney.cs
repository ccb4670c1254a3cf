using System.Globalization;
using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// The feedback loop between the two product roles, through notifications: the product owner's roadmap
/// feedback mentions the product manager, whose bell (on a page already open) counts it without a reload;
/// the notification lands on the exact feedback; the answer tells the product owner. On a product of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationJourney(BrowserApp app)
{
    [SkippableFact]
    public async Task The_product_owners_feedback_mentioning_the_product_manager_rings_their_bell_live_and_the_answer_is_told_back()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var product = await app.NewProduct("Feedback bell").BuildAsync();
        var roadmapItem = await product.RoadmapItem("Wallet payments").CreateAsync();

        // The product manager has the product's home open, with the bell connected to the hub.
        var pm = await app.SignInAsync(DemoUsers.Pm);
        await pm.GotoAsync(product.Url);
        var pmBell = pm.Locator("#notification-bell");
        await BellConnectedAsync(pm);
        var pmUnread = await UnreadAsync(pm);
        // A mark on this very document: a reload would lose it.
        await pm.EvaluateAsync("window.notReloaded = true");

        // The product owner gives feedback on the roadmap item, mentioning the product manager.
        var po = await app.SignInAsync(DemoUsers.Po);
        await po.GotoAsync($"{product.Url}/roadmap/{roadmapItem}");
        await BellConnectedAsync(po);
        var poUnread = await UnreadAsync(po);
        await po.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("Feasibility");
        await po.GetByLabel("Your feedback").FillAsync("@pm the card vault has to come first, or wallets slip a quarter.");
        await po.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(po.Locator(".feedback-list")).ToContainTextAsync("the card vault has to come first");

        // The product manager's bell counts it, with no reload.
        await Assertions.Expect(pmBell).ToHaveAttributeAsync("data-unread", Text(pmUnread + 1));
        await Assertions.Expect(pm.Locator("#notification-count")).ToHaveTextAsync(Text(pmUnread + 1));
        await Assertions.Expect(pmBell).ToHaveAttributeAsync("aria-label", $"Notifications, {pmUnread + 1} unread");
        Assert.True(await pm.EvaluateAsync<bool>("window.notReloaded === true"));

        // The bell leads to the inbox; the notification leads to the exact feedback.
        await pmBell.ClickAsync();
        var mention = pm.Locator(".inbox-item.unread .inbox-open", new() { HasTextString = "Wallet payments" });
        await Assertions.Expect(mention).ToContainTextAsync("Oliver Owens (PO) mentioned you");
        await mention.ClickAsync();
        await pm.WaitForURLAsync(url => url.Contains($"/roadmap/{roadmapItem}#feedback-", StringComparison.Ordinal));
        var anchor = new Uri(pm.Url).Fragment.TrimStart('#');
        var feedback = pm.Locator($"article#{anchor}");
        await Assertions.Expect(feedback).ToContainTextAsync("the card vault has to come first");
        await Assertions.Expect(feedback).ToBeInViewportAsync();
        // Opening it read it.
        await Assertions.Expect(pmBell).ToHaveAttributeAsync("data-unread", Text(pmUnread));

        // The product manager answers it, from that very place.
        await feedback.Locator("summary", new() { HasTextString = "Answer and resolve" }).ClickAsync();
        await feedback.GetByLabel("Answer").FillAsync("Agreed: the vault goes first, wallets move to Next.");
        await feedback.GetByLabel("Resolution").SelectOptionAsync("Accepted");
        await feedback.GetByRole(AriaRole.Button, new() { Name = "Resolve feedback" }).ClickAsync();
        await Assertions.Expect(pm.Locator($"article#{anchor} .feedback-answer")).ToContainTextAsync("the vault goes first");

        // The product owner, still on the roadmap item, is told: the bell counts it, the inbox says what happened.
        await Assertions.Expect(po.Locator("#notification-bell")).ToHaveAttributeAsync("data-unread", Text(poUnread + 1));
        await po.Locator("#notification-bell").ClickAsync();
        var answered = po.Locator(".inbox-item.unread .inbox-open", new() { HasTextString = "Wallet payments" });
        await Assertions.Expect(answered).ToContainTextAsync("answered your feedback on “Wallet payments” (Accepted)");
        await answered.ClickAsync();
        await po.WaitForURLAsync(url => url.EndsWith($"/roadmap/{roadmapItem}#{anchor}", StringComparison.Ordinal));
        await Assertions.Expect(po.Locator($"article#{anchor} .feedback-answer")).ToContainTextAsync("the vault goes first");
    }

    /// <summary>The bell hears the hub: through the page's live connection where it has one, else its own.</summary>
    private static async Task BellConnectedAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#notification-bell")).ToHaveAttributeAsync("data-live", "true");
        if (await page.Locator("#live-bar").CountAsync() > 0)
        {
            await Assertions.Expect(page.Locator("#live-bar[data-state='live']")).ToBeAttachedAsync();
        }
    }

    private static async Task<int> UnreadAsync(IPage page) =>
        int.Parse(await page.Locator("#notification-bell").GetAttributeAsync("data-unread") ?? "0", CultureInfo.InvariantCulture);

    private static string Text(int count) => count.ToString(CultureInfo.InvariantCulture);
}
