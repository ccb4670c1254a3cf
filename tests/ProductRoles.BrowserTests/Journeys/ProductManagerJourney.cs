using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// The product manager shapes the vision and the roadmap, the product owner gives feedback on it,
/// the PM resolves it and publishes, and a stakeholder reads the published roadmap.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProductManagerJourney(BrowserApp app)
{
    private const string Product = "/p/acme-checkout";

    [SkippableFact]
    public async Task PM_edits_the_vision_and_drags_a_linked_item_to_Now_PO_gives_feedback_PM_resolves_it_and_the_stakeholder_reads_the_published_roadmap()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var title = "Pay by bank link " + Guid.NewGuid().ToString("N")[..6];

        // The PM edits the vision board; the save becomes a new revision.
        var pm = await app.SignInAsync("pm@demo.local");
        await pm.GotoAsync(Product);
        await pm.Locator(".sidebar").GetByRole(AriaRole.Link, new() { Name = "Vision", Exact = true }).ClickAsync();
        await Assertions.Expect(pm.GetByRole(AriaRole.Heading, new() { Name = "Vision", Level = 1 })).ToBeVisibleAsync();
        await pm.GetByLabel("Vision statement").FillAsync("Every shopper pays in one step and gets refunds instantly.");
        await pm.GetByRole(AriaRole.Button, new() { Name = "Save vision" }).ClickAsync();
        await Assertions.Expect(pm.GetByRole(AriaRole.Status)).ToContainTextAsync("Vision saved as revision");

        // A new roadmap item linked to a goal and to an insight as evidence.
        await pm.Locator(".sidebar").GetByRole(AriaRole.Link, new() { Name = "Roadmap", Exact = true }).ClickAsync();
        await pm.GetByRole(AriaRole.Link, new() { Name = "New roadmap item" }).ClickAsync();
        await pm.GetByLabel("Title").FillAsync(title);
        await pm.GetByLabel("Outcome").FillAsync("Merchants pay lower fees on bank payments.");
        await pm.GetByLabel("Horizon").SelectOptionAsync("Later");
        await pm.GetByLabel("Target quarter").FillAsync("2027-Q3");
        await pm.GetByLabel("Reach").FillAsync("4000");
        await pm.GetByLabel("Confidence (%)").FillAsync("80");
        await pm.GetByLabel("Effort (person-months)").FillAsync("2");
        await pm.GetByLabel("Merchants run payments without us").CheckAsync();
        await pm.GetByLabel("Account-to-account payments arrive at checkout").CheckAsync();
        await pm.GetByRole(AriaRole.Button, new() { Name = "Add to roadmap" }).ClickAsync();
        await Assertions.Expect(pm.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(pm.Locator("#evidence-heading + ul")).ToContainTextAsync("Account-to-account payments arrive at checkout");
        await Assertions.Expect(pm.Locator("#goals-heading ~ ul")).ToContainTextAsync("Merchants run payments without us");

        // On the board the PM drags it from Later to the top of Now (a tall window keeps both ends in view).
        await pm.SetViewportSizeAsync(1280, 2600);
        await pm.Locator(".sidebar").GetByRole(AriaRole.Link, new() { Name = "Roadmap", Exact = true }).ClickAsync();
        var card = pm.Locator(".roadmap-card").Filter(new() { HasText = title });
        await Assertions.Expect(pm.Locator("[data-horizon='Later'] .roadmap-card").Filter(new() { HasText = title })).ToBeVisibleAsync();
        await card.DragToAsync(pm.Locator("[data-horizon='Now'] .roadmap-card").First, new() { TargetPosition = new() { X = 40, Y = 4 } });
        await Assertions.Expect(pm.Locator("[data-horizon='Now'] .roadmap-card").First).ToContainTextAsync(title);
        // The drop is saved in place: the board says where the card went once the answer is in, and only then is a reload safe.
        await Assertions.Expect(pm.Locator("#main .alert[role=status]")).ToContainTextAsync("Moved to Now");
        await pm.ReloadAsync();
        await Assertions.Expect(pm.Locator("[data-horizon='Now'] .roadmap-card").First).ToContainTextAsync(title);

        // The product owner leaves feedback on it.
        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync(Product + "/roadmap");
        await po.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await po.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Dependency" });
        await po.GetByLabel("Your feedback").FillAsync("Needs the acquirer's open banking API, available from March.");
        await po.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(po.Locator("#feedback-heading")).ToContainTextAsync("1 open");

        // The PM sees the open feedback on the board and resolves it.
        await pm.ReloadAsync();
        await Assertions.Expect(card).ToContainTextAsync("1 open feedback");
        await card.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await pm.GetByText("Answer and resolve").ClickAsync();
        await pm.GetByLabel("Answer", new() { Exact = true }).FillAsync("Accepted: we plan it for after March.");
        await pm.GetByLabel("Resolution").SelectOptionAsync("Accepted");
        await pm.GetByRole(AriaRole.Button, new() { Name = "Resolve feedback" }).ClickAsync();
        await Assertions.Expect(pm.Locator("#feedback-heading")).ToContainTextAsync("0 open");
        await Assertions.Expect(pm.Locator(".feedback-answer")).ToContainTextAsync("Accepted: we plan it for after March.");

        // The PM publishes; the stakeholder reads the published roadmap and nothing else of the PM area.
        await pm.Locator(".sidebar").GetByRole(AriaRole.Link, new() { Name = "Roadmap", Exact = true }).ClickAsync();
        await pm.GetByRole(AriaRole.Button, new() { Name = "Publish roadmap" }).ClickAsync();
        await Assertions.Expect(pm.GetByRole(AriaRole.Status)).ToContainTextAsync("Roadmap published");

        var stakeholder = await app.SignInAsync("stakeholder@demo.local");
        await stakeholder.GotoAsync(Product);
        await Assertions.Expect(stakeholder.GetByRole(AriaRole.Link, new() { Name = "Vision", Exact = true })).ToHaveCountAsync(0);
        await stakeholder.GetByRole(AriaRole.Link, new() { Name = "Published roadmap" }).First.ClickAsync();
        await Assertions.Expect(stakeholder.GetByRole(AriaRole.Heading, new() { Name = "Published roadmap", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(stakeholder.Locator("[aria-labelledby='pub-Now']")).ToContainTextAsync(title);
        await Assertions.Expect(stakeholder.Locator("main")).Not.ToContainTextAsync("RICE");
    }
}
