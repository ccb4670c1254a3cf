using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Search;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Backlog.Import;

namespace ProductRoles.Web.Features.ProductOwner.Import;

/// <summary>
/// Takes an import back as a whole: the items it updated get their old fields again, and what it
/// created (items, their comments, tags and criteria, sprint items, sprints, roadmap items) is removed.
/// Undo runs it in the command's transaction; a failed run runs it as its compensation.
/// </summary>
public static class ImportReverter
{
    public static async Task RevertAsync(AppDbContext db, BacklogImport import, DateTime now, CancellationToken cancellationToken)
    {
        var id = import.Id;
        var reverts = await db.BacklogImportReverts.AsNoTracking().Where(r => r.BacklogImportId == id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var chunk in reverts.Chunk(500))
        {
            var ids = chunk.Select(r => r.BacklogItemId).ToList();
            var items = await db.BacklogItems.Where(i => ids.Contains(i.Id)).Include(i => i.Tags).Include(i => i.AcceptanceCriteria).AsSplitQuery()
                .ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var revert in chunk)
            {
                if (items.TryGetValue(revert.BacklogItemId, out var item) && JsonSerializer.Deserialize<ItemSnapshot>(revert.BeforeJson) is { } before)
                {
                    Restore(item, before, now);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var created = ImportCreated.FromJson(import.CreatedJson);
        await ForgetInSearchAsync(db, id, created, cancellationToken);
        await db.BacklogComments.Where(c => c.ImportId == id).ExecuteDeleteAsync(cancellationToken);
        await db.SprintItems.Where(s => db.BacklogItems.Any(i => i.Id == s.BacklogItemId && i.ImportId == id) || created.Sprints.Contains(s.SprintId))
            .ExecuteDeleteAsync(cancellationToken);
        // The set-based delete passes by the change tracker: take the items off the product's counts first.
        await db.Database.ExecuteSqlRawAsync(BacklogTally.ForgetItemsSql, [id], cancellationToken);
        await db.BacklogItems.Where(i => i.ImportId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Sprints.Where(s => created.Sprints.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        // A roadmap item someone has since linked other items to stays; the link would dangle otherwise.
        await db.RoadmapItems.Where(r => created.RoadmapItems.Contains(r.Id) && !db.BacklogItems.Any(i => i.RoadmapItemId == r.Id))
            .ExecuteDeleteAsync(cancellationToken);
        await db.BacklogImportReverts.Where(r => r.BacklogImportId == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The bulk deletes below bypass the save that keeps the search index in step, so their rows go from the index here.</summary>
    private static async Task ForgetInSearchAsync(AppDbContext db, int id, ImportCreated created, CancellationToken cancellationToken)
    {
        var items = await db.BacklogItems.Where(i => i.ImportId == id).Select(i => i.Id).ToListAsync(cancellationToken);
        var comments = await db.BacklogComments.Where(c => c.ImportId == id || items.Contains(c.BacklogItemId)).Select(c => c.Id).ToListAsync(cancellationToken);
        var roadmap = await db.RoadmapItems.Where(r => created.RoadmapItems.Contains(r.Id) && !db.BacklogItems.Any(i => i.RoadmapItemId == r.Id && i.ImportId != id))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        await SearchIndexChanges.ForgetAsync(db, SearchKind.BacklogItem, items, cancellationToken);
        await SearchIndexChanges.ForgetAsync(db, SearchKind.Comment, comments, cancellationToken);
        await SearchIndexChanges.ForgetAsync(db, SearchKind.Sprint, created.Sprints, cancellationToken);
        await SearchIndexChanges.ForgetAsync(db, SearchKind.RoadmapItem, roadmap, cancellationToken);
    }

    private static void Restore(BacklogItem item, ItemSnapshot before, DateTime now)
    {
        item.Type = before.Type;
        item.Title = before.Title;
        item.AsA = before.AsA;
        item.IWant = before.IWant;
        item.SoThat = before.SoThat;
        item.Description = before.Description;
        item.Estimate = before.Estimate;
        item.Status = before.Status;
        item.RoadmapItemId = before.RoadmapItemId;
        item.UpdatedAt = now;
        item.Tags.RemoveAll(t => !before.Tags.Contains(t.Name, StringComparer.Ordinal));
        foreach (var tag in before.Tags.Where(t => item.Tags.All(existing => existing.Name != t)))
        {
            item.Tags.Add(new BacklogItemTag { Name = tag });
        }

        if (!item.AcceptanceCriteria.Select(c => c.Text).SequenceEqual(before.AcceptanceCriteria, StringComparer.Ordinal))
        {
            item.AcceptanceCriteria.Clear();
            for (var n = 0; n < before.AcceptanceCriteria.Count; n++)
            {
                item.AcceptanceCriteria.Add(new AcceptanceCriterion { Position = n + 1, Text = before.AcceptanceCriteria[n] });
            }
        }
    }
}
