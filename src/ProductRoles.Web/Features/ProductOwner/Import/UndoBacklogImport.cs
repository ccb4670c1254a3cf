using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Import;

/// <summary>The product owner takes a finished import back as a whole, within 24 hours; one transaction.</summary>
[Requires(Permission.ImportBacklog)]
public sealed record UndoBacklogImport(string ProductSlug, int Id) : ICommand, IProductRequest;

public sealed class UndoBacklogImportHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<UndoBacklogImport>
{
    public async ValueTask<Unit> Handle(UndoBacklogImport command, CancellationToken cancellationToken)
    {
        var import = await db.BacklogImports.SingleOrNotFoundAsync(i => i.Id == command.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        import.Undo(now);
        await db.SaveChangesAsync(cancellationToken);
        db.ActivityNote = $"undid the import of {import.FileName}";
        await ImportReverter.RevertAsync(db, import, now, cancellationToken);
        return Unit.Value;
    }
}
