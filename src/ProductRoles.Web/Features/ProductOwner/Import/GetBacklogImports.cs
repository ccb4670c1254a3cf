using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Import;

/// <summary>The product's recent imports, newest first, so a running or finished one can be returned to.</summary>
[Requires(Permission.ImportBacklog)]
public sealed record GetBacklogImports(string ProductSlug) : IQuery<BacklogImportsView>, IProductRequest;

public sealed record BacklogImportsView(IReadOnlyList<ImportProgressView> Imports, string MaxFileSize);

public sealed class GetBacklogImportsHandler(AppDbContext db, ImportFileStore store, TimeProvider clock) : IQueryHandler<GetBacklogImports, BacklogImportsView>
{
    public async ValueTask<BacklogImportsView> Handle(GetBacklogImports query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var imports = await db.BacklogImports.AsNoTracking().OrderByDescending(i => i.Id).Take(20).ToListAsync(cancellationToken);
        return new BacklogImportsView([.. imports.Select(i => BacklogImportViews.Progress(i, now))], store.MaxText);
    }
}
