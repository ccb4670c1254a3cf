using System.Text;
using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;

namespace ProductRoles.BrowserTests.Journeys;

/// <summary>The product owner brings a Jira backlog in: upload, fix a status mapping, watch the progress bar, land on the backlog in Jira's order.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportJourney(BrowserApp app)
{
    private static readonly string[] Summaries =
        ["Pay with a saved card", "Refund to the wallet", "Split the basket", "Show the receipt", "Retry a failed payment", "Export the invoices"];

    [SkippableFact]
    public async Task PO_uploads_a_Jira_export_fixes_a_mapping_watches_the_progress_and_lands_on_the_backlog_in_Jira_order()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);

        var csv = new StringBuilder("\uFEFFSummary,Issue key,Issue id,Issue Type,Status,Labels,Labels,Custom field (Story Points),Description\r\n");
        for (var n = 0; n < Summaries.Length; n++)
        {
            csv.Append(Summaries[n]).Append(",JRN-").Append(n + 1).Append(',').Append(20000 + n).Append(",Story,")
                .Append(n % 2 == 0 ? "In Review" : "To Do").Append(",checkout,journey,").Append(n % 3 + 1)
                .Append(",\"h3. Why\n* shoppers *asked*\"\r\n");
        }

        var po = await app.SignInAsync("po@demo.local");
        await po.GotoAsync("/p/acme-checkout/backlog");
        await po.GetByRole(AriaRole.Link, new() { Name = "Import CSV" }).ClickAsync();
        await Assertions.Expect(po.GetByRole(AriaRole.Heading, new() { Name = "Import a backlog", Level = 1 })).ToBeVisibleAsync();
        await po.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "jira.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await po.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();

        // The preview: Jira detected, six to create, the first rows as they will look.
        await Assertions.Expect(po.Locator("#import-format")).ToHaveTextAsync("Jira CSV export");
        await Assertions.Expect(po.Locator("#count-create")).ToHaveTextAsync("6");
        await Assertions.Expect(po.Locator("#import-sample tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(po.Locator("#import-sample tbody tr").First).ToContainTextAsync("In progress");

        // Fix a mapping: Jira's "In Review" is Ready in this team.
        await po.GetByLabel("In Review").SelectOptionAsync(new SelectOptionValue { Label = "Ready" });
        await po.GetByRole(AriaRole.Button, new() { Name = "Save mapping and check again" }).ClickAsync();
        await Assertions.Expect(po.GetByRole(AriaRole.Status)).ToContainTextAsync("Mapping saved");
        await Assertions.Expect(po.Locator("#import-sample tbody tr").First).ToContainTextAsync("Ready");

        // Run it and watch the progress bar fill.
        await po.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(po.Locator("progress#import-bar")).ToBeVisibleAsync();
        await Assertions.Expect(po.Locator("progress#import-bar")).ToHaveAttributeAsync("value", "100", new() { Timeout = 60_000 });
        await Assertions.Expect(po.Locator(".import-state")).ToHaveTextAsync("Imported");
        await po.GetByRole(AriaRole.Link, new() { Name = "Open the backlog" }).ClickAsync();

        // The imported items, found by their keys, stand in Jira's order.
        await Assertions.Expect(po.GetByRole(AriaRole.Heading, new() { Name = "Product backlog", Level = 1 })).ToBeVisibleAsync();
        await po.GotoAsync("/p/acme-checkout/backlog?q=JRN-");
        var rows = po.Locator(".po-backlog tbody tr[data-item-id]");
        await Assertions.Expect(rows).ToHaveCountAsync(Summaries.Length);
        for (var n = 0; n < Summaries.Length; n++)
        {
            await Assertions.Expect(rows.Nth(n)).ToContainTextAsync(Summaries[n]);
        }

        await po.GetByRole(AriaRole.Link, new() { Name = Summaries[0] }).ClickAsync();
        await Assertions.Expect(po.Locator(".po-external-key")).ToHaveTextAsync("JRN-1");
        await Assertions.Expect(po.Locator(".page-head .badge").First).ToHaveTextAsync("Ready");
        await po.Context.CloseAsync();
    }
}
