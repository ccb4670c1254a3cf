using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Features.Notifications;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>
/// Changes the selected items at once (up to 1,000): add a tag, set a status, set or clear the roadmap item.
/// Each item's change is written to its history.
/// </summary>
[Requires(Permission.EditBacklogItems)]
public sealed record BulkEditBacklogItems(
    string ProductSlug, IReadOnlyList<int> ItemIds, string? AddTag, BacklogItemStatus? Status, int? RoadmapItemId, bool ClearRoadmapItem)
    : ICommand<int>, IProductRequest;

public sealed class BulkEditBacklogItemsValidator : AbstractValidator<BulkEditBacklogItems>
{
    public const int MaxItems = 1_000;

    public BulkEditBacklogItemsValidator()
    {
        RuleFor(c => c.ItemIds).NotEmpty().WithMessage("Select the items to change.")
            .Must(ids => ids.Count <= MaxItems).WithMessage($"Change at most {MaxItems} items at once.");
        RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.AddTag) || c.Status is not null || c.RoadmapItemId is not null || c.ClearRoadmapItem)
            .WithName("Change").OverridePropertyName("Change").WithMessage("Choose what to change: a tag, a status or a roadmap item.");
        RuleFor(c => c.AddTag).ValidTags().Must(t => BacklogRules.ParseTags(t).Count <= 1).WithMessage("Add one tag at a time.");
        RuleFor(c => c.Status).IsInEnum().WithMessage("Choose a status.")
            .NotEqual(BacklogItemStatus.Done).WithMessage("Items become Done one at a time, through the Definition of Done checklist.");
        RuleFor(c => c.RoadmapItemId).GreaterThan(0).WithMessage("Choose a roadmap item.");
    }
}

/// <summary>
/// Set-based: one read of the selected items, then one statement per changed field for all of them (the
/// version bump, the tag and its count, the status, the roadmap item, and each field's history rows), so
/// 1,000 items cost the statements 10 do. The history rows and events are the ones a per-item save
/// writes and raises (Status and RoadmapItemId rows; BacklogItemChanged per changed item, BacklogItemRemoved,
/// BacklogWorkChanged), all inside the command's transaction.
/// </summary>
public sealed class BulkEditBacklogItemsHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<BulkEditBacklogItems, int>
{
    /// <summary>Id and version in one number, to check every item's version in one statement.</summary>
    private const long VersionSpan = 4_294_967_296L;

    public async ValueTask<int> Handle(BulkEditBacklogItems command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var ids = command.ItemIds.Distinct().ToList();
        var items = await db.BacklogItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new Selected(i.Id, i.Title, i.Status, i.RoadmapItemId, i.Version, i.Tags.Select(t => t.Name).ToList()))
            .ToListAsync(cancellationToken);
        if (items.Count != ids.Count)
        {
            throw new NotFoundException();
        }

        var roadmapItemId = command.ClearRoadmapItem ? null : command.RoadmapItemId;
        await BacklogRanking.EnsureRoadmapItemAsync(db, productId, roadmapItemId, nameof(BulkEditBacklogItems.RoadmapItemId), cancellationToken);
        var tag = BacklogRules.ParseTags(command.AddTag).FirstOrDefault();
        var setsRoadmap = command.ClearRoadmapItem || command.RoadmapItemId is not null;
        var tagged = tag is null ? [] : items.Where(i => !i.Tags.Contains(tag, StringComparer.Ordinal)).ToList();
        var statusChanged = command.Status is { } status
            ? items.Where(i => i.Status != BacklogItemStatus.Done && i.Status != status).ToList()
            : [];
        var relinked = setsRoadmap ? items.Where(i => i.RoadmapItemId != roadmapItemId).ToList() : [];
        var changed = tagged.Concat(statusChanged).Concat(relinked).DistinctBy(i => i.Id).ToList();
        if (changed.Count == 0)
        {
            return items.Count;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await BumpVersionsAsync(changed, cancellationToken);
        if (tag is not null && tagged.Count > 0)
        {
            await AddTagAsync(productId, tag, [.. tagged.Select(i => i.Id)], now, cancellationToken);
        }

        if (command.Status is { } newStatus && statusChanged.Count > 0)
        {
            var statusIds = statusChanged.ConvertAll(i => i.Id);
            await db.BacklogItems.Where(i => statusIds.Contains(i.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, newStatus), cancellationToken);
            await WriteHistoryAsync(productId, nameof(BacklogItem.Status), now,
                statusChanged.ConvertAll(i => (i, HistoryText.Value(i.Status), HistoryText.Value(newStatus))), cancellationToken);
        }

        if (relinked.Count > 0)
        {
            var relinkedIds = relinked.ConvertAll(i => i.Id);
            await db.BacklogItems.Where(i => relinkedIds.Contains(i.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RoadmapItemId, roadmapItemId), cancellationToken);
            var labels = await RoadmapLabelsAsync([.. relinked.Select(i => i.RoadmapItemId).Append(roadmapItemId)], cancellationToken);
            await WriteHistoryAsync(productId, nameof(BacklogItem.RoadmapItemId), now,
                relinked.ConvertAll(i => (i, Label(labels, i.RoadmapItemId), Label(labels, roadmapItemId))), cancellationToken);
        }

        if (statusChanged.Count > 0)
        {
            events.Raise(new BacklogWorkChanged(productId, statusChanged.ConvertAll(i => i.Id)));
        }

        RaiseChanges(productId, changed, tag, tagged, command.Status, statusChanged, roadmapItemId, relinked);
        return items.Count;
    }

