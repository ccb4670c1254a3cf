using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Scale;

/// <summary>
/// The backlog filter's tag choices and total come from the product's tag table and item counter, kept in
/// step by the command that changes the items: what the filter offers is always what the items carry.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProductTagTests(AppFixture app)
{
    private static BacklogItemFields Fields(string title, string? tags) =>
        new(BacklogItemType.Chore, title, null, null, null, null, 2, BacklogItemStatus.Ready, tags, null, null);

    [Fact]
    public async Task A_tag_is_offered_while_an_item_carries_it_and_counted_per_item()
    {
        var product = await app.NewProduct("Tag choices").WithMembers((AppFixture.Po, ProductRole.ProductOwner)).BuildAsync();
        var first = await product.SendAsync(AppFixture.Po, new CreateBacklogItem(product.Slug, Fields("Card vault", "payments, mobile")));
        var second = await product.SendAsync(AppFixture.Po, new CreateBacklogItem(product.Slug, Fields("Refund flow", "payments refunds")));

        var page = await product.AskAsync(AppFixture.Po, new GetBacklog(product.Slug, new BacklogFilter()));
        Assert.Equal(["mobile", "payments", "refunds"], page.AllTags);
        Assert.Equal(2, page.Total);
        Assert.Equal(new Dictionary<string, int>(StringComparer.Ordinal) { ["mobile"] = 1, ["payments"] = 2, ["refunds"] = 1 }, await CountsAsync(product.Id));

        // Editing away the last "mobile" drops it from the choices; "payments" stays while one item has it.
        var version = await app.QueryAsync(db => db.BacklogItems.Where(i => i.Id == first).Select(i => i.Version).SingleAsync());
        await product.SendAsync(AppFixture.Po, new EditBacklogItem(product.Slug, first, Fields("Card vault", "wallets"), version));
        await product.SendAsync(AppFixture.Po, new BulkEditBacklogItems(product.Slug, [second], "tax", null, null, false));

        page = await product.AskAsync(AppFixture.Po, new GetBacklog(product.Slug, new BacklogFilter()));
        Assert.Equal(["payments", "refunds", "tax", "wallets"], page.AllTags);
        Assert.Equal(new Dictionary<string, int>(StringComparer.Ordinal) { ["payments"] = 1, ["refunds"] = 1, ["tax"] = 1, ["wallets"] = 1 }, await CountsAsync(product.Id));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task The_counts_match_the_items_after_a_burst_of_creates_and_edits()
    {
        var product = await app.NewProduct("Tag counts").WithMembers((AppFixture.Po, ProductRole.ProductOwner)).BuildAsync();
        string[] tags = ["api", "ux", "tax"];
        for (var n = 0; n < 9; n++)
        {
            await product.SendAsync(AppFixture.Po, new CreateBacklogItem(product.Slug, Fields($"Item {n}", tags[n % 3] + " " + tags[(n + 1) % 3])));
        }

        var expected = await app.QueryAsync(db => db.BacklogItemTags.Where(t => t.BacklogItem!.ProductId == product.Id)
            .GroupBy(t => t.Name).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal));
        Assert.Equal(expected, await CountsAsync(product.Id));
        Assert.Equal(9, await app.QueryAsync(db => db.Products.Where(p => p.Id == product.Id).Select(p => p.BacklogItemCount).SingleAsync()));
        var filtered = await product.AskAsync(AppFixture.Po, new GetBacklog(product.Slug, new BacklogFilter(Tag: "api")));
        Assert.Equal(expected["api"], filtered.Total);
    }

    private Task<Dictionary<string, int>> CountsAsync(int productId) =>
        app.QueryAsync(db => db.ProductTags.Where(t => t.ProductId == productId).ToDictionaryAsync(t => t.Name, t => t.ItemCount, StringComparer.Ordinal));
}
