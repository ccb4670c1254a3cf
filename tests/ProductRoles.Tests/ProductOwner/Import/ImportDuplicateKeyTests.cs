using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Features.ProductOwner.Import;
using static ProductRoles.Tests.ProductOwner.Import.ImportTestSupport;

namespace ProductRoles.Tests.ProductOwner.Import;

/// <summary>
/// A key twice in one file: the run keeps no set of every key it has seen, so a key repeated in a later batch is
/// found by that batch's lookup (an item this run wrote), one repeated within a batch by the batch's own keys.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ImportDuplicateKeyTests(AppFixture app)
{
    [Fact]
    public async Task A_key_repeated_in_the_same_or_a_later_batch_is_a_skipped_row_and_the_first_row_with_it_is_the_item()
    {
        var product = await app.NewProduct("Import duplicates").BuildAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var rows = ImportWriter.BatchSize + 40;
        var csv = Encoding.UTF8.GetString(Jira(rows, out var issues));
        var stories = issues.Where(i => i.Type != "Epic").ToList();
        var (first, early, late) = (stories[2], stories[10], stories[^5]);
        // One row near the end of the file (the second batch) takes the key of an item the first batch wrote,
        // one row early in the file the key of a row just above it in the same batch.
        csv = WithKey(csv, late.Key, first.Key);
        csv = WithKey(csv, early.Key, stories[9].Key);

        var preview = await PreviewAsync(client, product, Encoding.UTF8.GetBytes(csv));
        Assert.Contains($"Issue key '{first.Key}' appears more than once in the file.", preview.Text("#import-errors"), StringComparison.Ordinal);
        using var skip = await client.SubmitAsync(preview, "#import-mapping-form", new Dictionary<string, string> { ["Mapping.BadRows"] = "Skip" });
        var import = await RunAsync(app, client, await client.FollowAsync(skip));

        Assert.Equal(ImportState.Completed, import.State);
        Assert.Equal(2, import.SkippedRows);
        Assert.Equal(stories.Count - 2, import.CreatedItems);
        // In the file's order, each key once: the rows that came first with it are the items.
        var keys = await app.QueryAsync(db => db.BacklogItems.AsNoTracking().Where(i => i.ProductId == product.Id)
            .OrderBy(i => i.Rank).Select(i => i.ExternalKey!).ToListAsync());
        Assert.Equal([.. stories.Select(s => s.Key).Where(k => k != late.Key && k != early.Key)], keys);
    }

    [Fact]
    public async Task A_key_an_earlier_batch_updated_is_a_bad_row_too_and_set_to_stop_the_run_takes_everything_back()
    {
        var product = await app.NewProduct("Import duplicates again").BuildAsync();
        var client = await app.SharedClientAsync(AppFixture.Po);
        var rows = ImportWriter.BatchSize + 40;
        var original = Jira(rows, out var issues);
        var first = await RunAsync(app, client, await PreviewAsync(client, product, original));
        var before = await app.QueryAsync(db => db.BacklogItems.AsNoTracking().Where(i => i.ProductId == product.Id)
            .OrderBy(i => i.Rank).Select(i => new { i.ExternalKey, i.Title, i.Status }).ToListAsync());

        // The same file again, with the key of a row the first batch updates repeated in the second batch.
        var stories = issues.Where(i => i.Type != "Epic").ToList();
        var csv = WithKey(Encoding.UTF8.GetString(original), stories[^5].Key, stories[2].Key);
        var preview = await PreviewAsync(client, product, Encoding.UTF8.GetBytes(csv));
        using var skip = await client.SubmitAsync(preview, "#import-mapping-form", new Dictionary<string, string> { ["Mapping.BadRows"] = "Skip" });
        var again = await FinishedAfterAsync(await client.FollowAsync(skip), BadRowHandling.Stop);

        Assert.Equal(ImportState.Failed, again.State);
        Assert.Contains($"Issue key '{stories[2].Key}' appears more than once in the file.", again.Message, StringComparison.Ordinal);
        Assert.Equal(0, again.UpdatedItems);
        Assert.Equal(first.CreatedItems, await app.QueryAsync(db => db.BacklogItems.CountAsync(i => i.ProductId == product.Id)));
        var after = await app.QueryAsync(db => db.BacklogItems.AsNoTracking().Where(i => i.ProductId == product.Id)
            .OrderBy(i => i.Rank).Select(i => new { i.ExternalKey, i.Title, i.Status }).ToListAsync());
        Assert.Equal(before, after);
    }

    // The preview refuses to start a file with bad rows set to stop: the run's own check is reached by queueing it as a second instance would find it.
    private async Task<BacklogImport> FinishedAfterAsync(AngleSharp.Html.Dom.IHtmlDocument preview, BadRowHandling badRows)
    {
        var id = ImportId(preview);
        await app.QueryAsync(async db =>
        {
            var import = await db.BacklogImports.IgnoreQueryFilters().SingleAsync(i => i.Id == id);
            var mapping = ImportMapping.FromJson(import.MappingJson);
            import.MappingJson = (mapping with { BadRows = badRows }).ToJson();
            import.State = ImportState.Queued;
            await db.SaveChangesAsync();
            return 0;
        });
        app.Factory.Services.GetRequiredService<BacklogImportQueue>().Notify();
        return await FinishedAsync(app, id);
    }

    // Gives the row whose Issue key is `key` the key `value`, through CsvHelper's own reader and writer.
    private static string WithKey(string csv, string key, string value)
    {
        using var input = CsvHelper.CsvReader.FromText(csv, CsvHelper.CsvReaderOptions.Default with { Separator = ',' });
        using var output = new MemoryStream();
        using (var writer = CsvHelper.CsvWriter.Create(output, CsvHelper.CsvWriterOptions.Default with { Injection = CsvHelper.CsvInjection.None }, leaveOpen: true))
        {
            foreach (var h in input.Headers)
            {
                writer.WriteField(h);
            }

            writer.EndRecord();
            while (input.Read())
            {
                var replace = input.GetString(1) == key;
                for (var i = 0; i < input.FieldCount; i++)
                {
                    writer.WriteField(i == 1 && replace ? value : input.GetString(i));
                }

                writer.EndRecord();
            }
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}
