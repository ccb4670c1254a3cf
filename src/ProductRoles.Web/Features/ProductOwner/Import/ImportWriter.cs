using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Backlog.Import;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Web.Features.ProductOwner.Import;

/// <summary>A bad row in an import set to stop: the run ends and what it wrote is taken back.</summary>
public sealed class ImportStoppedException(string message) : Exception(message);

/// <summary>
/// The real run: reads the stored file row by row and writes it in batches, each batch one transaction
/// (items, tags, criteria, comments, sprint items, history and the progress counters together). New
/// items go to the bottom of the backlog in the file's order; an item whose key is already in the
/// backlog is updated instead, and its old fields are kept for undo.
/// </summary>
public sealed class ImportWriter(AppDbContext db, BacklogImport import, string path, DateTime now)
{
    public const int BatchSize = 500;

    private readonly ImportMapping _mapping = ImportMapping.FromJson(import.MappingJson);
    private readonly ImportScan _scan = ImportMapping.ScanFromJson(import.ScanJson);
    private readonly Dictionary<string, int> _roadmapByEpic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _roadmapByTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Sprint> _sprints = new(StringComparer.Ordinal);
    private readonly List<int> _createdSprints = [];
    private readonly List<Sprint> _newSprints = [];
    private readonly List<int> _createdRoadmapItems = [];
    // Keys of the batch being gathered only: a key an earlier batch wrote is found by that batch's lookup
    // (LookUpKeysAsync), so memory does not grow with the file.
    private readonly HashSet<string> _batchKeys = new(StringComparer.Ordinal);
    private string _keyColumn = nameof(ImportField.Key);
    private Dictionary<string, (string UserId, string Name)> _members = [];
    private string? _lastRank;
    private bool _hasKeyedItems;
    private string? _lastRoadmapRank;

    /// <summary>Called after each batch commits.</summary>
    public Func<ImportWriter, Task>? OnBatch { get; init; }

    /// <summary>Called inside each batch's transaction with the ids it created and updated, so the batch's event commits with it.</summary>
    public Func<IReadOnlyList<int>, IReadOnlyList<int>, Task>? OnItemsWritten { get; init; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        using var reader = ImportFileReader.Open(path);
        var columns = ImportColumns.Resolve(import.Format, reader.Headers, _mapping);
        var epicKeysById = ImportDryRun.EpicKeysById(_scan);
        _keyColumn = columns.NameOf(ImportField.Key);
        var batch = new List<ImportedItem>(BatchSize);
        var rows = 0;
        foreach (var (row, fields) in reader.Rows())
        {
            rows = row;
            var result = ImportRowReader.Read(row, fields, columns, _mapping, epicKeysById);
            var errors = result.Errors.ToList();
            if (result.Item is { Key: { } key } && !_batchKeys.Add(key))
            {
                errors.Add(Duplicate(row, key));
            }

            if (errors.Count > 0)
            {
                if (_mapping.BadRows == BadRowHandling.Stop)
                {
                    // A key of this batch that an earlier batch wrote is a bad row above this one: name the first.
                    var earlier = WrittenByThisRun(batch, await LookUpKeysAsync(batch, cancellationToken)).FirstOrDefault();
                    throw Stopped(earlier is null ? errors[0] : Duplicate(earlier.Row, earlier.Key!));
                }

                import.SkippedRows++;
            }
            else if (result.Item is { } item)
            {
                batch.Add(item);
            }

            if (batch.Count == BatchSize)
            {
                await WriteBatchAsync(batch, rows, cancellationToken);
                batch.Clear();
                _batchKeys.Clear();
            }
        }

        await WriteBatchAsync(batch, rows, cancellationToken);
        await FinishSprintsAsync(cancellationToken);
    }

    public string CreatedJson => new ImportCreated(_createdSprints, _createdRoadmapItems).ToJson();

    private ImportError Duplicate(int row, string key) => new(row, _keyColumn, $"{_keyColumn} '{key}' appears more than once in the file.");

    private static ImportStoppedException Stopped(ImportError error) => new($"Stopped at {error}. Nothing was imported.");

