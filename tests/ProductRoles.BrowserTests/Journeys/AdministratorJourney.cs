using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>The administrator sets up a product and a product manager starts working in it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministratorJourney(BrowserApp app)
{
    [SkippableFact]
    public async Task Admin_creates_a_product_and_gives_the_PM_a_role_which_the_PM_then_sees()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        var admin = await app.SignInAsync("admin@demo.local");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Products", Exact = true }).ClickAsync();
        await admin.GetByLabel("Name").FillAsync("Acme Marketplace");
        await admin.GetByLabel("Slug").FillAsync("acme-marketplace");
        await admin.GetByLabel("Lifecycle stage").SelectOptionAsync("Discovery");
        await admin.GetByLabel("Description").FillAsync("A marketplace for third-party checkout plug-ins.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();

        // Creating a product leads straight to its members page.
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Members", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByLabel("User", new() { Exact = true }).FillAsync("pm@demo.local");
        await admin.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Product manager" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Give role" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("pm@demo.local is now Product manager");
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "pm@demo.local" })).ToContainTextAsync("Product manager");

        var pm = await app.SignInAsync("pm@demo.local");
        var card = pm.Locator(".card").Filter(new() { HasText = "Acme Marketplace" });
        await Assertions.Expect(card).ToContainTextAsync("Product manager");
        await card.GetByRole(AriaRole.Link, new() { Name = "Acme Marketplace" }).ClickAsync();
        await Assertions.Expect(pm.GetByRole(AriaRole.Heading, new() { Name = "Acme Marketplace", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(pm.GetByRole(AriaRole.Heading, new() { Name = "Lifecycle stage: Discovery" })).ToBeVisibleAsync();
        // The PM's navigation offers what the role may use: the settings, where the stage is set.
        await Assertions.Expect(pm.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToBeVisibleAsync();
    }
}
