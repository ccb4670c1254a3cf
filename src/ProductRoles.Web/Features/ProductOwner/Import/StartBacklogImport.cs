using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Import;

/// <summary>
/// The product owner confirms the preview: the import is queued for the background runner. A file
/// with bad rows under "stop" is refused here, before anything is written.
/// </summary>
[Requires(Permission.ImportBacklog)]
public sealed record StartBacklogImport(string ProductSlug, int Id) : ICommand, IProductRequest;

public sealed class StartBacklogImportHandler(AppDbContext db, ImportFileStore store, BacklogImportQueue queue, TimeProvider clock)
    : ICommandHandler<StartBacklogImport>
{
    public async ValueTask<Unit> Handle(StartBacklogImport command, CancellationToken cancellationToken)
    {
        var import = await db.BacklogImports.AsNoTracking().SingleOrNotFoundAsync(i => i.Id == command.Id, cancellationToken);
        import.Start(clock.GetUtcNow().UtcDateTime);
        var dryRun = await ImportDryRun.RunAsync(db, store, import, cancellationToken);
        if (dryRun.MissingColumns.Count > 0)
        {
            throw new DomainRuleException("", dryRun.MissingColumns[0]);
        }

        var mapping = ImportMapping.FromJson(import.MappingJson);
        if (dryRun.BadRows > 0 && mapping.BadRows == BadRowHandling.Stop)
        {
            throw new DomainRuleException("", $"{dryRun.BadRows:N0} {(dryRun.BadRows == 1 ? "row is" : "rows are")} bad (first: {dryRun.Errors[0]}). " +
                "Fix the file and upload it again, or choose to skip the bad rows.");
        }

        if (dryRun.ToCreate + dryRun.ToUpdate == 0)
        {
            throw new DomainRuleException("", "No row of the file would become a backlog item: check the type mapping.");
        }

        // Only one click starts it: the row changes from Uploaded to Queued once.
        if (await db.BacklogImports.Where(i => i.Id == import.Id && i.State == ImportState.Uploaded)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Queued).SetProperty(i => i.StartedAt, import.StartedAt)
                    .SetProperty(i => i.TotalRows, dryRun.Rows).SetProperty(i => i.ProcessedRows, 0), cancellationToken) != 1)
        {
            throw new DomainRuleException("", "This import is already running.");
        }

        queue.Notify();
        return Unit.Value;
    }
}
