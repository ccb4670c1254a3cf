using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Tests.Scale;

/// <summary>
/// A page costs the same number of SQL statements whatever the product's size: the backlog, the history,
/// the feedback inbox and sprint planning, for a product of 5 items and one of 1,500 (with as many history
/// rows and feedback items), side by side.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PageStatementsAtSizeTests(AppFixture app)
{
    [Fact]
    public async Task No_page_sends_more_SQL_statements_for_a_product_of_1500_items_than_for_one_of_5()
    {
        var small = await BuildAsync("Statements small", 5);
        var big = await BuildAsync("Statements big", 1500);
        var client = await app.SharedClientAsync(AppFixture.Po);

        foreach (var page in new[] { "backlog", "history", "feedback", "feedback?Status=New", "sprint" })
        {
            var (smallStatements, smallRows) = await ViewAsync(client, small, page);
            var (bigStatements, bigRows) = await ViewAsync(client, big, page);

            Assert.True(bigRows > smallRows, $"The {page} page of the big product shows more than the small one's ({bigRows} rows against {smallRows}).");
            Assert.True(bigStatements == smallStatements, $"The {page} page sent {bigStatements} SQL statements at 1,500 items and {smallStatements} at 5.");
        }
    }

    private async Task<(long Statements, int Rows)> ViewAsync(TestClient client, (TestProduct Product, int SprintId, int Size) sized, string page)
    {
        var url = page == "sprint" ? $"{sized.Product.Url}/sprints/{sized.SprintId}" : $"{sized.Product.Url}/{page}";
        var selector = page switch
        {
            "backlog" => "tbody tr[id^='item-']",
            "history" => ".history li",
            "feedback" or "feedback?Status=New" => "li.card",
            _ => "button[aria-label^='Pull in #']",
        };
        await client.GetPageAsync(url); // warm-up: compiled queries, the session cache
        app.Factory.SqlCommands.Reset();
        var document = await client.GetPageAsync(url);
        var statements = app.Factory.SqlCommands.Count;
        if (page.StartsWith("feedback", StringComparison.Ordinal))
        {
            // The total and the per-status counts come from the counter rows: they still say how many there are.
            Assert.Contains($"{sized.Size} feedback items", document.QuerySelector("section[aria-labelledby='inbox-heading'] > p.muted.small")!.TextContent);
            Assert.Contains($"New ({sized.Size})", document.QuerySelector("#filter-status")!.TextContent);
        }

        return (statements, document.QuerySelectorAll(selector).Length);
    }

    /// <summary>
    /// A product with <paramref name="size"/> tagged items, history rows and feedback items, written straight
    /// into the database (through the commands 1,500 items would take a minute), and a sprint being planned.
    /// </summary>
    private async Task<(TestProduct Product, int SprintId, int Size)> BuildAsync(string name, int size)
    {
        var product = await app.NewProduct(name).WithMembers((AppFixture.Po, ProductRole.ProductOwner), (AppFixture.Sm, ProductRole.ScrumMaster)).BuildAsync();
        await app.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var ranks = RankKey.Spread(size);
            string[] tags = ["checkout", "payments", "mobile", "refunds", "wallets", "tax"];
            for (var n = 0; n < size; n++)
            {
                var item = new BacklogItem
                {
                    ProductId = product.Id, Type = BacklogItemType.Story, Title = $"Story {n + 1}", Estimate = 3,
                    Status = n % 3 == 0 ? BacklogItemStatus.Ready : BacklogItemStatus.New, Rank = ranks[n], CreatedAt = now, UpdatedAt = now,
                };
                item.Tags.Add(new BacklogItemTag { Name = tags[n % tags.Length] });
                item.AcceptanceCriteria.Add(new AcceptanceCriterion { Position = 1, Text = "It works", IsMet = n % 2 == 0 });
                db.BacklogItems.Add(item);
                db.FeedbackItems.Add(new FeedbackItem
                {
                    ProductId = product.Id, SourceKind = FeedbackSourceKind.Support, SourceName = $"Ticket {n}", Text = "Checkout is slow",
                    ReceivedOn = DateOnly.FromDateTime(now).AddDays(-(n % 300)), Status = FeedbackStatus.New, CreatedAt = now, UpdatedAt = now,
                });
                db.Activities.Add(new Activity
                {
                    ProductId = product.Id, OccurredAt = now.AddMinutes(-n), UserId = "bulk", UserName = "Bulk loader", EntityType = "BacklogItem",
                    EntityId = n.ToString(System.Globalization.CultureInfo.InvariantCulture), EntityLabel = $"Story {n + 1}", Action = "Created",
                });
            }

            return await db.SaveChangesAsync();
        });
        var sprintId = await product.Sprint("Next sprint").Starting(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7)).CreateAsync();
        return (product, sprintId, size);
    }
}
