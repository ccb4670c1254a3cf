using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Products;

/// <summary>The product history reads like an audit log: references by name, flags as yes/no, enums and dates in words.</summary>
[Collection(AppCollection.Name)]
public sealed class ProductHistoryTests(AppFixture app)
{
    private async Task<string> NewProductAsync() =>
        (await app.NewProduct("History Test").WithMembers((AppFixture.Pm, ProductRole.ProductManager), (AppFixture.Po, ProductRole.ProductOwner)).BuildAsync()).Slug;

    private static async Task<List<string>> HistoryLinesAsync(TestClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        return [.. page.QuerySelectorAll(".history li .history-what").Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];
    }

    [Fact]
    public async Task A_changed_reference_names_the_item_it_points_to_on_the_history_page_and_the_items_own_history()
    {
        var slug = await NewProductAsync();
        var roadmapId = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SaveRoadmapItem(slug, 0, "Saved cards in one step", "Returning shoppers pay faster.",
            RoadmapHorizon.Now, "2027-q3", RoadmapItemStatus.Planned, 1000, 2, 80, 4, null, [], [], 0)));
        var fields = new BacklogItemFields(BacklogItemType.Chore, "Card vault integration", null, null, null, null, 3, BacklogItemStatus.Ready, null, null, null);
        var itemId = await app.AsUserAsync(AppFixture.Po, s => s.Send(new CreateBacklogItem(slug, fields)));
        await app.AsUserAsync(AppFixture.Po, s => s.Send(new EditBacklogItem(slug, itemId, fields with { RoadmapItemId = roadmapId, Status = BacklogItemStatus.InProgress }, 0)));

        using var pm = await app.SignInAsync(AppFixture.Pm);
        var lines = await HistoryLinesAsync(pm, $"/p/{slug}/history");

        Assert.Contains($"updated backlog item #{itemId} Card vault integration: roadmap item (none) → Saved cards in one step", lines);
        Assert.Contains($"updated backlog item #{itemId} Card vault integration: status Ready → In progress", lines);
        Assert.DoesNotContain(lines, l => l.Contains("roadmap item id", StringComparison.Ordinal) || l.Contains($"→ {roadmapId}", StringComparison.Ordinal));
        var own = await HistoryLinesAsync(pm, $"/p/{slug}/backlog/{itemId}");
        Assert.Contains(own, l => l.EndsWith("roadmap item (none) → Saved cards in one step", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_flag_reads_yes_or_no_on_the_history_page()
    {
        var slug = await NewProductAsync();
        var goalId = await app.AsUserAsync(AppFixture.Pm, s => s.Send(new CreateGoal(slug, "Raise mobile conversion", null, GoalLevel.Product, null)));
        await app.AsUserAsync(AppFixture.Pm, s => s.Send(new SetGoalArchived(slug, goalId, true, 0)));

        using var pm = await app.SignInAsync(AppFixture.Pm);
        var lines = await HistoryLinesAsync(pm, $"/p/{slug}/history");

        Assert.Contains("updated goal Raise mobile conversion: archived no → yes", lines);
        Assert.DoesNotContain(lines, l => l.Contains("False", StringComparison.Ordinal) || l.Contains("is archived", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("RoadmapItemId", "roadmap item")]
    [InlineData("IsArchived", "archived")]
    [InlineData("AllowOverlap", "allow overlap")]
    [InlineData("Id", "id")]
    public void Field_names_read_as_words(string property, string expected) => Assert.Equal(expected, HistoryText.Field(property));

    [Fact]
    public void Values_read_as_words()
    {
        Assert.Equal("In progress", HistoryText.Value(BacklogItemStatus.InProgress));
        Assert.Equal("Scrum master", HistoryText.Value(ProductRole.ScrumMaster));
        Assert.Equal("yes", HistoryText.Value(true));
        Assert.Equal("3 Mar 2026", HistoryText.Value(new DateOnly(2026, 3, 3)));
        Assert.Equal("3 Mar 2026 14:05 UTC", HistoryText.Value(new DateTime(2026, 3, 3, 14, 5, 0, DateTimeKind.Utc)));
        Assert.Null(HistoryText.Value(null));
    }
}
