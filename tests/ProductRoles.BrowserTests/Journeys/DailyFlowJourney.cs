using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// The daily flow by keyboard only: quick add (a title and Enter), an inline status edit and a move
/// that happen in place (a marker set on the window survives: no reload), and marking a card Done
/// from the sprint board, with the key presses counted and printed. On an app of its own: it changes
/// the demo product.
/// </summary>
[Collection(DailyFlowCollection.Name)]
public sealed class DailyFlowJourney(BrowserApp app, ITestOutputHelper output)
{
    private const string Demo = "/p/acme-checkout";

    private static async Task<int> TabUntilAsync(IPage page, string selector, int limit = 80)
    {
        for (var presses = 1; presses <= limit; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"document.activeElement?.matches({System.Text.Json.JsonSerializer.Serialize(selector)}) === true"))
            {
                return presses;
            }
        }

        throw new InvalidOperationException($"Tab never reached {selector}.");
    }

    [SkippableFact]
    public async Task Product_owner_quick_adds_edits_a_status_in_place_and_moves_an_item_without_a_reload()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync($"{Demo}/backlog");
        await po.EvaluateAsync("window.flowMarker = 'still here'");

        // Quick add: a title and Enter; it lands where the place says (the bottom, until the PO chooses otherwise).
        var presses = await TabUntilAsync(po, "#quick-title");
        await po.Keyboard.TypeAsync("Keyboard-only quick add");
        await po.Keyboard.PressAsync("Enter");
        var added = po.Locator("tr[data-shortcut-row]", new() { HasText = "Keyboard-only quick add" });
        await Assertions.Expect(added).ToBeVisibleAsync();
        await Assertions.Expect(po.Locator("tbody tr[data-shortcut-row]").Last).ToContainTextAsync("Keyboard-only quick add");
        await Assertions.Expect(po.Locator("#main .alert[role=status]")).ToContainTextAsync("added at position");
        await Assertions.Expect(po.Locator("#quick-title")).ToBeFocusedAsync();
        output.WriteLine($"quick add: {presses} Tab presses to the field, the title, then Enter");

        // Inline edit of its status, by keyboard, in place.
        var id = await added.GetAttributeAsync("data-item-id");
        var status = po.Locator($"#item-{id} button.po-cell[data-field=Status]");
        await status.FocusAsync();
        await po.Keyboard.PressAsync("Enter");
        var editor = po.Locator($"#item-{id} select.po-inline");
        await Assertions.Expect(editor).ToBeFocusedAsync();
        await editor.SelectOptionAsync("Ready");
        await Assertions.Expect(po.Locator($"#item-{id} .badge")).ToHaveTextAsync("Ready");

        // A move in place: one key on the focused button; the row goes up and keeps the focus.
        var up = po.Locator($"#item-{id} [data-shortcut=move-up]");
        await up.FocusAsync();
        await po.Keyboard.PressAsync("Enter");
        await Assertions.Expect(po.Locator("#main .alert[role=status]")).ToContainTextAsync($"#{id} moved from position");
        await Assertions.Expect(po.Locator($"#item-{id} [data-shortcut=move-up]")).ToBeFocusedAsync();
        Assert.Equal("still here", await po.EvaluateAsync<string>("window.flowMarker"));
    }

    [SkippableFact]
    public async Task Developer_marks_a_card_Done_from_the_board_by_keyboard_only()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var dev = await app.SignInAsync("dev@demo.local");
        await dev.GotoAsync($"{Demo}/sprints");
        await dev.GetByRole(AriaRole.Link, new() { Name = "Sprint 7" }).ClickAsync();
        await dev.GetByRole(AriaRole.Link, new() { Name = "Sprint backlog board" }).ClickAsync();
        var cardId = await dev.Locator("[data-column='InProgress'] .board-card").First.GetAttributeAsync("data-item");

        // j from card to card (the first press focuses the first), then Alt+→: an in-progress card's next column is Done,
        // whose link opens the checklist.
        var presses = 0;
        while (await dev.EvaluateAsync<string?>("document.activeElement?.id") != $"card-{cardId}")
        {
            await dev.Keyboard.PressAsync("j");
            presses++;
            Assert.True(presses <= 40, "j never reached the card");
        }

        await dev.Keyboard.PressAsync("Alt+ArrowRight");
        presses++;

        // The checklist opens with focus on its first criterion; "all criteria met" is one step back.
        await Assertions.Expect(dev.Locator(".po-check input[type=checkbox]").First).ToBeFocusedAsync();
        await dev.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(dev.GetByRole(AriaRole.Button, new() { Name = "All criteria met: mark as Done" })).ToBeFocusedAsync();
        await dev.Keyboard.PressAsync("Enter");
        presses += 2;

        await Assertions.Expect(dev.Locator($"[data-column='Done'] #card-{cardId}")).ToBeVisibleAsync();
        await Assertions.Expect(dev.Locator($"#card-{cardId}")).ToBeFocusedAsync();
        await Assertions.Expect(dev.Locator("#main .alert[role=status]")).ToContainTextAsync($"#{cardId} is Done");
        output.WriteLine($"mark a card Done by keyboard: {presses} key presses");
        Assert.True(presses < 15, $"{presses} key presses");
    }
}

/// <summary>Its own app and browser, started when no other collection runs: two apps starting at once race for a port.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DailyFlowCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "daily-flow";
}
