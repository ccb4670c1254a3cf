using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ProductRoles.Web.Domain.Backlog;

namespace ProductRoles.Web.Data.Search;

/// <summary>
/// Keeps the full-text index in step with the rows, inside the save that changes them: captured from
/// the change tracker before the save, written after it (added rows know their ids only then), in the
/// same transaction as the rows and their history (see <see cref="AppDbContext"/>). So every writer —
/// commands, the import, seeding — updates the index without knowing it exists, and a rolled-back
/// command leaves no index row behind. SQLite triggers could do the same on one engine only; this
/// path is one piece of code for both. A row is rewritten only when a property the index reads
/// changed: a move (rank), a status change or a new estimate writes nothing here.
/// </summary>
public sealed class SearchIndexChanges
{
    private readonly List<object> _written = [];
    private readonly HashSet<long> _removed = [];
    private readonly List<int> _removedItems = [];

    private SearchIndexChanges()
    {
    }

    public bool HasChanges => _written.Count > 0 || _removed.Count > 0;

    public static SearchIndexChanges Capture(ChangeTracker tracker)
    {
        var changes = new SearchIndexChanges();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached
                || !SearchDocument.Indexed.TryGetValue(entry.Metadata.ClrType, out var indexed))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    changes._written.Add(entry.Entity);
                    break;
                case EntityState.Modified when indexed.Properties.Any(p => entry.Property(p).IsModified):
                    changes._written.Add(entry.Entity);
                    break;
                case EntityState.Deleted:
                    var id = (int)entry.Property("Id").OriginalValue!;
                    changes._removed.Add(SearchDocument.IdOf(indexed.Kind, id));
                    if (entry.Entity is BacklogItem)
                    {
                        changes._removedItems.Add(id);
                    }

                    break;
            }
        }

        return changes;
    }

    /// <summary>Before the save: the comments a removed item takes with it (the database deletes them by cascade).</summary>
    public async Task FindCascadesAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (_removedItems.Count > 0)
        {
            AddRemovedComments(await db.BacklogComments.IgnoreQueryFilters().Where(c => _removedItems.Contains(c.BacklogItemId))
                .Select(c => c.Id).ToListAsync(cancellationToken));
        }
    }

    public void FindCascades(AppDbContext db)
    {
        if (_removedItems.Count > 0)
        {
            AddRemovedComments([.. db.BacklogComments.IgnoreQueryFilters().Where(c => _removedItems.Contains(c.BacklogItemId)).Select(c => c.Id)]);
        }
    }

    /// <summary>After the save, in its transaction: old rows out, new rows in.</summary>
    public async Task WriteAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (sql, args) in Statements(db, await CommentProductsAsync(db, cancellationToken)))
        {
            await db.Database.ExecuteSqlRawAsync(sql, args, cancellationToken);
        }
    }

    public void Write(AppDbContext db)
    {
        var items = CommentItems();
        var products = items.Count == 0 ? new Dictionary<int, int>()
            : db.BacklogItems.IgnoreQueryFilters().Where(i => items.Contains(i.Id)).Select(i => new { i.Id, i.ProductId }).ToDictionary(i => i.Id, i => i.ProductId);
        foreach (var (sql, args) in Statements(db, products))
        {
            db.Database.ExecuteSqlRaw(sql, args);
        }
    }

    /// <summary>Removes the rows of entities a bulk statement deleted (ExecuteDelete bypasses the change tracker).</summary>
    public static async Task ForgetAsync(AppDbContext db, SearchKind kind, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        foreach (var (sql, args) in SearchIndexSql.For(db.Database).Delete([.. ids.Select(id => SearchDocument.IdOf(kind, id))]))
        {
            await db.Database.ExecuteSqlRawAsync(sql, args, cancellationToken);
        }
    }

    private IEnumerable<(string Sql, object[] Args)> Statements(AppDbContext db, IReadOnlyDictionary<int, int> commentProducts)
    {
        var documents = _written.Distinct().Select(e => e is BacklogComment c
                ? SearchDocument.For(c, commentProducts.TryGetValue(c.BacklogItemId, out var productId) ? productId : null)
                : SearchDocument.For(e))
            .ToList();
        var sql = SearchIndexSql.For(db.Database);
        return sql.Delete([.. _removed.Union(documents.Select(d => d.Id))]).Concat(sql.Insert(documents));
    }

    private List<int> CommentItems() =>
        [.. _written.OfType<BacklogComment>().Where(c => c.BacklogItem is null).Select(c => c.BacklogItemId).Distinct()];

    private async Task<IReadOnlyDictionary<int, int>> CommentProductsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var items = CommentItems();
        return items.Count == 0 ? new Dictionary<int, int>()
            : await db.BacklogItems.IgnoreQueryFilters().Where(i => items.Contains(i.Id)).Select(i => new { i.Id, i.ProductId })
                .ToDictionaryAsync(i => i.Id, i => i.ProductId, cancellationToken);
    }

    private void AddRemovedComments(IEnumerable<int> commentIds)
    {
        foreach (var id in commentIds)
        {
            _removed.Add(SearchDocument.IdOf(SearchKind.Comment, id));
        }
    }
}
