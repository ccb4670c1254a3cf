using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Infrastructure.Outbox;

namespace ProductRoles.Tests.Outbox;

/// <summary>
/// Delivered outbox messages are pruned once they are older than <c>Outbox:RetainDeliveredFor</c> (14 days by
/// default); undelivered ones (pending, or held for a disabled webhook) stay whatever their age, so pruning never
/// loses anything still to be sent.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OutboxPruningTests(AppFixture app)
{
    [Fact]
    public async Task Messages_delivered_more_than_the_retention_period_ago_are_pruned_and_nothing_undelivered_is()
    {
        var now = DateTime.UtcNow;
        var partition = "prune-" + Guid.NewGuid().ToString("N");
        OutboxMessage Message(OutboxMessageState state, int daysAgo) => new()
        {
            Kind = "prune-test", Partition = partition, Payload = $"{state} {daysAgo}", CreatedAt = now.AddDays(-daysAgo - 1),
            NextAttemptAt = now.AddDays(-daysAgo), State = state, DeliveredAt = state == OutboxMessageState.Delivered ? now.AddDays(-daysAgo) : null,
        };

        await app.QueryAsync(async db =>
        {
            db.OutboxMessages.AddRange(
                Message(OutboxMessageState.Delivered, 15), Message(OutboxMessageState.Delivered, 30), Message(OutboxMessageState.Delivered, 13),
                Message(OutboxMessageState.Delivered, 0), Message(OutboxMessageState.Pending, 30), Message(OutboxMessageState.Held, 30));
            return await db.SaveChangesAsync();
        });

        var sender = app.Factory.Services.GetServices<IHostedService>().OfType<OutboxSender>().Single();
        var pruned = await sender.PruneDeliveredAsync(CancellationToken.None);

        var left = await app.QueryAsync(db => db.OutboxMessages.Where(m => m.Partition == partition).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        Assert.Equal(["Delivered 13", "Delivered 0", "Pending 30", "Held 30"], left);
        Assert.True(pruned >= 2, $"Pruned {pruned} messages; the two delivered 15 and 30 days ago at least.");

        // Once pruned, a second round finds nothing more of these.
        await sender.PruneDeliveredAsync(CancellationToken.None);
        Assert.Equal(4, await app.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Partition == partition)));
    }
}