    /// <summary>The items as the user selected them: their versions must still be the ones read, as a per-item save checks.</summary>
    private async Task BumpVersionsAsync(List<Selected> changed, CancellationToken cancellationToken)
    {
        var ids = changed.ConvertAll(i => i.Id);
        var keys = changed.ConvertAll(i => (i.Id * VersionSpan) + i.Version);
        var bumped = await db.BacklogItems.Where(i => ids.Contains(i.Id) && keys.Contains((i.Id * VersionSpan) + i.Version))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version + 1), cancellationToken);
        if (bumped != changed.Count)
        {
            throw new DbUpdateConcurrencyException(
                $"{changed.Count - bumped} of the {changed.Count} selected items changed while they were being edited.");
        }
    }

    /// <summary>The tag on every item that lacks it, its count, and the items' last change: three statements whatever their number.</summary>
    private async Task AddTagAsync(int productId, string tag, List<int> ids, DateTime now, CancellationToken cancellationToken)
    {
        var insert = $"INSERT INTO \"BacklogItemTags\" (\"BacklogItemId\", \"Name\") SELECT r.\"value\", {{1}} FROM {RecipientList.Source(db)} AS r";
        await db.Database.ExecuteSqlRawAsync(insert, [JsonSerializer.Serialize(ids), tag], cancellationToken);
        await BacklogTally.ForTag(productId, tag, ids.Count).ApplyAsync(db, cancellationToken);
        await db.BacklogItems.Where(i => ids.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, now), cancellationToken);
    }

    /// <summary>One "Updated" history row per item for one field, as the history recorder writes them, in one INSERT … SELECT.</summary>
    private async Task WriteHistoryAsync(
        int productId, string field, DateTime now, List<(Selected Item, string? Old, string? New)> rows, CancellationToken cancellationToken)
    {
        var note = Truncate(db.ActivityNote, Activity.ValueMaxLength);
        var json = JsonSerializer.Serialize(rows.Select(r => new HistoryRow(
            r.Item.Id.ToString(CultureInfo.InvariantCulture), Truncate($"#{r.Item.Id} {r.Item.Title}", 200)!,
            Truncate(r.Old, Activity.ValueMaxLength), Truncate(r.New, Activity.ValueMaxLength), user.UserId, note)));
        string Value(string name) => db.Database.IsSqlServer() ? $"JSON_VALUE(r.\"value\", '$.{name}')" : $"json_extract(r.\"value\", '$.{name}')";
        var sql = $$"""
            INSERT INTO "Activities" ("ProductId", "OccurredAt", "UserId", "UserName", "EntityType", "EntityId", "EntityLabel", "Action", "Field", "OldValue", "NewValue", "Note")
            SELECT {1}, {2}, {{Value("user")}}, {3}, 'BacklogItem', {{Value("id")}}, {{Value("label")}}, 'Updated', {4}, {{Value("old")}}, {{Value("new")}}, {{Value("note")}}
            FROM {{RecipientList.Source(db)}} AS r
            """;
        await db.Database.ExecuteSqlRawAsync(sql,
            [json, productId, now, user.Name ?? "system", field],
            cancellationToken);
    }

    private async Task<Dictionary<int, string>> RoadmapLabelsAsync(List<int?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return wanted.Count == 0 ? []
            : await db.RoadmapItems.AsNoTracking().Where(r => wanted.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
    }

    private static string? Label(Dictionary<int, string> labels, int? id) =>
        id is { } key ? labels.GetValueOrDefault(key) ?? HistoryText.Missing(key) : null;

    // The events a per-item save raises: BacklogItemChanged with the fields that differ, BacklogItemRemoved on removal.
    private void RaiseChanges(int productId, List<Selected> changed, string? tag, List<Selected> tagged, BacklogItemStatus? status,
        List<Selected> statusChanged, int? roadmapItemId, List<Selected> relinked)
    {
        var (taggedIds, statusIds, relinkedIds) = (tagged.Select(i => i.Id).ToHashSet(), statusChanged.Select(i => i.Id).ToHashSet(), relinked.Select(i => i.Id).ToHashSet());
        foreach (var item in changed)
        {
            var newStatus = statusIds.Contains(item.Id) ? status!.Value : item.Status;
            var tagsAfter = taggedIds.Contains(item.Id) ? [.. item.Tags, tag!] : item.Tags;
            var changes = FieldChange.Between(
                ("Status", item.Status.Display(), newStatus.Display()),
                ("Tags", TagText(item.Tags), TagText(tagsAfter)),
                ("Roadmap item", RoadmapText(item.RoadmapItemId), RoadmapText(relinkedIds.Contains(item.Id) ? roadmapItemId : item.RoadmapItemId)));
            if (changes.Count > 0)
            {
                events.Raise(new BacklogItemChanged(productId, item.Id, user.UserId, changes));
            }

            if (newStatus == BacklogItemStatus.Removed && item.Status != BacklogItemStatus.Removed)
            {
                events.Raise(new BacklogItemRemoved(productId, item.Id, user.UserId));
            }
        }
    }

    private static string TagText(IEnumerable<string> tags) => string.Join(", ", tags.Order(StringComparer.Ordinal));

    private static string? RoadmapText(int? id) => id is { } r ? "#" + r.ToString(CultureInfo.InvariantCulture) : null;

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");

    private sealed record Selected(int Id, string Title, BacklogItemStatus Status, int? RoadmapItemId, int Version, List<string> Tags);

    private sealed record HistoryRow(
        [property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("old")] string? Old, [property: JsonPropertyName("new")] string? New,
        [property: JsonPropertyName("user")] string? UserId, [property: JsonPropertyName("note")] string? Note);
}
