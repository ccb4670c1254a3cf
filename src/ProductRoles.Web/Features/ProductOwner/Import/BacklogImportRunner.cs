using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Auditing;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Leases;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Import;

/// <summary>Wakes the runner as soon as an import is queued (it also looks every second on its own).</summary>
public sealed class BacklogImportQueue
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Notify() => _signal.Release();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Runs queued imports in the background, one at a time and on one app instance at a time (a lease in
/// the database), so the product owner can leave the progress page and come back.
/// </summary>
public sealed class BacklogImportRunner(
    IServiceScopeFactory scopes, BacklogImportQueue queue, IConfiguration configuration, TimeProvider clock, ILogger<BacklogImportRunner> logger)
    : BackgroundService
{
    public const string LeaseName = "backlog-import";

    /// <summary>Tags the runner's look for queued work, so statement counts of page views leave it out.</summary>
    public const string BackgroundTag = "background work: backlog import runner";
    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);
    private readonly string _holder = DatabaseLease.NewHolder();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Woken at once by an import queued here; every few seconds it also looks for one queued on another instance.
        var poll = TimeSpan.FromSeconds(configuration.GetValue("Import:PollSeconds", 2.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.WaitAsync(poll, stoppingToken);
                var ran = false;
                while (await RunNextAsync(stoppingToken))
                {
                    ran = true;
                }

                if (ran)
                {
                    // Let another instance take queued work at once instead of waiting for the lease to run out.
                    await using var scope = scopes.CreateAsyncScope();
                    await DatabaseLease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), LeaseName, _holder,
                        clock.GetUtcNow().UtcDateTime, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The backlog import runner failed; trying again shortly");
            }
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var next = await db.BacklogImports.IgnoreQueryFilters().TagWith(BackgroundTag).Where(i => i.State == ImportState.Queued || i.State == ImportState.Running)
            .OrderBy(i => i.State == ImportState.Running ? 0 : 1).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.State }).FirstOrDefaultAsync(cancellationToken);
        if (next is null || !await DatabaseLease.TryAcquireAsync(db, LeaseName, _holder, LeaseLength, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return false;
        }

        if (next.State == ImportState.Running)
        {
            // Holding the lease while no run of ours is going: the instance that ran it stopped part-way.
            await BacklogImportJob.AbandonAsync(scope.ServiceProvider, next.Id, cancellationToken);
            return true;
        }

        await BacklogImportJob.RunAsync(scope.ServiceProvider, next.Id, async () =>
            await DatabaseLease.TryAcquireAsync(db, LeaseName, _holder, LeaseLength, clock.GetUtcNow().UtcDateTime, cancellationToken), cancellationToken);
        return true;
    }
}

