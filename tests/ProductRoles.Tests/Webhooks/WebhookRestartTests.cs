using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Features.Webhooks;

namespace ProductRoles.Tests.Webhooks;

/// <summary>
/// The app stops while a delivery is in flight (the receiver has it, but has not answered); another app
/// instance starts on the same database. Nothing may be lost and nothing sent out of order.
/// </summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task An_app_stopped_mid_delivery_loses_nothing_and_the_next_instance_sends_everything_in_order()
    {
        var database = Path.Combine(Path.GetTempPath(), $"productroles-webhook-restart-{Guid.NewGuid():N}.db");
        await using var receiver = await WebhookReceiver.StartAsync();
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first request is held unanswered until the sender hangs up; everything after it is taken.
        receiver.Answer = (n, aborted) => n == 1 ? gate.Task.WaitAsync(aborted) : Task.FromResult(200);
        try
        {
            var first = new AppFixture { Factory = SharedDatabase(database) };
            await first.InitializeAsync();
            var product = await first.NewProduct("Webhook restart").BuildAsync();
            var shown = await product.SendAsync(AppFixture.Pm, new SubscribeWebhook(product.Slug, receiver.Url, [.. ProductRoles.Web.Domain.Webhooks.WebhookEvents.All]));
            receiver.Secret = shown.Secret;
            for (var n = 0; n < 3; n++)
            {
                await product.SendAsync(AppFixture.Pm, new PingWebhook(product.Slug, shown.SubscriptionId));
            }

            await WaitAsync(() => receiver.Arrivals >= 1, "the first delivery to reach the receiver");
            await first.DisposeAsync();

            var partition = WebhookOutbox.Partition(shown.SubscriptionId);
            using var second = SharedDatabase(database);
            _ = second.Server;
            var received = await receiver.WaitForAsync(r => r.Count(x => x.AnsweredWith == 200) == 3, "all three deliveries from the second instance");

            await using var scope = second.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var messages = await WaitForAsync(db, partition);
            var ids = messages.Select(m => System.Text.Json.JsonDocument.Parse(m.Payload).RootElement.GetProperty("id").GetGuid()).ToList();
            // In order: the first time each id arrived follows the outbox's order, and nothing came before the one in flight.
            Assert.Equal(ids, received.Select(r => r.Id).Distinct());
            Assert.Equal([0, 200, 200, 200], received.Select(r => r.AnsweredWith));
            Assert.Equal(ids[0], received[0].Id);
            Assert.All(received, r => Assert.True(r.SignatureValid));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    private static async Task<List<OutboxMessage>> WaitForAsync(AppDbContext db, string partition)
    {
        for (var tries = 0; ; tries++)
        {
            var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == WebhookOutbox.Kind && m.Partition == partition)
                .OrderBy(m => m.Id).ToListAsync();
            if (messages.All(m => m.State == OutboxMessageState.Delivered) || tries > 600)
            {
                Assert.All(messages, m => Assert.Equal(OutboxMessageState.Delivered, m.State));
                return messages;
            }

            await Task.Delay(50);
        }
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited a minute for {what}.");
            await Task.Delay(50);
        }
    }

    private static SharedDatabaseFactory SharedDatabase(string path)
    {
        var factory = new SharedDatabaseFactory(path);
        foreach (var (key, value) in WebhookFixture.Settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    /// <summary>The app on a database file that outlives it, as a second instance (or a restart) would find it.</summary>
    private sealed class SharedDatabaseFactory(string path) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:ProductRoles", $"Data Source={path}");
        }
    }
}