    /// <summary>
    /// Which keys of the batch are in the backlog already, and whether an earlier batch of this run wrote them (an
    /// item it created, or one it updated and kept the old fields of): then the file has that key twice.
    /// </summary>
    private async Task<Dictionary<string, bool>> LookUpKeysAsync(List<ImportedItem> batch, CancellationToken cancellationToken)
    {
        var keys = batch.Where(i => i.Key is not null).Select(i => i.Key!).ToList();
        if (keys.Count == 0 || !_hasKeyedItems)
        {
            return [];
        }

        var found = await db.BacklogItems.Where(i => i.ProductId == import.ProductId && keys.Contains(i.ExternalKey!))
            .Select(i => new
            {
                Key = i.ExternalKey!,
                ThisRun = i.ImportId == import.Id || db.BacklogImportReverts.Any(r => r.BacklogImportId == import.Id && r.BacklogItemId == i.Id),
            })
            .ToListAsync(cancellationToken);
        return found.ToDictionary(f => f.Key, f => f.ThisRun, StringComparer.Ordinal);
    }

    private static List<ImportedItem> WrittenByThisRun(List<ImportedItem> batch, Dictionary<string, bool> found) =>
        found.Count == 0 ? [] : [.. batch.Where(i => i.Key is not null && found.TryGetValue(i.Key, out var thisRun) && thisRun)];

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var members = await db.ProductMembers.AsNoTracking().Where(m => m.ProductId == import.ProductId)
            .Select(m => new { m.UserId, m.UserEmail, Name = m.User!.DisplayName }).ToListAsync(cancellationToken);
        _members = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in members)
        {
            foreach (var alias in new[] { m.Name, m.UserEmail, m.UserEmail.Split('@')[0] })
            {
                _members.TryAdd(alias, (m.UserId, m.Name));
            }
        }

        _lastRank = await db.BacklogItems.Where(i => i.ProductId == import.ProductId).OrderByDescending(i => i.Rank).Select(i => i.Rank)
            .FirstOrDefaultAsync(cancellationToken);
        // Into a backlog with no keyed items nothing can match until the first batch wrote some: until then no batch needs to look.
        _hasKeyedItems = await db.BacklogItems.AnyAsync(i => i.ProductId == import.ProductId && i.ExternalKey != null, cancellationToken);
        _lastRoadmapRank = await db.RoadmapItems.Where(r => r.ProductId == import.ProductId && r.Horizon == RoadmapHorizon.Later)
            .OrderByDescending(r => r.Rank).Select(r => r.Rank).FirstOrDefaultAsync(cancellationToken);
        foreach (var roadmapItem in await db.RoadmapItems.AsNoTracking().Where(r => r.ProductId == import.ProductId)
                     .OrderBy(r => r.Id).Select(r => new { r.Title, r.Id }).ToListAsync(cancellationToken))
        {
            _roadmapByTitle.TryAdd(roadmapItem.Title, roadmapItem.Id);
        }

        await InTransactionAsync(async () =>
        {
            if (_mapping.Epics == EpicHandling.LinkToExisting)
            {
                var valid = _roadmapByTitle.Values.ToHashSet();
                foreach (var (key, id) in _mapping.EpicLinks.Where(l => valid.Contains(l.Value)))
                {
                    _roadmapByEpic[key] = id;
                }
            }
            else
            {
                foreach (var epic in _scan.Epics)
                {
                    _roadmapByEpic[epic.Key] = RoadmapItemFor(epic.Title, $"Imported from the epic {epic.Key}.");
                }
            }

            if (_mapping.Sprints == SprintHandling.ClosedSprints)
            {
                await PrepareSprintsAsync(cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

        ResolvePendingRoadmapItems();
        _createdSprints.AddRange(_newSprints.Select(s => s.Id));
        db.ChangeTracker.Clear();
    }

    private readonly List<(string Title, RoadmapItem Item)> _pendingRoadmap = [];

    // A roadmap item of the same title is reused, so importing the file again creates no second one.
    private int RoadmapItemFor(string title, string outcome)
    {
        if (_roadmapByTitle.TryGetValue(title, out var id))
        {
            return id;
        }

        var pending = _pendingRoadmap.FirstOrDefault(p => p.Title == title).Item;
        if (pending is null)
        {
            _lastRoadmapRank = RankKey.Between(_lastRoadmapRank, null);
            pending = new RoadmapItem
            {
                ProductId = import.ProductId, Title = title, Outcome = outcome, Horizon = RoadmapHorizon.Later, Status = RoadmapItemStatus.Planned,
                Rank = _lastRoadmapRank, CreatedAt = now, UpdatedAt = now,
            };
            pending.SetRice(0, 1m, 50, 1m);
            db.RoadmapItems.Add(pending);
            _pendingRoadmap.Add((title, pending));
        }

        return -(_pendingRoadmap.FindIndex(p => p.Item == pending) + 1);
    }

    // Roadmap items made in a batch get their ids on save; until then they are known by a negative placeholder.
    private void ResolvePendingRoadmapItems()
    {
        foreach (var (title, item) in _pendingRoadmap)
        {
            _roadmapByTitle[title] = item.Id;
            _createdRoadmapItems.Add(item.Id);
        }

        foreach (var (key, id) in _roadmapByEpic.ToList())
        {
            if (id < 0)
            {
                _roadmapByEpic[key] = _pendingRoadmap[-id - 1].Item.Id;
            }
        }

        _pendingRoadmap.Clear();
    }

    private async Task PrepareSprintsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Sprints.Where(s => s.ProductId == import.ProductId).ToListAsync(cancellationToken);
        var names = _scan.Sprints.Order(NaturalOrder.Instance).ToList();
        var end = DateOnly.FromDateTime(now).AddDays(-1);
        for (var n = names.Count - 1; n >= 0; n--)
        {
            var name = names[n];
            if (existing.FirstOrDefault(s => s.Name == name) is { } sprint)
            {
                _sprints[name] = sprint;
                continue;
            }

            // The file has no sprint dates: two-week sprints back to back, in name order, the last ending yesterday.
            var last = end.AddDays(-14 * (names.Count - 1 - n));
            sprint = new Sprint
            {
                ProductId = import.ProductId, Name = name, Goal = "Imported sprint.", StartDate = last.AddDays(-13), EndDate = last,
                State = SprintState.Closed, CreatedAt = now, StartedAt = now, ClosedAt = now, AllowOverlap = true,
            };
            db.Sprints.Add(sprint);
            _newSprints.Add(sprint);
            _sprints[name] = sprint;
        }
    }

    private async Task WriteBatchAsync(List<ImportedItem> batch, int rows, CancellationToken cancellationToken)
    {
        // Only this run writes this import's items, so what the lookup found stays true until the batch is written.
        var found = await LookUpKeysAsync(batch, cancellationToken);
        var duplicates = WrittenByThisRun(batch, found);
        if (duplicates.Count > 0)
        {
            if (_mapping.BadRows == BadRowHandling.Stop)
            {
                throw Stopped(Duplicate(duplicates[0].Row, duplicates[0].Key!));
            }

            var bad = duplicates.Select(d => d.Row).ToHashSet();
            batch.RemoveAll(i => bad.Contains(i.Row));
            import.SkippedRows += duplicates.Count;
        }

        await InTransactionAsync(async () =>
        {
            if (batch.Count > 0)
            {
                var written = await WriteItemsAsync(batch, found, cancellationToken);
                // Saved: the event handlers' own save need not look over the batch's entities again.
                db.ChangeTracker.Clear();
                if (OnItemsWritten is not null)
                {
                    await OnItemsWritten(
                        [.. written.Where(w => w.Created).Select(w => w.Item.Id)], [.. written.Where(w => !w.Created).Select(w => w.Item.Id)]);
                }
            }

            await db.BacklogImports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.ProcessedRows, rows)
                .SetProperty(i => i.CreatedItems, import.CreatedItems)
                .SetProperty(i => i.UpdatedItems, import.UpdatedItems)
                .SetProperty(i => i.SkippedRows, import.SkippedRows), cancellationToken);
        }, cancellationToken);
        db.ChangeTracker.Clear();
        import.ProcessedRows = rows;
        if (OnBatch is not null)
        {
            await OnBatch(this);
        }
    }

    private async Task<List<(BacklogItem Item, bool Created)>> WriteItemsAsync(List<ImportedItem> batch, Dictionary<string, bool> inBacklog, CancellationToken cancellationToken)
    {
        // Only items that were in the backlog before this run are loaded whole, to be updated.
        var keys = inBacklog.Count == 0 ? [] : batch.Where(i => i.Key is not null && inBacklog.ContainsKey(i.Key)).Select(i => i.Key!).ToList();
        var existing = keys.Count == 0 ? [] : await db.BacklogItems.Where(i => i.ProductId == import.ProductId && keys.Contains(i.ExternalKey!))
            .Include(i => i.Tags).Include(i => i.AcceptanceCriteria).Include(i => i.Comments).AsSplitQuery()
            .ToDictionaryAsync(i => i.ExternalKey!, StringComparer.Ordinal, cancellationToken);
        var written = new List<(ImportedItem Row, BacklogItem Item)>(batch.Count);
        var created = new HashSet<BacklogItem>();
        foreach (var row in batch)
        {
            BacklogItem item;
            if (row.Key is not null && existing.TryGetValue(row.Key, out var found))
            {
                item = found;
                db.BacklogImportReverts.Add(new BacklogImportRevert
                {
                    BacklogImportId = import.Id, BacklogItemId = item.Id, BeforeJson = System.Text.Json.JsonSerializer.Serialize(ItemSnapshot.Of(item)),
                });
                import.UpdatedItems++;
            }
            else
            {
                _lastRank = RankKey.Between(_lastRank, null);
                item = new BacklogItem
                {
                    ProductId = import.ProductId, Title = row.Title, Rank = _lastRank, ExternalKey = row.Key, ImportId = import.Id,
                    CreatedAt = row.CreatedAt ?? now,
                };
                db.BacklogItems.Add(item);
                created.Add(item);
                import.CreatedItems++;
            }

            Apply(item, row);
            AddComments(item, row);
            written.Add((row, item));
        }

        ResolveRoadmapLinks(written);
        if (_sprints.Count > 0)
        {
            await AddSprintItemsAsync(written, existing.Values, cancellationToken);
        }

        // One save for the whole batch: the sprint items reach their new items by navigation, so they need no second
        // save (each save is a pass over everything tracked, history and the search index included).
        await db.SaveChangesAsync(cancellationToken);
        // From now on a key of the file may be in the backlog: later batches look theirs up.
        _hasKeyedItems |= batch.Any(i => i.Key is not null);
        ResolvePendingRoadmapItems();
        return [.. written.Select(w => (w.Item, created.Contains(w.Item)))];
    }

    private void Apply(BacklogItem item, ImportedItem row)
    {
        item.Type = row.Type;
        item.Title = row.Title;
        item.Description = row.Description;
        item.Estimate = row.Estimate;
        item.Status = row.Status;
        item.UpdatedAt = now;
        if (import.Format == ImportFormat.ProductRoles)
        {
            item.AsA = row.AsA;
            item.IWant = row.IWant;
            item.SoThat = row.SoThat;
        }

        item.Tags.RemoveAll(t => !row.Tags.Contains(t.Name, StringComparer.Ordinal));
        foreach (var tag in row.Tags.Where(t => item.Tags.All(existing => existing.Name != t)))
        {
            item.Tags.Add(new BacklogItemTag { Name = tag });
        }

        if (row.AcceptanceCriteria.Count > 0 || item.AcceptanceCriteria.Count > 0)
        {
            var met = item.AcceptanceCriteria.Where(c => c.IsMet).Select(c => c.Text).ToHashSet(StringComparer.Ordinal);
            item.AcceptanceCriteria.Clear();
            for (var n = 0; n < row.AcceptanceCriteria.Count; n++)
            {
                item.AcceptanceCriteria.Add(new AcceptanceCriterion { Position = n + 1, Text = row.AcceptanceCriteria[n], IsMet = met.Contains(row.AcceptanceCriteria[n]) });
            }
        }
    }

    private void ResolveRoadmapLinks(List<(ImportedItem Row, BacklogItem Item)> written)
    {
        foreach (var (row, item) in written)
        {
            int? roadmap = null;
            if (row.EpicKey is not null && _roadmapByEpic.TryGetValue(row.EpicKey, out var epicItem))
            {
                roadmap = epicItem;
            }
            else if (row.RoadmapItemTitle is not null)
            {
                roadmap = RoadmapItemFor(row.RoadmapItemTitle, "Imported with the backlog.");
            }

            if (roadmap is > 0)
            {
                item.RoadmapItemId = roadmap;
                item.RoadmapItem = null;
            }
            else if (roadmap is < 0)
            {
                item.RoadmapItem = _pendingRoadmap[-roadmap.Value - 1].Item;
            }
        }
    }

    // A comment already on the item (same author, time and text) is not added twice when a file is imported again.
    private void AddComments(BacklogItem item, ImportedItem row)
    {
        foreach (var comment in row.Comments)
        {
            var (authorId, authorName) = _members.TryGetValue(comment.Author, out var member)
                ? member
                : (import.CreatedById, $"imported from {(import.Format == ImportFormat.Jira ? "Jira" : "the file")}: {comment.Author}");
            var at = comment.At ?? item.CreatedAt;
            if (item.Comments.Any(c => c.AuthorName == authorName && c.Text == comment.Text && c.CreatedAt == at))
            {
                continue;
            }

            item.Comments.Add(new BacklogComment { AuthorId = authorId, AuthorName = authorName, Text = comment.Text, CreatedAt = at, ImportId = import.Id });
        }
    }

    private async Task AddSprintItemsAsync(List<(ImportedItem Row, BacklogItem Item)> written, IEnumerable<BacklogItem> existing, CancellationToken cancellationToken)
    {
        // Only items that were in the backlog before can be in a sprint already.
        var ids = existing.Select(i => i.Id).ToList();
        HashSet<(int SprintId, BacklogItem? NewItem, int ItemId)> planned = ids.Count == 0 ? [] : (await db.SprintItems.Where(s => ids.Contains(s.BacklogItemId)).Select(s => new { s.SprintId, s.BacklogItemId })
            .ToListAsync(cancellationToken)).Select(s => (s.SprintId, (BacklogItem?)null, s.BacklogItemId)).ToHashSet();
        foreach (var (row, item) in written)
        {
            var sprints = row.Sprints.Where(_sprints.ContainsKey).Select(s => _sprints[s]).OrderBy(s => s.EndDate).ToList();
            for (var n = 0; n < sprints.Count; n++)
            {
                var sprint = sprints[n];
                // A new item has no id yet: it is known by itself until the save.
                if (!planned.Add(item.Id == 0 ? (sprint.Id, item, 0) : (sprint.Id, null, item.Id)))
                {
                    continue;
                }

                var lastOne = n == sprints.Count - 1;
                db.SprintItems.Add(new SprintItem
                {
                    ProductId = import.ProductId, SprintId = sprint.Id, BacklogItemId = item.Id, BacklogItem = item, Points = item.Estimate ?? 0, Title = item.Title,
                    PlannedAt = sprint.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                    Outcome = lastOne && item.Status == BacklogItemStatus.Done ? SprintItemOutcome.Done : SprintItemOutcome.ReturnedToBacklog,
                });
            }
        }
    }

    // A closed sprint keeps its numbers frozen: committed, done and returned points of its items.
    private async Task FinishSprintsAsync(CancellationToken cancellationToken)
    {
        if (_sprints.Count == 0)
        {
            return;
        }

        var created = _createdSprints.ToList();
        await InTransactionAsync(async () =>
        {
            foreach (var id in created)
            {
                var points = await db.SprintItems.Where(s => s.SprintId == id)
                    .GroupBy(s => s.Outcome).Select(g => new { Outcome = g.Key, Points = g.Sum(s => s.Points) }).ToListAsync(cancellationToken);
                var done = points.Where(p => p.Outcome == SprintItemOutcome.Done).Sum(p => p.Points);
                var returned = points.Where(p => p.Outcome != SprintItemOutcome.Done).Sum(p => p.Points);
                await db.Sprints.Where(s => s.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.CommittedPoints, done + returned).SetProperty(x => x.DonePoints, done)
                    .SetProperty(x => x.ReturnedPoints, returned).SetProperty(x => x.Capacity, done + returned), cancellationToken);
            }
        }, cancellationToken);
    }

    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await work();
            await transaction.CommitAsync(token);
        }, cancellationToken);
    }
}

/// <summary>"Sprint 2" before "Sprint 10": digits compare as numbers.</summary>
public sealed class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var si = i;
                var sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var a = x[si..i].TrimStart('0');
                var b = y[sj..j].TrimStart('0');
                var c = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (c != 0)
                {
                    return c;
                }
            }
            else
            {
                var c = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
                if (c != 0)
                {
                    return c;
                }

                i++;
                j++;
            }
        }

        return (x.Length - i).CompareTo(y.Length - j);
    }
}
