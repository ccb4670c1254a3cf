using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Data.Search;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.Search;
using static ProductRoles.Tests.ProductOwner.Import.ImportTestSupport;

namespace ProductRoles.Tests.Search;

/// <summary>The full-text index stays in step with the rows: written by the same save, in the same transaction.</summary>
[Collection(AppCollection.Name)]
public sealed class SearchIndexTests(AppFixture app)
{
    /// <summary>A word no other test uses, so results are this test's own.</summary>
    private static string Word() => "w" + Guid.NewGuid().ToString("N")[..12];

    private Task<SearchResults> SearchAsync(TestProduct product, string who, string text) =>
        product.AskAsync(who, new SearchEverything(text));

    [Fact]
    public async Task A_created_item_is_found_an_edited_one_by_its_new_words_only()
    {
        var product = await app.NewProduct("Search").BuildAsync();
        var (before, after) = (Word(), Word());
        var id = await product.BacklogItem($"Pay by {before}").Description($"Some **{before}** text").CreateAsync();

        var found = Assert.Single((await SearchAsync(product, AppFixture.Dev, before)).Results);
        Assert.Equal((SearchKind.BacklogItem, id, $"/p/{product.Slug}/backlog/{id}"), (found.Kind, found.Id, found.Url));

        var item = await product.AskAsync(AppFixture.Po, new GetBacklogItem(product.Slug, id));
        var fields = new BacklogItemBuilder(product, $"Pay by {after}").Fields;
        await product.SendAsync(AppFixture.Po, new EditBacklogItem(product.Slug, id, fields, item.Version));

        Assert.Empty((await SearchAsync(product, AppFixture.Dev, before)).Results);
        Assert.Equal(id, Assert.Single((await SearchAsync(product, AppFixture.Dev, after)).Results).Id);
    }

    [Fact]
    public async Task A_move_or_a_status_change_leaves_the_index_alone_and_the_item_found()
    {
        var product = await app.NewProduct("Search").BuildAsync();
        var word = Word();
        await product.BacklogItemsAsync(2);
        var id = await product.BacklogItem($"Refund {word}").CreateAsync();
        var indexRows = await IndexRowsAsync(id);

        await product.SendAsync(AppFixture.Po, new MoveBacklogItem(product.Slug, id, BacklogMove.Top, null, null));

        Assert.Equal(indexRows, await IndexRowsAsync(id));
        Assert.Single((await SearchAsync(product, AppFixture.Po, word)).Results);
    }

    [Fact]
    public async Task Comments_roadmap_items_insights_feedback_goals_and_sprints_are_found_and_link_to_their_pages()
    {
        var product = await app.NewProduct("Search").BuildAsync();
        var word = Word();
        var item = await product.BacklogItem("Checkout").CreateAsync();
        await product.SendAsync(AppFixture.Dev, new AddBacklogComment(product.Slug, item, $"I think {word} matters"));
        var roadmap = await product.RoadmapItem($"Roadmap {word}").CreateAsync();
        var insight = await product.Insight($"Insight {word}").CreateAsync();
        var feedback = await product.Feedback($"Customers ask for {word}").CreateAsync();
        var goal = await product.Goal($"Goal {word}").CreateAsync();
        var sprint = await product.Sprint($"Sprint {word}").CreateAsync();

        var results = (await SearchAsync(product, AppFixture.Po, word)).Results;

        Assert.Equal(
            new[]
            {
                (SearchKind.Comment, $"/p/{product.Slug}/backlog/{item}"),
                (SearchKind.RoadmapItem, $"/p/{product.Slug}/roadmap/{roadmap}"),
                (SearchKind.Insight, $"/p/{product.Slug}/research/{insight}"),
                (SearchKind.Feedback, $"/p/{product.Slug}/feedback/{feedback}"),
                (SearchKind.Goal, $"/p/{product.Slug}/goals/{goal}"),
                (SearchKind.Sprint, $"/p/{product.Slug}/sprints/{sprint}"),
            }.OrderBy(r => r.Item1),
            results.Select(r => (r.Kind, r.Url)).OrderBy(r => r.Kind));
        Assert.StartsWith("Comment on #", string.Concat(results.Single(r => r.Kind == SearchKind.Comment).Title.Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_rows_are_written_in_the_saving_transaction_and_go_with_its_rollback()
    {
        var product = await app.NewProduct("Search").BuildAsync();
        var word = Word();
        var (inside, after) = await app.QueryAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var item = new BacklogItem { ProductId = product.Id, Title = $"Rolled back {word}", Rank = "zzz", Status = BacklogItemStatus.New };
            db.BacklogItems.Add(item);
            await db.SaveChangesAsync();
            var seen = await CountAsync(db, item.Id);
            await transaction.RollbackAsync();
            return (seen, await CountAsync(db, item.Id));
        });

        Assert.Equal((1, 0), (inside, after));
        Assert.Empty((await SearchAsync(product, AppFixture.Po, word)).Results);
    }

    [Fact]
    public async Task Imported_keys_are_searchable_and_undoing_the_import_takes_its_items_out_of_the_index()
    {
        var product = await app.NewProduct("Search").BuildAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var project = "K" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var import = await RunAsync(app, client, await PreviewAsync(client, product, Jira(12, project: project)));

        var byKey = (await SearchAsync(product, AppFixture.Dev, $"{project}-3")).Results;
        var hit = Assert.Single(byKey, r => string.Concat(r.ExternalKey.Select(p => p.Text)) == $"{project}-3");
        Assert.Contains(hit.ExternalKey, p => p.IsMatch);
        // The backlog's text filter is the same index.
        var filtered = await client.GetPageAsync($"{product.Url}/backlog?q={project}-3");
        Assert.Contains(filtered.QuerySelectorAll("tbody tr"), row => row.Id == $"item-{hit.Id}");

        var progress = await client.GetPageAsync($"{product.Url}/backlog/import/{import.Id}/progress");
        using var undo = await client.SubmitAsync(progress, "#import-undo-form");
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);

        Assert.Empty((await SearchAsync(product, AppFixture.Dev, project)).Results);
        Assert.Equal(0, await app.QueryAsync(db => db.Database.SqlQueryRaw<int>(
            "SELECT count(*) AS Value FROM SearchIndex WHERE ProductId = {0}", product.Id).SingleAsync()));
    }

    private Task<int> IndexRowsAsync(int itemId) => app.QueryAsync(db => CountAsync(db, itemId));

    private static Task<int> CountAsync(ProductRoles.Web.Data.AppDbContext db, int itemId) =>
        db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM SearchIndex WHERE rowid = {0}",
            SearchDocument.IdOf(SearchKind.BacklogItem, itemId)).SingleAsync();
}
