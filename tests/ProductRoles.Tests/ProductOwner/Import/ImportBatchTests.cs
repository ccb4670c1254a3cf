using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data.Search;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Features.ProductOwner.Import;
using ProductRoles.Web.Features.Search;
using static ProductRoles.Tests.ProductOwner.Import.ImportTestSupport;

namespace ProductRoles.Tests.ProductOwner.Import;

/// <summary>
/// An import over several batches, each one save: every created item is in the history as "Imported", and the
/// search index holds every item and comment of every batch as soon as the import is done.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ImportBatchTests(AppFixture app)
{
    [Fact]
    public async Task Every_batch_of_an_import_is_in_the_history_as_imported_and_in_the_search_index_when_it_is_done()
    {
        var product = await app.NewProduct("Batches").BuildAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var project = "B" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var import = await RunAsync(app, client, await PreviewAsync(client, product,
            Jira(ImportWriter.BatchSize * 2 + 100, out var issues, seed: 11, project: project)));
        Assert.Equal(ImportState.Completed, import.State);

        var items = await app.QueryAsync(db => db.BacklogItems.IgnoreQueryFilters().Where(i => i.ProductId == product.Id)
            .Select(i => i.Id).ToListAsync());
        Assert.Equal(import.CreatedItems, items.Count);
        var history = await app.QueryAsync(db => db.Activities.IgnoreQueryFilters()
            .Where(a => a.ProductId == product.Id && a.EntityType == "BacklogItem").Select(a => new { a.EntityId, a.Action, a.Note }).ToListAsync());
        Assert.Equal(items.Select(id => id.ToString(CultureInfo.InvariantCulture)).Order(), history.Select(a => a.EntityId).Order());
        Assert.All(history, a => Assert.Equal(("Imported", "imported from export.csv"), (a.Action, a.Note)));

        // The index has a row for each item and each comment, the last batch's too.
        var comments = await app.QueryAsync(db => db.BacklogComments.IgnoreQueryFilters().CountAsync(c => c.BacklogItem!.ProductId == product.Id));
        Assert.True(comments > 0);
        Assert.Equal((items.Count, comments), (await IndexRowsAsync(product.Id, SearchKind.BacklogItem), await IndexRowsAsync(product.Id, SearchKind.Comment)));

        var last = issues.Last(i => i.Type != "Epic");
        var found = (await product.AskAsync(AppFixture.Dev, new SearchEverything(last.Key))).Results;
        Assert.Contains(found, r => string.Concat(r.ExternalKey.Select(p => p.Text)) == last.Key);
    }

    private Task<int> IndexRowsAsync(int productId, SearchKind kind) => app.QueryAsync(db => db.Database.SqlQueryRaw<int>(
        "SELECT count(*) AS Value FROM SearchIndex WHERE ProductId = {0} AND Kind = {1}", productId, (int)kind).SingleAsync());
}
