using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// Keyboard only: the product owner moves backlog item #8 to the top, the product manager moves a roadmap
/// card to the next horizon, and both use the command palette. Every key press goes through
/// <see cref="Press"/>, which counts it; the counts are printed (the issue asks for under 10 to move #8).
/// On an app of its own: it reorders the demo backlog and roadmap.
/// </summary>
[Collection(KeyboardCollection.Name)]
public sealed class KeyboardJourney(BrowserApp app, ITestOutputHelper output)
{
    private int _presses;

    [SkippableFact]
    public async Task Product_owner_moves_item_8_to_the_top_with_keys_alone()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync("/p/acme-checkout/backlog");
        var rows = po.Locator("table.po-backlog tbody tr[data-shortcut-row]");
        var ids = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.id)");
        Assert.Contains("item-8", ids);
        Assert.NotEqual("item-8", ids[0]);

        _presses = 0;
        // j moves from row to row; the first press focuses the first row.
        while (await po.EvaluateAsync<string?>("document.activeElement?.id") != "item-8")
        {
            await Press(po, "j");
            Assert.True(_presses <= ids.Length, "j never reached #8");
        }

        await Assertions.Expect(po.Locator("#shortcut-status")).ToContainTextAsync("of");
        await Press(po, "Alt+Home");

        // The move is the row's own "Top" button: the page comes back with #8 first, focused, and says so.
        await Assertions.Expect(rows.First).ToHaveIdAsync("item-8");
        await Assertions.Expect(po.Locator("#item-8")).ToBeFocusedAsync();
        await Assertions.Expect(po.Locator("#shortcut-status")).ToContainTextAsync("#8 moved from position");
        output.WriteLine($"Key presses to move backlog item #8 to the top: {_presses} (it was at position {Array.IndexOf(ids, "item-8") + 1})");
        Assert.True(_presses < 10, $"{_presses} key presses");

        // The shortcuts never fire while typing: j in the search box is a letter.
        await Press(po, "/");
        await Assertions.Expect(po.Locator("#top-search")).ToBeFocusedAsync();
        await Press(po, "j");
        await Assertions.Expect(po.Locator("#top-search")).ToHaveValueAsync("j");

        // "?" lists them.
        await po.Locator("#top-search").BlurAsync();
        await Press(po, "?");
        await Assertions.Expect(po.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
        await Assertions.Expect(po.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToContainTextAsync("Alt Home");
        await Press(po, "Escape");
        await Assertions.Expect(po.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeHiddenAsync();
    }

    [SkippableFact]
    public async Task Product_manager_moves_a_roadmap_card_to_the_next_horizon_with_keys_alone()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var pm = await app.SignInAsync("pm@demo.local");
        await pm.GotoAsync("/p/acme-checkout/roadmap");
        var first = pm.Locator("[data-horizon=Now] [data-shortcut-row]").First;
        var id = await first.GetAttributeAsync("id");

        _presses = 0;
        await Press(pm, "j");
        await Assertions.Expect(pm.Locator($"#{id}")).ToBeFocusedAsync();
        await Press(pm, "Alt+ArrowRight");

        await Assertions.Expect(pm.Locator($"[data-horizon=Next] #{id}")).ToBeVisibleAsync();
        await Assertions.Expect(pm.Locator($"#{id}")).ToBeFocusedAsync();
        await Assertions.Expect(pm.Locator("#shortcut-status")).Not.ToBeEmptyAsync();
        output.WriteLine($"Key presses to move the first Now card to Next: {_presses}");

        // And back with Alt+←.
        await Press(pm, "Alt+ArrowLeft");
        await Assertions.Expect(pm.Locator($"[data-horizon=Now] #{id}")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task The_palette_jumps_to_an_item_and_runs_new_backlog_item()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync("/p/acme-checkout/backlog");
        var title = (await po.Locator("#item-8 [data-shortcut=open]").TextContentAsync())!.Trim();
        var palette = po.GetByRole(AriaRole.Dialog, new() { Name = "Command palette" });

        await Press(po, "Control+k");
        await Assertions.Expect(palette).ToBeVisibleAsync();
        var box = palette.GetByRole(AriaRole.Combobox);
        await Assertions.Expect(box).ToBeFocusedAsync();
        await Assertions.Expect(palette.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await box.PressSequentiallyAsync(title);
        var option = palette.GetByRole(AriaRole.Option).Filter(new() { HasText = title }).First;
        await Assertions.Expect(option).ToBeVisibleAsync();
        await Assertions.Expect(po.Locator("#palette-status")).ToContainTextAsync("result");
        while (await option.GetAttributeAsync("aria-selected") != "true")
        {
            await Press(po, "ArrowDown");
        }

        await Press(po, "Enter");
        await po.WaitForURLAsync("**/p/acme-checkout/backlog/8");
        await Assertions.Expect(po.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);

        await Press(po, "Meta+k");
        await Assertions.Expect(palette).ToBeVisibleAsync();
        await box.PressSequentiallyAsync("new backlog");
        await Assertions.Expect(palette.GetByRole(AriaRole.Option).First).ToContainTextAsync("New backlog item");
        await Press(po, "Enter");
        await po.WaitForURLAsync("**/p/acme-checkout/backlog/new");
        await Assertions.Expect(po.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("New backlog item");
    }

    private async Task Press(IPage page, string key)
    {
        _presses++;
        await page.Keyboard.PressAsync(key);
    }
}

/// <summary>Its own app and browser, started when no other collection runs: two apps starting at once race for a port.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KeyboardCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "keyboard";
}
