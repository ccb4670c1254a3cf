using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Import;

/// <summary>Where an import stands; with <paramref name="WithPreview"/>, also the dry run of a file not yet imported.</summary>
[Requires(Permission.ImportBacklog)]
public sealed record GetBacklogImport(string ProductSlug, int Id, bool WithPreview) : IQuery<BacklogImportView>, IProductRequest;

public sealed record ImportProgressView(
    int Id, string FileName, ImportFormat Format, ImportState State, int TotalRows, int ProcessedRows, int Percent, int Created, int Updated,
    int Skipped, string? Message, bool IsFinished, bool CanUndo, DateTime CreatedAt, DateTime? CompletedAt);

public sealed record RoadmapChoice(int Id, string Title);

public sealed record BacklogImportView(
    ImportProgressView Progress, ImportScan Scan, ImportMapping Mapping, ImportDryRunResult? Preview, IReadOnlyList<RoadmapChoice> RoadmapItems);

public sealed class GetBacklogImportHandler(AppDbContext db, ImportFileStore store, TimeProvider clock) : IQueryHandler<GetBacklogImport, BacklogImportView>
{
    public async ValueTask<BacklogImportView> Handle(GetBacklogImport query, CancellationToken cancellationToken)
    {
        var import = await db.BacklogImports.AsNoTracking().SingleOrNotFoundAsync(i => i.Id == query.Id, cancellationToken);
        var progress = BacklogImportViews.Progress(import, clock.GetUtcNow().UtcDateTime);
        if (!query.WithPreview)
        {
            return new BacklogImportView(progress, ImportMapping.ScanFromJson(import.ScanJson), ImportMapping.FromJson(import.MappingJson), null, []);
        }

        var preview = import.State == ImportState.Uploaded ? await ImportDryRun.RunAsync(db, store, import, cancellationToken) : null;
        var roadmap = await db.RoadmapItems.AsNoTracking().OrderBy(r => r.Title).Select(r => new RoadmapChoice(r.Id, r.Title)).ToListAsync(cancellationToken);
        return new BacklogImportView(progress, ImportMapping.ScanFromJson(import.ScanJson), ImportMapping.FromJson(import.MappingJson), preview, roadmap);
    }
}

public static class BacklogImportViews
{
    public static ImportProgressView Progress(BacklogImport i, DateTime now) => new(
        i.Id, i.FileName, i.Format, i.State, i.TotalRows, i.ProcessedRows, i.Percent, i.CreatedItems, i.UpdatedItems, i.SkippedRows, i.Message,
        i.IsFinished, i.CanUndo(now), i.CreatedAt, i.CompletedAt);
}