/// <summary>One queued import, start to finish: the run in batches, and on any failure the compensating undo, so no half-import stays.</summary>
public static class BacklogImportJob
{
    public static async Task RunAsync(IServiceProvider services, int importId, Func<Task>? renewLease, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var store = services.GetRequiredService<ImportFileStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILogger<BacklogImportRunner>>();
        var import = await db.BacklogImports.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == importId, cancellationToken);
        if (await db.BacklogImports.IgnoreQueryFilters().Where(i => i.Id == importId && i.State == ImportState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Running), cancellationToken) != 1)
        {
            return;
        }

        // The run writes as the product owner who started it, scoped to the product, and history says "Imported".
        db.ProductScope = new FixedProductScope(import.ProductId);
        db.CurrentUser = new ImportAuthor(import.CreatedById, import.CreatedByName);
        db.AddedAction = "Imported";
        db.ActivityNote = $"imported from {import.FileName}";
        var now = clock.GetUtcNow().UtcDateTime;
        var events = BatchEvents.For(services, import);
        var writer = new ImportWriter(db, import, store.PathOf(import.StoredFileName), now)
        {
            OnItemsWritten = events.RaiseAsync,
            OnBatch = async run =>
            {
                // What the run made besides items is recorded as it goes, so even an interrupted run can be taken back.
                // The batch committed: live pages hear of it now.
                await events.CommittedAsync(cancellationToken);
                var created = run.CreatedJson;
                await db.BacklogImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedJson, created), cancellationToken);
                if (renewLease is not null)
                {
                    await renewLease();
                }
            },
        };
        try
        {
            await writer.RunAsync(cancellationToken);
            await db.BacklogImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.State, ImportState.Completed).SetProperty(i => i.CompletedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(i => i.ProcessedRows, i => i.TotalRows).SetProperty(i => i.CreatedJson, writer.CreatedJson), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var message = ex is ImportStoppedException or ImportFileRejectedException
                ? ex.Message
                : "The import failed part-way, so what it had written was taken back and nothing was imported. Try again; if it fails again, tell your administrator.";
            if (ex is not ImportStoppedException and not ImportFileRejectedException)
            {
                logger.LogError(ex, "Backlog import {ImportId} failed", importId);
            }

            db.ChangeTracker.Clear();
            import.CreatedJson = writer.CreatedJson;
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await ImportReverter.RevertAsync(db, import, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            await db.BacklogImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.State, ImportState.Failed).SetProperty(i => i.CompletedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(i => i.Message, ImportRowReader.Shorten(message, BacklogImport.MessageMaxLength))
                .SetProperty(i => i.CreatedItems, 0).SetProperty(i => i.UpdatedItems, 0), CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        // The file was needed between the preview and the run only; the import's outcome stays in its row.
        store.Delete(import.StoredFileName);
    }

    /// <summary>Takes back what an interrupted run wrote, so a stopped app leaves no half-import either.</summary>
    public static async Task AbandonAsync(IServiceProvider services, int importId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var import = await db.BacklogImports.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == importId, cancellationToken);
        db.ProductScope = new FixedProductScope(import.ProductId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ImportReverter.RevertAsync(db, import, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.BacklogImports.Where(i => i.Id == importId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.State, ImportState.Failed).SetProperty(i => i.CompletedAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(i => i.Message, "The app stopped during the import, so what it had written was taken back. Upload the file again to import it.")
            .SetProperty(i => i.CreatedItems, 0).SetProperty(i => i.UpdatedItems, 0), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Each batch's <see cref="BacklogItemsImported"/>, handed to the event handlers inside the batch's transaction
    /// (webhooks write their outbox rows there) and to the commit listeners once it committed (live pages), as the
    /// unit of work does for a command. The handlers read the product as a product request would.
    /// </summary>
    private sealed class BatchEvents(IServiceProvider services, BacklogImport import)
    {
        public static BatchEvents For(IServiceProvider services, BacklogImport import)
        {
            var db = services.GetRequiredService<AppDbContext>();
            var product = db.Products.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == import.ProductId)
                .Select(p => new { p.Slug, p.Name, p.Stage }).Single();
            services.GetRequiredService<ProductAccessResolver>().Enter(
                new ProductAccess(import.ProductId, product.Slug, product.Name, product.Stage, ProductRole.ProductOwner, IsAdministrator: false));
            return new BatchEvents(services, import);
        }

        public async Task RaiseAsync(IReadOnlyList<int> created, IReadOnlyList<int> updated)
        {
            var db = services.GetRequiredService<AppDbContext>();
            await services.GetRequiredService<DomainEventDispatcher>().DispatchAsync(
                new BacklogItemsImported(import.ProductId, import.Id, import.CreatedById, import.CreatedByName, created, updated), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        public async Task CommittedAsync(CancellationToken cancellationToken)
        {
            foreach (var listener in services.GetServices<ICommitListener>())
            {
                await listener.CommittedAsync(cancellationToken);
            }
        }
    }

    private sealed record FixedProductScope(int ProductId) : IProductScope
    {
        public int? ScopedProductId => ProductId;
    }

    private sealed record ImportAuthor(string? UserId, string Name) : IChangeAuthor;
}
