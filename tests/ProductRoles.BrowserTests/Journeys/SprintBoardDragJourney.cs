using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>
/// A developer drags cards on the sprint board. A drop submits the card's own move form the way its
/// button does, so the site's data-confirm prompt runs (and can stop the move), and a drop on Done
/// opens the Definition of Done checklist. On an app of its own: it changes the demo sprint.
/// </summary>
[Collection(SprintBoardDragCollection.Name)]
public sealed class SprintBoardDragJourney(BrowserApp app)
{
    // A card is grabbed by its head: its middle holds the tasks' fields (owner, hours, state), where a press edits instead of dragging.
    private static readonly LocatorDragToOptions ByTheHead = new() { SourcePosition = new() { X = 12, Y = 12 } };

    [SkippableFact]
    public async Task Developer_drags_a_card_to_in_progress_through_the_confirm_prompt_and_another_to_done()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        var dev = await app.SignInAsync("dev@demo.local");
        await dev.SetViewportSizeAsync(1280, 2400);
        await dev.GotoAsync("/p/acme-checkout/sprints");
        await dev.GetByRole(AriaRole.Link, new() { Name = "Sprint 7" }).ClickAsync();
        await dev.GetByRole(AriaRole.Link, new() { Name = "Sprint backlog board" }).ClickAsync();
        var toDo = dev.Locator("[data-column='ToDo']");
        var inProgress = dev.Locator("[data-column='InProgress']");
        var cardId = await inProgress.Locator(".board-card[draggable='true']").First.GetAttributeAsync("data-item");
        var card = dev.Locator($"#card-{cardId}");
        const string Ask = "Put this item back to do?";
        var askFirst = $"document.querySelector('#card-{cardId} form[data-move=\"ToDo\"]').dataset.confirm = '{Ask}'";

        // The move form asks first (as a form with data-confirm does): saying no leaves the card where it was.
        await dev.EvaluateAsync(askFirst);
        var prompted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Dismiss(object? sender, IDialog dialog)
        {
            prompted.TrySetResult(dialog.Message);
            _ = dialog.DismissAsync();
        }

        dev.Dialog += Dismiss;
        await card.DragToAsync(toDo, ByTheHead);
        // The prompt arrives from the browser on its own; waiting for it is part of the drop, not a timing check.
        Assert.Equal(Ask, await prompted.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        await Assertions.Expect(card).ToBeVisibleAsync();
        await dev.ReloadAsync();
        await Assertions.Expect(inProgress.Locator($"#card-{cardId}")).ToBeVisibleAsync();
        dev.Dialog -= Dismiss;

        // Saying yes moves it, into the column that was empty.
        await dev.EvaluateAsync(askFirst);
        dev.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await card.DragToAsync(toDo, ByTheHead);
        await Assertions.Expect(dev.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Assertions.Expect(toDo.Locator($"#card-{cardId}")).ToBeVisibleAsync();
        await dev.ReloadAsync();
        await Assertions.Expect(toDo.Locator($"#card-{cardId}")).ToBeVisibleAsync();

        // Back to In progress, then dropped on Done: that opens the Definition of Done checklist for it.
        await card.DragToAsync(inProgress.Locator(".board-cards"), ByTheHead);
        await Assertions.Expect(inProgress.Locator($"#card-{cardId}")).ToBeVisibleAsync();
        await dev.ReloadAsync();
        await dev.Locator($"#card-{cardId}").DragToAsync(dev.Locator("[data-column='Done'] .board-cards"), ByTheHead);
        await Assertions.Expect(dev.GetByRole(AriaRole.Heading, new() { Name = $"Move #{cardId} to Done" })).ToBeVisibleAsync();
    }
}

/// <summary>Its own app and browser, started when no other collection runs: two apps starting at once race for a port.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SprintBoardDragCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "sprint-board-drag";
}
