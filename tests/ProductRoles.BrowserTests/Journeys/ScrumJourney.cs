using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>The Scrum team's sprint: the Scrum master plans, a developer finishes an item through the DoD, the product owner closes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScrumJourney(BrowserApp app)
{
    [SkippableFact]
    public async Task SM_plans_a_sprint_from_the_backlog_a_developer_moves_a_card_to_done_through_the_DoD_and_the_PO_closes_the_sprint()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        // The Scrum master plans the next sprint: goal, dates (proposed after the active one) and capacity from velocity.
        var sm = await app.SignInAsync("sm@demo.local");
        await sm.GotoAsync(app.BaseUrl + "/p/acme-checkout");
        await sm.GetByRole(AriaRole.Link, new() { Name = "Sprints", Exact = true }).ClickAsync();
        await sm.GetByRole(AriaRole.Link, new() { Name = "New sprint" }).ClickAsync();
        await sm.GetByLabel("Name").FillAsync("Sprint 8");
        await sm.GetByLabel("Sprint goal").FillAsync("Shoppers can pay with Klarna and SEPA direct debit in Germany and Austria.");
        await sm.GetByRole(AriaRole.Button, new() { Name = "Create sprint" }).ClickAsync();
        await Assertions.Expect(sm.GetByRole(AriaRole.Heading, new() { Name = "Sprint 8", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(sm.Locator(".sprint-goal")).ToContainTextAsync("Klarna and SEPA");

        // Pull the top Ready item in; the running total against capacity moves with it.
        var pull = sm.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Pull in #") }).First;
        var label = await pull.GetAttributeAsync("aria-label");
        var itemNumber = label!.Split(' ')[2]; // "Pull in #12"
        await pull.ClickAsync();
        await Assertions.Expect(sm.GetByRole(AriaRole.Status)).ToContainTextAsync("pulled into the sprint");
        var sprintBacklog = sm.Locator("section").Filter(new() { Has = sm.GetByRole(AriaRole.Heading, new() { Name = "Sprint backlog" }) });
        await Assertions.Expect(sprintBacklog.GetByRole(AriaRole.Row).Filter(new() { HasText = itemNumber })).ToBeVisibleAsync();
        await Assertions.Expect(sprintBacklog.Locator(".planning-total")).Not.ToContainTextAsync("0 of");

        // A developer moves an in-progress card to Done: that opens the Definition of Done checklist.
        var dev = await app.SignInAsync("dev@demo.local");
        await dev.GotoAsync(app.BaseUrl + "/p/acme-checkout/sprints");
        await dev.GetByRole(AriaRole.Link, new() { Name = "Sprint 7" }).ClickAsync();
        await dev.GetByRole(AriaRole.Link, new() { Name = "Sprint backlog board" }).ClickAsync();
        await Assertions.Expect(dev.GetByRole(AriaRole.Heading, new() { Name = "Sprint backlog", Level = 1 })).ToBeVisibleAsync();
        var inProgress = dev.Locator("[data-column='InProgress']");
        var card = inProgress.Locator(".board-card").Last;
        var cardTitle = (await card.Locator(".board-card-title").TextContentAsync())!.Trim();
        await card.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Done") }).ClickAsync();
        await Assertions.Expect(dev.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Move #\\d+ to Done") })).ToBeVisibleAsync();

        // Submitting with nothing ticked is refused beside the criteria; ticking all of them makes it Done.
        await dev.GetByRole(AriaRole.Button, new() { Name = "Mark as Done", Exact = true }).ClickAsync();
        await Assertions.Expect(dev.Locator(".field-error").Filter(new() { HasText = "Tick this criterion" }).First).ToBeVisibleAsync();
        var boxes = dev.Locator("input[type=checkbox][name$='.Checked']");
        for (var n = 0; n < await boxes.CountAsync(); n++)
        {
            await boxes.Nth(n).CheckAsync();
        }

        await dev.GetByRole(AriaRole.Button, new() { Name = "Mark as Done", Exact = true }).ClickAsync();
        await Assertions.Expect(dev.GetByRole(AriaRole.Status)).ToContainTextAsync("met the Definition of Done");
        await Assertions.Expect(dev.Locator("[data-column='Done']")).ToContainTextAsync(cardTitle);

        // The product owner closes the sprint and moves unfinished work into the sprint the Scrum master planned.
        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync(app.BaseUrl + "/p/acme-checkout/sprints");
        await po.GetByRole(AriaRole.Link, new() { Name = "Sprint 7" }).ClickAsync();
        await po.GetByLabel("Move them into the next planned sprint").CheckAsync();
        po.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await po.GetByRole(AriaRole.Button, new() { Name = "Close sprint" }).ClickAsync();
        await Assertions.Expect(po.GetByRole(AriaRole.Status)).ToContainTextAsync("Sprint closed");
        await Assertions.Expect(po.GetByRole(AriaRole.Heading, new() { Name = "When it closed" })).ToBeVisibleAsync();
        await po.GetByRole(AriaRole.Link, new() { Name = "Sprint review", Exact = true }).ClickAsync();
        await Assertions.Expect(po.GetByRole(AriaRole.Heading, new() { Name = "Sprint review", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(po.Locator(".increment-list")).ToContainTextAsync(cardTitle);
    }
}
