using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data;

namespace ProductRoles.Tests.Pipeline;

/// <summary>
/// Commands that write to SQLite take turns in the app's write queue, first come first served, so that none can
/// lose the database's write lock again and again under load and fail with "database is locked".
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SqliteWriteQueueTests(AppFixture app)
{
    [Fact]
    public async Task Commands_wait_for_their_turn_to_write_and_get_it_in_the_order_they_came()
    {
        var product = await app.NewProduct("Write queue").BuildAsync();
        var queue = app.Factory.Services.GetRequiredService<SqliteWriteQueue>();
        var sent = new List<Task<int>>();

        // Another writer of this process has the turn: three new items come, one after the other, and wait.
        await queue.WaitAsync(CancellationToken.None);
        try
        {
            for (var k = 1; k <= 3; k++)
            {
                sent.Add(product.BacklogItem($"Queued {k}").CreateAsync());
                // Until it waits in the queue (or, were there no queue, it has gone through).
                while (queue.Waiting < k && !sent[^1].IsCompleted)
                {
                    await Task.Yield();
                }
            }

            Assert.All(sent, s => Assert.False(s.IsCompleted));
        }
        finally
        {
            queue.Leave();
        }

        var ids = await Task.WhenAll(sent);
        Assert.Equal([.. ids.Order()], ids);
        Assert.Equal(0, queue.Waiting);
    }
}
