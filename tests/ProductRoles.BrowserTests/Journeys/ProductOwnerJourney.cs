using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>The product owner turns customer feedback into a story, drags it to the top, and finishes another item.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ProductOwnerJourney(BrowserApp app)
{
    [GeneratedRegex(@"/backlog/(\d+)$")]
    private static partial Regex ItemUrl();

    [SkippableFact]
    public async Task PO_turns_feedback_into_a_story_drags_it_to_the_top_and_marks_another_item_done_through_the_DoD_checklist()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        var po = await app.SignInAsync("po@demo.local");
        await po.GetByRole(AriaRole.Link, new() { Name = "Acme Checkout", Exact = true }).First.ClickAsync();

        // 1. Customer feedback → a story, linked both ways.
        await po.GetByRole(AriaRole.Navigation, new() { Name = "Backlog" }).GetByRole(AriaRole.Link, new() { Name = "Customer feedback" }).ClickAsync();
        await Assertions.Expect(po.GetByRole(AriaRole.Heading, new() { Name = "Customer feedback", Level = 1 })).ToBeVisibleAsync();
        await po.GetByLabel("Status").First.SelectOptionAsync("New");
        await po.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await po.Locator(".po-feedback-list .card").Filter(new() { HasText = "daily payout report" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await po.GetByLabel("As a …").FillAsync("merchant");
        await po.GetByLabel("I want … (one item per line)").FillAsync("import my daily payouts into my accounting tool");
        await po.GetByLabel("So that …").FillAsync("month-end closing takes minutes");
        await po.GetByRole(AriaRole.Button, new() { Name = "Create backlog items" }).ClickAsync();
        await Assertions.Expect(po.GetByRole(AriaRole.Status)).ToContainTextAsync("created from this feedback");
        await po.GetByRole(AriaRole.Link, new() { Name = "Import my daily payouts into my accounting tool" }).ClickAsync();
        await Assertions.Expect(po.Locator(".po-story")).ToContainTextAsync("As a merchant, I want import my daily payouts");
        await Assertions.Expect(po.Locator(".po-side")).ToContainTextAsync("from Head of Merchant Success");
        var storyId = ItemUrl().Match(po.Url).Groups[1].Value;

        // 2. New items go to the bottom: on the backlog's last page, drag the story to the top.
        await po.GetByRole(AriaRole.Navigation, new() { Name = "Backlog" }).GetByRole(AriaRole.Link, new() { Name = "Product backlog" }).ClickAsync();
        await Assertions.Expect(po.GetByRole(AriaRole.Heading, new() { Name = "Product backlog", Level = 1 })).ToBeVisibleAsync();
        var pager = await po.Locator(".pager span").TextContentAsync();
        var lastPage = Regex.Match(pager!, @"of (\d+)").Groups[1].Value;
        await po.Locator(".pager").GetByRole(AriaRole.Link, new() { Name = "Next", Exact = true }).ClickAsync();
        await po.WaitForURLAsync("**/backlog?p=2");
        await po.GotoAsync($"/p/acme-checkout/backlog?p={lastPage}");

        // Drag and drop needs the row and the drop zone on screen together: a scroll between press and
        // move would start the drag on whichever row then sits under the pointer.
        await po.SetViewportSizeAsync(1280, 8000);
        // The row is grabbed by its grip, in the first cell: its other cells are controls (inline editors, move buttons).
        await po.Locator($"#item-{storyId}").DragToAsync(po.Locator(".po-drop-top"), new() { SourcePosition = new() { X = 6, Y = 6 } });
        await Assertions.Expect(po.GetByRole(AriaRole.Status)).ToContainTextAsync($"#{storyId} moved from position");
        await Assertions.Expect(po.Locator("tbody tr").First).ToHaveAttributeAsync("id", $"item-{storyId}");
        // The first cell holds the select box and the position.
        await Assertions.Expect(po.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync(new Regex(@"^\s*1\s*$"));

        // 3. Another item (in progress, second in the order) is marked Done through the DoD checklist.
        var second = po.Locator("tbody tr").Nth(1);
        var title = await second.Locator("td:nth-child(2) a").First.TextContentAsync();
        await second.Locator("td:nth-child(2) a").First.ClickAsync();
        await po.GetByRole(AriaRole.Link, new() { Name = "Mark as Done" }).ClickAsync();
        await Assertions.Expect(po.GetByRole(AriaRole.Heading, new() { Name = "Mark as Done", Level = 1 })).ToBeVisibleAsync();
        var criteria = po.Locator(".po-check");
        var count = await criteria.CountAsync();
        for (var n = 0; n < count - 1; n++)
        {
            await criteria.Nth(n).Locator("input[name$='.Checked']").CheckAsync();
        }

        // Submitting with one criterion neither ticked nor waived is refused beside it.
        await po.GetByRole(AriaRole.Button, new() { Name = "Mark as Done", Exact = true }).ClickAsync();
        await Assertions.Expect(criteria.Nth(count - 1)).ToContainTextAsync("Tick this criterion, or waive it with a reason.");
        await criteria.Nth(count - 1).GetByLabel("Waive").CheckAsync();
        await criteria.Nth(count - 1).GetByPlaceholder("Reason for waiving").FillAsync("Docs ship with the next merchant newsletter");
        await po.GetByRole(AriaRole.Button, new() { Name = "Mark as Done", Exact = true }).ClickAsync();

        await Assertions.Expect(po.GetByRole(AriaRole.Status)).ToContainTextAsync("is Done");
        await Assertions.Expect(po.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title!.Trim());
        await Assertions.Expect(po.Locator("#done-heading")).ToContainTextAsync("Met the Definition of Done, version");
        await Assertions.Expect(po.Locator(".po-done-record")).ToContainTextAsync("Reason: Docs ship with the next merchant newsletter");
    }
}
