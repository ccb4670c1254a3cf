using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// Two people on the same page, each in a browser context of their own: a change one makes appears
/// for the other without a reload, and the other keeps their place (scroll, an open details, a
/// half-typed field, the filter, focus). Every wait is Playwright's own wait for the DOM to show it.
/// On an app of its own: the journeys change the demo product.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class LiveJourney(BrowserApp app)
{
    private const string Demo = "/p/acme-checkout";

    /// <summary>Screenshots for a look at the live pages, when LIVE_SCREENSHOTS names a folder (never committed).</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("LIVE_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = false });
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    private static async Task LiveAsync(IPage page) =>
        await Assertions.Expect(page.Locator("#live-bar[data-state='live']")).ToBeAttachedAsync();

    [SkippableFact]
    public async Task Scrum_master_and_developer_see_each_others_card_moves_on_the_sprint_board_and_keep_their_place()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        var sm = await app.SignInAsync("sm@demo.local");
        await sm.GotoAsync($"{Demo}/sprints");
        await sm.GetByRole(AriaRole.Link, new() { Name = "Sprint 7" }).ClickAsync();
        await sm.GetByRole(AriaRole.Link, new() { Name = "Sprint backlog board" }).ClickAsync();
        var boardUrl = new Uri(sm.Url).PathAndQuery;
        var dev = await app.SignInAsync("dev@demo.local");
        await dev.GotoAsync(boardUrl);
        await LiveAsync(sm);
        await LiveAsync(dev);

        // Each sees the other on the board.
        await Assertions.Expect(sm.Locator("#live-presence")).ToContainTextAsync("Dana Kim (Developer)");
        await Assertions.Expect(dev.Locator("#live-presence")).ToContainTextAsync("Sam Martinez (Scrum master)");

        // The Scrum master has a task half typed on one card and the page scrolled down.
        var inProgress = sm.Locator("[data-column='InProgress'] .board-card");
        var cardId = await inProgress.Nth(0).GetAttributeAsync("data-item");
        var otherId = await inProgress.Nth(1).GetAttributeAsync("data-item");
        await sm.SetViewportSizeAsync(1280, 500);
        var addTask = sm.Locator($"#card-{otherId} details.board-add-task");
        await addTask.Locator("summary").ClickAsync();
        await sm.Locator($"#new-task-{otherId}").FillAsync("Half-typed task");
        await sm.EvaluateAsync("window.scrollTo(0, 180)");
        var scrolled = await sm.EvaluateAsync<int>("Math.round(window.scrollY)");

        // The developer puts a card back to do with its button.
        await dev.Locator($"#card-{cardId} form[data-move='ToDo'] button").ClickAsync();
        await Assertions.Expect(dev.Locator($"[data-column='ToDo'] #card-{cardId}")).ToBeVisibleAsync();

        // The Scrum master's board shows it, with a note of who did it, and nothing of theirs moved.
        await Assertions.Expect(sm.Locator($"[data-column='ToDo'] #card-{cardId}")).ToBeAttachedAsync();
        await Assertions.Expect(sm.Locator("#live-status")).ToContainTextAsync($"Dana Kim (Developer) moved #{cardId} to To do");
        await Assertions.Expect(addTask).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(sm.Locator($"#new-task-{otherId}")).ToHaveValueAsync("Half-typed task");
        Assert.Equal(scrolled, await sm.EvaluateAsync<int>("Math.round(window.scrollY)"));
        await sm.SetViewportSizeAsync(1280, 900);
        await ShotAsync(sm, "sprint-board");

        // And back: the Scrum master moves it to In progress; the developer's board follows.
        await sm.Locator($"#card-{cardId} form[data-move='InProgress'] button").ClickAsync();
        await Assertions.Expect(dev.Locator($"[data-column='InProgress'] #card-{cardId}")).ToBeAttachedAsync();
        await Assertions.Expect(dev.Locator("#live-status")).ToContainTextAsync($"Sam Martinez (Scrum master) moved #{cardId} to In progress");
    }

    [SkippableFact]
    public async Task Product_owner_and_developer_see_the_backlog_reorder_with_the_filter_focus_and_selection_kept()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync($"{Demo}/backlog");
        var dev = await app.SignInAsync("dev@demo.local");
        await dev.GotoAsync($"{Demo}/backlog?Status=Ready");
        await LiveAsync(po);
        await LiveAsync(dev);

        // The developer looks at the ready items: one is ticked for a bulk change, a new filter text half typed, with focus in it.
        var readyRows = dev.Locator("table.po-backlog tbody tr");
        var first = await readyRows.Nth(0).GetAttributeAsync("data-item-id");
        var second = await readyRows.Nth(1).GetAttributeAsync("data-item-id");
        await dev.Locator($"#item-{first} input[name='ids']").CheckAsync();
        await dev.Locator("#f-text").FillAsync("checko");

        // The product owner moves the developer's second ready item to the very top.
        await po.Locator($"#item-{second} [data-shortcut=move-top]").ClickAsync();
        await Assertions.Expect(po.Locator("table.po-backlog tbody tr").First).ToHaveAttributeAsync("data-item-id", second!);

        // The developer's filtered list follows: that item now comes first; their filter, focus and ticked box are as they were.
        await Assertions.Expect(readyRows.First).ToHaveAttributeAsync("data-item-id", second!);
        await Assertions.Expect(dev.Locator("#live-status")).ToContainTextAsync($"Oliver Owens (PO) moved #{second} from position");
        await Assertions.Expect(dev.Locator("#f-text")).ToHaveValueAsync("checko");
        await Assertions.Expect(dev.Locator("#f-text")).ToBeFocusedAsync();
        await Assertions.Expect(dev.Locator("#f-status")).ToHaveValueAsync("Ready");
        await Assertions.Expect(dev.Locator($"#item-{first} input[name='ids']")).ToBeCheckedAsync();

        await Assertions.Expect(po.Locator("#live-presence")).ToContainTextAsync("Dana Kim (Developer)");
        await ShotAsync(dev, "backlog");
    }

    [SkippableFact]
    public async Task Product_manager_and_product_owner_see_roadmap_moves_and_feedback_and_a_half_typed_note_survives()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        var pm = await app.SignInAsync("pm@demo.local");
        await pm.GotoAsync($"{Demo}/roadmap");
        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync($"{Demo}/roadmap");
        await LiveAsync(pm);
        await LiveAsync(po);

        var card = pm.Locator("[data-horizon='Later'] .roadmap-card").First;
        var id = await card.GetAttributeAsync("data-id");
        await po.Locator("#live-presence").WaitForAsync();

        await pm.Locator($".roadmap-card[data-id='{id}'] form.move-form:has(input[name='horizon'][value='Now']) button").ClickAsync();
        await Assertions.Expect(pm.Locator($"[data-horizon='Now'] .roadmap-card[data-id='{id}']")).ToBeVisibleAsync();

        await Assertions.Expect(po.Locator($"[data-horizon='Now'] .roadmap-card[data-id='{id}']")).ToBeAttachedAsync();
        await Assertions.Expect(po.Locator("#live-status")).ToContainTextAsync($"Priya Sharma (PM) moved roadmap item #{id} to Now");
        await Assertions.Expect(po.Locator("#live-presence")).ToContainTextAsync("Priya Sharma (PM)");

        // The product manager, half way through a publish note, hears the owner's feedback on that item:
        // the board's open feedback count follows, and the half-typed note is still there.
        var openBefore = int.Parse((await pm.Locator(".open-feedback-total").InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await pm.Locator("#publish-note").FillAsync("Wallets first");
        await po.GotoAsync($"{Demo}/roadmap/{id}");
        await po.GetByLabel("Your feedback").FillAsync("The card schemes need three months' notice.");
        await po.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(pm.Locator(".open-feedback-total")).ToHaveTextAsync((openBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(pm.Locator("#live-status")).ToContainTextAsync($"Oliver Owens (PO) gave feedback on roadmap item #{id}");
        await Assertions.Expect(pm.Locator("#publish-note")).ToHaveValueAsync("Wallets first");
        await ShotAsync(pm, "roadmap");
    }

    [SkippableFact]
    public async Task A_developer_editing_an_item_learns_at_once_that_the_owner_saved_it_and_can_see_their_version()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        var dev = await app.SignInAsync("dev@demo.local");
        await dev.GotoAsync($"{Demo}/backlog");
        var id = await dev.Locator("table.po-backlog tbody tr").Nth(2).GetAttributeAsync("data-item-id");
        await dev.GotoAsync($"{Demo}/backlog/{id}/edit");
        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync($"{Demo}/backlog/{id}/edit");
        await LiveAsync(dev);
        await LiveAsync(po);

        // Each sees the other editing.
        await Assertions.Expect(dev.Locator("#live-presence")).ToContainTextAsync("Oliver Owens (PO) · editing");
        await dev.GetByLabel("Title", new() { Exact = true }).FillAsync("Developer's half-typed title");

        await po.GetByLabel("Title", new() { Exact = true }).FillAsync("Owner's new title");
        await po.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var warning = dev.Locator("#live-stale");
        await Assertions.Expect(warning).ToContainTextAsync($"Oliver Owens (PO) changed #{id}: title while you were editing");
        await Assertions.Expect(warning).ToContainTextAsync("while you were editing");
        await ShotAsync(dev, "stale-form");
        await warning.GetByRole(AriaRole.Button, new() { Name = "Show their version" }).ClickAsync();
        await Assertions.Expect(warning.Locator(".live-their-version")).ToContainTextAsync("Owner's new title");
        await Assertions.Expect(dev.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Developer's half-typed title");

        // Saving anyway goes through the version check: a readable conflict, nothing of theirs lost.
        await dev.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(dev.GetByRole(AriaRole.Heading, new() { Name = "Changed by Oliver Owens (PO) while you were working" })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task After_the_connection_drops_the_backlog_says_it_is_reconnecting_and_then_shows_what_it_missed()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        // The developer's connection goes through a switch the test can open: a dropped network, as the page sees it.
        var dev = await app.SignInAsync("dev@demo.local");
        var offline = false;
        IWebSocketRoute? socket = null;
        await dev.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/hubs/live"), ws =>
        {
            if (offline)
            {
                _ = ws.CloseAsync(new() { Code = 1011, Reason = "network down" });
                return;
            }

            ws.ConnectToServer();
            socket = ws;
        });
        await dev.RouteAsync("**/hubs/live/negotiate**", route => offline ? route.AbortAsync() : route.ContinueAsync());
        await dev.GotoAsync($"{Demo}/backlog");
        await LiveAsync(dev);

        offline = true;
        await socket!.CloseAsync(new() { Code = 1011, Reason = "network down" });
        await Assertions.Expect(dev.Locator("#live-status")).ToContainTextAsync("Live updates paused — reconnecting");
        await ShotAsync(dev, "reconnecting");

        // Meanwhile the product owner moves an item to the top; the page, still usable, does not know yet.
        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync($"{Demo}/backlog");
        var moved = await po.Locator("table.po-backlog tbody tr").Nth(3).GetAttributeAsync("data-item-id");
        await po.Locator($"#item-{moved} [data-shortcut=move-top]").ClickAsync();
        await Assertions.Expect(po.Locator("table.po-backlog tbody tr").First).ToHaveAttributeAsync("data-item-id", moved!);

        // The network comes back: the page reconnects on its own and fetches what it missed.
        offline = false;
        await Assertions.Expect(dev.Locator("table.po-backlog tbody tr").First).ToHaveAttributeAsync("data-item-id", moved!);
        await Assertions.Expect(dev.Locator("#live-bar[data-state='live']")).ToBeAttachedAsync();
    }
}

/// <summary>Its own app and browser, started when no other collection runs: two apps starting at once race for a port.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "live";
}
