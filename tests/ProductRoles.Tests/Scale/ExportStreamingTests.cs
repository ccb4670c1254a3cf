using System.Globalization;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.Scale;

/// <summary>
/// The CSV export is streamed: its first rows reach the reader while the database is still being read (the
/// export's one query holds its data reader open until the last row is written), so memory does not grow with
/// the backlog. And it is one query whatever the size: every item once, in order, with all its tags.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ExportStreamingTests(AppFixture app)
{
    [Fact]
    public async Task The_first_rows_of_a_4000_item_export_arrive_while_its_query_is_still_reading_and_every_row_follows()
    {
        var product = await app.NewProduct("Export streaming").WithMembers((AppFixture.Po, ProductRole.ProductOwner)).BuildAsync();
        var ids = await app.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var ranks = RankKey.Spread(4_000);
            var items = Enumerable.Range(0, 4_000).Select(n =>
            {
                var item = new BacklogItem
                {
                    ProductId = product.Id, Type = BacklogItemType.Story, Title = $"Story {n + 1}: pay the merchant by bank transfer from the checkout page",
                    Status = BacklogItemStatus.Ready, Rank = ranks[n], CreatedAt = now, UpdatedAt = now,
                };
                foreach (var tag in new[] { "wallets", "checkout", "refunds" }.Take(n % 4))
                {
                    item.Tags.Add(new BacklogItemTag { Name = tag });
                }

                return item;
            }).ToList();
            db.BacklogItems.AddRange(items);
            await db.SaveChangesAsync();
            return items.ConvertAll(i => i.Id);
        });
        var client = await app.SharedClientAsync(AppFixture.Po);
        var counter = app.Factory.SqlCommands;
        counter.Watching = ExportBacklogHandler.QueryTag;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{product.Url}/backlog/export");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var header = await reader.ReadLineAsync();
            var first = await reader.ReadLineAsync();

            // The response has begun and its query is still open: the rest is yet to be read from the database.
            Assert.Equal(BacklogCsv.Header, header);
            Assert.StartsWith($"1,\"{product.Slug}-{ids[0]}\",Story,\"Story 1: pay", first, StringComparison.Ordinal);
            Assert.Equal(1, counter.WatchedOpenReaders);

            var rest = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                rest.Add(line);
            }

            Assert.Equal(0, counter.WatchedOpenReaders);
            string[] lines = [first!, .. rest];
            Assert.Equal(ids, lines.Select(l => int.Parse(l.Split(',')[1].Trim('"')[(product.Slug.Length + 1)..], CultureInfo.InvariantCulture)));
            Assert.Equal(Enumerable.Range(1, 4_000), lines.Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)));
            Assert.EndsWith(",Ready,,\"checkout refunds wallets\",", lines[3], StringComparison.Ordinal);
            Assert.EndsWith(",Ready,,,", lines[4], StringComparison.Ordinal);
        }
        finally
        {
            counter.Watching = null;
        }
    }
}
