using ProductRoles.Web.Data;

namespace ProductRoles.Web.Infrastructure.Leases;

/// <summary>
/// Background work that runs on one app instance at a time: on every tick the instance takes or
/// renews the named lease in the database (<see cref="DatabaseLease"/>) and does the work only while
/// it holds it. The lease lasts two ticks, so it is renewed while the holder lives and taken over
/// soon after it dies; on shutdown the holder gives it up at once. The rank rebalancer and the
/// outbox senders derive from it.
/// </summary>
public abstract partial class LeasedBackgroundService(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    private readonly string _holder = DatabaseLease.NewHolder();
    private int _runs;

    /// <summary>The lease's name in the <c>Leases</c> table; one per kind of work.</summary>
    protected abstract string LeaseName { get; }

    /// <summary>How often to look for work.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Ticks on which this instance held the lease and did the work (for logs and tests).</summary>
    public int RunsHoldingTheLease => Volatile.Read(ref _runs);

    /// <summary>One round of the work, in a scope of its own, while this instance holds the lease.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (!await DatabaseLease.TryAcquireAsync(db, LeaseName, _holder, interval * 2, clock.GetUtcNow().UtcDateTime, stoppingToken))
                {
                    continue;
                }

                Interlocked.Increment(ref _runs);
                await RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, LeaseName);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await DatabaseLease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), LeaseName, _holder,
                clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease then simply expires.
            LogReleaseFailed(logger, ex, LeaseName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background work {Lease} failed; trying again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception, string lease);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not release the lease {Lease}")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string lease);
}
