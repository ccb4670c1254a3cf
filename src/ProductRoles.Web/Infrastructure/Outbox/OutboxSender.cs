using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Infrastructure.Leases;

namespace ProductRoles.Web.Infrastructure.Outbox;

/// <summary>
/// Sends what commands wrote to the outbox, on one app instance at a time (it holds the
/// <see cref="LeaseName"/> lease, renewed before every message). Per partition one message at a time, in
/// id order: the oldest undelivered message of a partition blocks those behind it until it is delivered,
/// so a receiver never sees n+1 before n. A message is marked delivered only after the receiver took it,
/// so an instance that dies mid-delivery loses nothing: the next holder sends it again (at least once;
/// receivers deduplicate by the message's id). Failed tries back off exponentially with jitter until the
/// kind's retry window has passed; then the kind's delivery gives up in its own way.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, OutboxSignal signal, ILogger<OutboxSender> logger)
    : BackgroundService
{
    public const string LeaseName = "outbox-sender";

    private readonly string _holder = DatabaseLease.NewHolder();
    private DateTime _nextPruneAt = DateTime.MinValue;

    /// <summary>How long a delivered message is kept (for the delivery log's redelivery) before it is pruned.</summary>
    private TimeSpan RetainDeliveredFor => configuration.GetValue("Outbox:RetainDeliveredFor", TimeSpan.FromDays(14));

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private TimeSpan PollInterval => TimeSpan.FromSeconds(configuration.GetValue("Outbox:PollSeconds", 5.0));

    private TimeSpan LeaseDuration => TimeSpan.FromSeconds(configuration.GetValue("Outbox:LeaseSeconds", 60.0));

    private OutboxBackoff Backoff => new(
        TimeSpan.FromSeconds(configuration.GetValue("Outbox:RetryFirstSeconds", 30.0)),
        TimeSpan.FromMinutes(configuration.GetValue("Outbox:RetryLongestMinutes", 60.0)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Outbox:Enabled", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Go on at once while there was work; otherwise wait for a command's wake-up or the next poll.
                var sent = await SendDueAsync(stoppingToken);
                if (Now >= _nextPruneAt)
                {
                    await PruneDeliveredAsync(stoppingToken);
                    _nextPruneAt = Now + PruneEvery;
                }

                if (!sent)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The outbox sender failed; trying again after the poll interval");
                if (!await PauseAsync(stoppingToken))
                {
                    return;
                }
            }
        }
    }

    // Real time, not the app's clock: a test's clock that stands still must not stop the sender from looking.
    private async Task<bool> PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(PollInterval, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One round: sends the due head of every partition once. True when it sent (or tried) something.</summary>
    public async Task<bool> SendDueAsync(CancellationToken cancellationToken)
    {
        List<long> heads;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await DatabaseLease.TryAcquireAsync(db, LeaseName, _holder, LeaseDuration, Now, cancellationToken))
            {
                return false;
            }

            var now = Now;
            heads = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.State == OutboxMessageState.Pending && m.NextAttemptAt <= now)
                .Where(m => !db.OutboxMessages.Any(o => o.Kind == m.Kind && o.Partition == m.Partition && o.Id < m.Id
                    && o.State != OutboxMessageState.Delivered))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => m.Id).Take(50).ToListAsync(cancellationToken);
        }

        foreach (var id in heads)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Still ours? A long round must not outlive the lease and race a new holder.
            if (!await DatabaseLease.TryAcquireAsync(db, LeaseName, _holder, LeaseDuration, Now, cancellationToken))
            {
                return false;
            }

            await SendOneAsync(db, scope.ServiceProvider.GetServices<IOutboxDelivery>(), id, cancellationToken);
        }

        return heads.Count > 0;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Deletes messages delivered longer ago than <c>Outbox:RetainDeliveredFor</c> (default 14 days), a batch at a time
    /// so no statement holds the table long; by the lease holder only, like sending. Pending and held messages stay
    /// whatever their age. Returns how many went.
    /// </summary>
    public async Task<int> PruneDeliveredAsync(CancellationToken cancellationToken)
    {
        const int Batch = 1000;
        var pruned = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await DatabaseLease.TryAcquireAsync(db, LeaseName, _holder, LeaseDuration, Now, cancellationToken))
            {
                return pruned;
            }

            var before = Now - RetainDeliveredFor;
            var ids = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.State == OutboxMessageState.Delivered && m.DeliveredAt < before)
                .OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return pruned;
            }

            pruned += await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            if (ids.Count < Batch)
            {
                return pruned;
            }
        }
    }

    private async Task SendOneAsync(AppDbContext db, IEnumerable<IOutboxDelivery> deliveries, long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.State == OutboxMessageState.Pending, cancellationToken);
        if (message is null)
        {
            return;
        }

        var delivery = deliveries.FirstOrDefault(d => d.Kind == message.Kind);
        if (delivery is null)
        {
            logger.LogError("No delivery handles outbox messages of kind {Kind}; message {Id} waits", message.Kind, message.Id);
            return;
        }

        // Cancelled here (the app stops), nothing is written: the message stays pending and is sent again.
        var attempt = await delivery.DeliverAsync(db, message, cancellationToken);
        var now = Now;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            switch (attempt.Outcome)
            {
                case OutboxAttemptOutcome.Delivered:
                    message.Attempts++;
                    message.State = OutboxMessageState.Delivered;
                    message.DeliveredAt = now;
                    message.LastError = null;
                    break;
                case OutboxAttemptOutcome.Dropped:
                    db.OutboxMessages.Remove(message);
                    break;
                case OutboxAttemptOutcome.Held:
                    message.State = OutboxMessageState.Held;
                    break;
                default:
                    message.Attempts++;
                    message.FirstAttemptAt ??= now;
                    message.LastError = Truncate(attempt.Error);
                    message.NextAttemptAt = now + Backoff.After(message.Attempts, Random.Shared);
                    break;
            }

            await db.SaveChangesAsync(token);
            if (attempt.Outcome == OutboxAttemptOutcome.Failed && now - message.FirstAttemptAt >= delivery.RetryWindow)
            {
                logger.LogWarning("Outbox message {Id} ({Kind} {Partition}) failed for {Window}; giving up", message.Id, message.Kind,
                    message.Partition, delivery.RetryWindow);
                await delivery.GiveUpAsync(db, message, now, token);
                await db.SaveChangesAsync(token);
            }

            await transaction.CommitAsync(token);
        }, cancellationToken);
    }

    private static string? Truncate(string? text) =>
        text is { Length: > OutboxMessage.LastErrorMaxLength } ? text[..OutboxMessage.LastErrorMaxLength] : text;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await DatabaseLease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), LeaseName, _holder, Now, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease then simply expires.
            logger.LogDebug(ex, "Could not release the outbox lease");
        }
    }
}

public static class OutboxServices
{
    /// <summary>The sender (one instance at a time, by lease) and the wake-up signal; kinds register their <see cref="IOutboxDelivery"/>.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
