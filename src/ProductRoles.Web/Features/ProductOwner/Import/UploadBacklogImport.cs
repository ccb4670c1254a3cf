using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Import;

/// <summary>
/// The product owner uploads a backlog file: it is stored on disk, read once to learn its format and
/// values, and waits for the preview with sensible default mappings. Nothing in the backlog changes.
/// </summary>
[Requires(Permission.ImportBacklog)]
public sealed record UploadBacklogImport(string ProductSlug, string FileName, Stream Content) : ICommand<int>, IProductRequest;

public sealed class UploadBacklogImportHandler(AppDbContext db, ProductContext product, ICurrentUser user, ImportFileStore store, TimeProvider clock)
    : ICommandHandler<UploadBacklogImport, int>
{
    public async ValueTask<int> Handle(UploadBacklogImport command, CancellationToken cancellationToken)
    {
        string stored;
        long size;
        try
        {
            (stored, size) = await store.SaveAsync(command.Content, cancellationToken);
        }
        catch (ImportFileRejectedException ex)
        {
            throw new DomainRuleException("File", ex.Message);
        }

        try
        {
            var (format, scan) = ImportScanner.Scan(store.PathOf(stored), cancellationToken);
            var import = new BacklogImport
            {
                ProductId = product.Id,
                FileName = ImportRowReader.Shorten(Path.GetFileName(command.FileName.Trim()) is { Length: > 0 } name ? name : "upload.csv", BacklogImport.FileNameMaxLength),
                StoredFileName = stored,
                FileSize = size,
                Format = format,
                State = ImportState.Uploaded,
                MappingJson = ImportMapping.Default(format, scan).ToJson(),
                ScanJson = ImportMapping.ScanToJson(scan),
                TotalRows = scan.Rows,
                CreatedById = user.UserId ?? throw new InvalidOperationException("Only a signed-in user uploads."),
                CreatedByName = user.Name,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.BacklogImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            return import.Id;
        }
        catch (ImportFileRejectedException ex)
        {
            store.Delete(stored);
            throw new DomainRuleException("File", ex.Message);
        }
        catch
        {
            store.Delete(stored);
            throw;
        }
    }
}
