using System.Text;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using Xunit.Abstractions;

namespace ProductRoles.Tests.ProductOwner.Backlog;

/// <summary>The backlog's first screen stays lean: one form and one antiforgery token for the whole table, whatever the rows.</summary>
[Collection(AppCollection.Name)]
public sealed class LeanBacklogPageTests(AppFixture app, ITestOutputHelper output)
{
    private const int BudgetBytes = 80 * 1024;

    [Fact]
    public async Task The_first_screen_of_50_rows_is_under_80_KB_of_HTML_with_one_form_and_one_token_and_every_move_still_a_button()
    {
        var product = await app.NewProduct("Lean backlog").BuildAsync();
        var roadmap = new List<int>();
        for (var n = 1; n <= 8; n++)
        {
            roadmap.Add(await product.RoadmapItem($"Roadmap theme {n}: faster checkout for returning customers").CreateAsync());
        }

        // Rows as a real backlog has them: long titles, stories with criteria, tags, roadmap items.
        for (var n = 1; n <= GetBacklogHandler.PageSize + 5; n++)
        {
            await product.BacklogItem($"Merchants can export the month's refunds as CSV for their accountant, item {n}")
                .Tags($"payments, refunds, quarter-{n % 4}").Estimate(5).ForRoadmapItem(roadmap[n % roadmap.Count]).CreateAsync();
        }

        var client = await app.SharedClientAsync(AppFixture.Po);
        using var response = await client.GetAsync($"{product.Url}/backlog");
        var html = await response.Content.ReadAsStringAsync();
        var bytes = Encoding.UTF8.GetByteCount(html);
        output.WriteLine($"backlog first screen, {GetBacklogHandler.PageSize} rows: {bytes:N0} bytes of HTML");

        Assert.True(bytes <= BudgetBytes, $"The backlog's first screen is {bytes:N0} bytes; the budget is {BudgetBytes:N0}.");
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(GetBacklogHandler.PageSize, page.QuerySelectorAll("tbody tr[data-shortcut-row]").Length);
        Assert.Single(page.QuerySelectorAll("#backlog-form input[name=__RequestVerificationToken]"));
        var first = page.QuerySelector("tbody tr")!;
        var id = first.GetAttribute("data-item-id");
        Assert.Equal(
            [$"{id}:Up", $"{id}:Down", $"{id}:Top", $"{id}:Bottom"],
            first.QuerySelectorAll("button[name=move]").Select(b => b.GetAttribute("value")));
        Assert.Equal("Move #" + id + " to the top", first.QuerySelector("[data-shortcut=move-top]")!.GetAttribute("aria-label"));
        Assert.NotNull(first.QuerySelector("a[data-shortcut=open]"));
        Assert.NotNull(first.QuerySelector("a[data-shortcut=edit]"));
    }
}
