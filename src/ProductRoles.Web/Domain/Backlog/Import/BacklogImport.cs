using System.ComponentModel.DataAnnotations;

namespace ProductRoles.Web.Domain.Backlog.Import;

public enum ImportFormat
{
    [Display(Name = "Jira CSV export")]
    Jira,
    [Display(Name = "ProductRoles backlog export")]
    ProductRoles,
    [Display(Name = "Other CSV")]
    Generic,
}

public enum ImportState
{
    [Display(Name = "Waiting for you to confirm")]
    Uploaded,
    [Display(Name = "Queued")]
    Queued,
    [Display(Name = "Importing")]
    Running,
    [Display(Name = "Imported")]
    Completed,
    [Display(Name = "Failed: nothing was imported")]
    Failed,
    [Display(Name = "Undone")]
    Undone,
}

/// <summary>
/// One upload of a backlog file, from preview to run to undo. The file itself stays on disk
/// (<see cref="StoredFileName"/>) between the preview and the run; the mapping the product owner
/// confirmed is <see cref="MappingJson"/>.
/// </summary>
public sealed class BacklogImport : IProductOwned
{
    public const int FileNameMaxLength = 200;
    public const int MessageMaxLength = 2000;

    /// <summary>How long after it finished an import can be undone as a whole.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromHours(24);

    public int Id { get; set; }
    public int ProductId { get; set; }
    public required string FileName { get; set; }

    /// <summary>The name of the stored copy in the import folder (a random name; never the user's).</summary>
    public required string StoredFileName { get; set; }

    public long FileSize { get; set; }
    public ImportFormat Format { get; set; }
    public ImportState State { get; set; }
    public required string MappingJson { get; set; }

    /// <summary>What the scan found: headers, the distinct types, statuses, epics and sprints (JSON).</summary>
    public required string ScanJson { get; set; }

    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int CreatedItems { get; set; }
    public int UpdatedItems { get; set; }
    public int SkippedRows { get; set; }
    public string? Message { get; set; }

    /// <summary>Sprints and roadmap items the run made (<see cref="ImportCreated"/> as JSON), for undo.</summary>
    public string? CreatedJson { get; set; }
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? UndoneAt { get; set; }

    public List<BacklogImportRevert> Reverts { get; } = [];

    /// <summary>0–100, for the progress bar.</summary>
    public int Percent => TotalRows == 0 ? (State == ImportState.Completed ? 100 : 0) : (int)Math.Min(100, ProcessedRows * 100L / TotalRows);

    public bool IsFinished => State is ImportState.Completed or ImportState.Failed or ImportState.Undone;

    public bool CanUndo(DateTime now) => State == ImportState.Completed && CompletedAt is { } done && now - done <= UndoWindow;

    public void Start(DateTime now)
    {
        if (State != ImportState.Uploaded)
        {
            throw new DomainRuleException("", State is ImportState.Queued or ImportState.Running
                ? "This import is already running."
                : "This import has already run; upload the file again to import it once more.");
        }

        State = ImportState.Queued;
        StartedAt = now;
        ProcessedRows = 0;
    }

    public void Undo(DateTime now)
    {
        if (!CanUndo(now))
        {
            throw new DomainRuleException("", State == ImportState.Completed
                ? "An import can be undone only within 24 hours of finishing."
                : "Only a finished import can be undone.");
        }

        State = ImportState.Undone;
        UndoneAt = now;
    }
}

/// <summary>An item an import updated (matched by its external key), as it was before, so undo can put it back.</summary>
public sealed class BacklogImportRevert
{
    public int Id { get; set; }
    public int BacklogImportId { get; set; }
    public BacklogImport? BacklogImport { get; set; }
    public int BacklogItemId { get; set; }

    /// <summary>The item's fields before the import (<see cref="ItemSnapshot"/> as JSON).</summary>
    public required string BeforeJson { get; set; }
}

/// <summary>The fields of an item an import may change.</summary>
public sealed record ItemSnapshot(
    BacklogItemType Type, string Title, string? AsA, string? IWant, string? SoThat, string? Description, int? Estimate,
    BacklogItemStatus Status, int? RoadmapItemId, IReadOnlyList<string> Tags, IReadOnlyList<string> AcceptanceCriteria)
{
    public static ItemSnapshot Of(BacklogItem item) => new(item.Type, item.Title, item.AsA, item.IWant, item.SoThat, item.Description,
        item.Estimate, item.Status, item.RoadmapItemId, [.. item.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)],
        [.. item.AcceptanceCriteria.OrderBy(c => c.Position).Select(c => c.Text)]);
}

/// <summary>What a run made besides backlog items and comments (those carry the import's id themselves).</summary>
public sealed record ImportCreated(IReadOnlyList<int> Sprints, IReadOnlyList<int> RoadmapItems)
{
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this);

    public static ImportCreated FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new ImportCreated([], []) : System.Text.Json.JsonSerializer.Deserialize<ImportCreated>(json) ?? new ImportCreated([], []);
}
