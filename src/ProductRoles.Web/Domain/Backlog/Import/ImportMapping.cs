using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductRoles.Web.Domain.Backlog.Import;

/// <summary>What a column of the file can become.</summary>
public enum ImportField
{
    [Display(Name = "Key")]
    Key,
    [Display(Name = "Title")]
    Title,
    [Display(Name = "Type")]
    Type,
    [Display(Name = "Status")]
    Status,
    [Display(Name = "Estimate")]
    Estimate,
    [Display(Name = "Description")]
    Description,
    [Display(Name = "Acceptance criteria (one per line)")]
    AcceptanceCriteria,
    [Display(Name = "Tags")]
    Tags,
    [Display(Name = "Components (as tags)")]
    Components,
    [Display(Name = "Priority (as a tag, e.g. priority-high)")]
    Priority,
    [Display(Name = "Epic")]
    Epic,
    [Display(Name = "Sprint")]
    Sprint,
    [Display(Name = "Comment")]
    Comment,
    [Display(Name = "Created")]
    Created,
    [Display(Name = "Story: as a")]
    AsA,
    [Display(Name = "Story: I want")]
    IWant,
    [Display(Name = "Story: so that")]
    SoThat,
    [Display(Name = "Roadmap item title")]
    RoadmapItem,
}

/// <summary>What a type of the file becomes.</summary>
public enum ImportTypeChoice
{
    [Display(Name = "Story")]
    Story,
    [Display(Name = "Bug")]
    Bug,
    [Display(Name = "Chore")]
    Chore,
    [Display(Name = "Epic: a roadmap item")]
    Epic,
    [Display(Name = "Leave out")]
    Skip,
}

public enum BadRowHandling
{
    [Display(Name = "Stop: import nothing while any row is bad")]
    Stop,
    [Display(Name = "Skip the bad rows, import the rest")]
    Skip,
}

public enum EpicHandling
{
    [Display(Name = "Make each epic a roadmap item")]
    CreateRoadmapItems,
    [Display(Name = "Link their items to existing roadmap items")]
    LinkToExisting,
}

public enum SprintHandling
{
    [Display(Name = "Make them closed sprints with their items")]
    ClosedSprints,
    [Display(Name = "Leave sprints out")]
    Skip,
}

/// <summary>An epic found in the file: its key, its issue id (children may name either) and its summary.</summary>
public sealed record ImportEpic(string Key, string? IssueId, string Title);

/// <summary>What a first pass over the file found; the choices of the mapping step are made from it.</summary>
public sealed record ImportScan(
    IReadOnlyList<string> Headers, IReadOnlyList<string> Types, IReadOnlyList<string> Statuses, IReadOnlyList<ImportEpic> Epics,
    IReadOnlyList<string> Sprints, int Rows)
{
    public const int MaxDistinctValues = 200;
    public const int MaxEpics = 2000;
    public const int MaxSprints = 1000;
}

/// <summary>The choices the product owner confirms on the preview page: columns, types, statuses, epics, sprints and bad rows.</summary>
public sealed record ImportMapping(
    IReadOnlyDictionary<ImportField, string> Columns,
    IReadOnlyDictionary<string, ImportTypeChoice> Types,
    IReadOnlyDictionary<string, BacklogItemStatus> Statuses,
    EpicHandling Epics,
    IReadOnlyDictionary<string, int> EpicLinks,
    SprintHandling Sprints,
    BadRowHandling BadRows)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Fields that take every column of their name (Jira repeats a column per value).</summary>
    public static readonly IReadOnlySet<ImportField> MultiValued = new HashSet<ImportField> { ImportField.Tags, ImportField.Components, ImportField.Sprint, ImportField.Comment };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportMapping FromJson(string json) =>
        JsonSerializer.Deserialize<ImportMapping>(json, Json) ?? throw new InvalidOperationException("The import's mapping is empty.");

    public static string ScanToJson(ImportScan scan) => JsonSerializer.Serialize(scan, Json);

    public static ImportScan ScanFromJson(string json) =>
        JsonSerializer.Deserialize<ImportScan>(json, Json) ?? throw new InvalidOperationException("The import's scan is empty.");

    /// <summary>The format of a file, from its header row.</summary>
    public static ImportFormat DetectFormat(IReadOnlyList<string> headers)
    {
        bool Has(string name) => headers.Contains(name, StringComparer.OrdinalIgnoreCase);
        if (Has("Issue key") && Has("Summary"))
        {
            return ImportFormat.Jira;
        }

        return headers.Count >= 4 && headers[0] == "Position" && headers[1] == "Key" && headers[2] == "Type" && headers[3] == "Title"
            ? ImportFormat.ProductRoles
            : ImportFormat.Generic;
    }

    /// <summary>Sensible defaults for a file: its columns by their usual names, Jira's types and statuses onto ours.</summary>
    public static ImportMapping Default(ImportFormat format, ImportScan scan)
    {
        var columns = new Dictionary<ImportField, string>();
        foreach (var field in Enum.GetValues<ImportField>())
        {
            var names = format switch
            {
                ImportFormat.Jira => JiraColumns(field),
                ImportFormat.ProductRoles => ProductRolesColumns(field),
                _ => GuessedColumns(field),
            };
            if (names.Select(n => scan.Headers.FirstOrDefault(h => string.Equals(h.Trim(), n, StringComparison.OrdinalIgnoreCase)))
                    .FirstOrDefault(h => h is not null) is { } header)
            {
                columns[field] = header;
            }
        }

        return new ImportMapping(
            columns,
            scan.Types.ToDictionary(t => t, DefaultType, StringComparer.Ordinal),
            scan.Statuses.ToDictionary(s => s, DefaultStatus, StringComparer.Ordinal),
            EpicHandling.CreateRoadmapItems, new Dictionary<string, int>(StringComparer.Ordinal), SprintHandling.ClosedSprints, BadRowHandling.Stop);
    }

    public static ImportTypeChoice DefaultType(string type) => type.Trim().ToUpperInvariant() switch
    {
        "BUG" or "DEFECT" => ImportTypeChoice.Bug,
        "TASK" or "SUB-TASK" or "SUBTASK" or "CHORE" or "IMPROVEMENT" or "SPIKE" => ImportTypeChoice.Chore,
        "EPIC" => ImportTypeChoice.Epic,
        _ => ImportTypeChoice.Story,
    };

    public static BacklogItemStatus DefaultStatus(string status)
    {
        var s = status.Trim().ToUpperInvariant();
        return s switch
        {
            "SELECTED FOR DEVELOPMENT" or "READY" or "READY FOR DEVELOPMENT" or "REFINED" => BacklogItemStatus.Ready,
            "PLANNED" => BacklogItemStatus.Planned,
            "DONE" or "CLOSED" or "RESOLVED" or "RELEASED" => BacklogItemStatus.Done,
            "WON'T DO" or "WON'T FIX" or "CANCELLED" or "CANCELED" or "REJECTED" or "DUPLICATE" or "REMOVED" => BacklogItemStatus.Removed,
            _ when s.Contains("PROGRESS", StringComparison.Ordinal) || s.Contains("REVIEW", StringComparison.Ordinal)
                   || s.Contains("TEST", StringComparison.Ordinal) || s.Contains("QA", StringComparison.Ordinal) => BacklogItemStatus.InProgress,
            _ => BacklogItemStatus.New,
        };
    }

    public static BacklogItemType? ItemType(ImportTypeChoice choice) => choice switch
    {
        ImportTypeChoice.Story => BacklogItemType.Story,
        ImportTypeChoice.Bug => BacklogItemType.Bug,
        ImportTypeChoice.Chore => BacklogItemType.Chore,
        _ => null,
    };

    private static string[] JiraColumns(ImportField field) => field switch
    {
        ImportField.Key => ["Issue key"],
        ImportField.Title => ["Summary"],
        ImportField.Type => ["Issue Type"],
        ImportField.Status => ["Status"],
        ImportField.Estimate => ["Custom field (Story Points)", "Story point estimate", "Custom field (Story point estimate)", "Story Points"],
        ImportField.Description => ["Description"],
        ImportField.AcceptanceCriteria => ["Custom field (Acceptance Criteria)", "Acceptance Criteria"],
        ImportField.Tags => ["Labels"],
        ImportField.Components => ["Component/s"],
        ImportField.Priority => ["Priority"],
        ImportField.Epic => ["Custom field (Epic Link)", "Parent id", "Parent"],
        ImportField.Sprint => ["Sprint"],
        ImportField.Comment => ["Comment"],
        ImportField.Created => ["Created"],
        _ => [],
    };

    private static string[] ProductRolesColumns(ImportField field) => field switch
    {
        ImportField.Key => ["Key"],
        ImportField.Title => ["Title"],
        ImportField.Type => ["Type"],
        ImportField.Status => ["Status"],
        ImportField.Estimate => ["Estimate"],
        ImportField.Tags => ["Tags"],
        ImportField.AsA => ["As a"],
        ImportField.IWant => ["I want"],
        ImportField.SoThat => ["So that"],
        ImportField.RoadmapItem => ["Roadmap item"],
        _ => [],
    };

    private static string[] GuessedColumns(ImportField field) => field switch
    {
        ImportField.Key => ["Key", "Issue key", "Id", "External id", "Ref", "Reference"],
        ImportField.Title => ["Title", "Summary", "Name", "Subject"],
        ImportField.Type => ["Type", "Issue Type", "Kind"],
        ImportField.Status => ["Status", "State"],
        ImportField.Estimate => ["Estimate", "Story Points", "Points", "Size"],
        ImportField.Description => ["Description", "Details", "Body"],
        ImportField.AcceptanceCriteria => ["Acceptance criteria", "Criteria"],
        ImportField.Tags => ["Tags", "Labels", "Label", "Tag"],
        ImportField.Components => ["Component/s", "Components", "Component"],
        ImportField.Priority => ["Priority"],
        ImportField.Epic => ["Epic", "Epic Link", "Parent"],
        ImportField.Sprint => ["Sprint", "Iteration"],
        ImportField.Comment => ["Comment", "Comments"],
        ImportField.Created => ["Created", "Created at", "Date"],
        ImportField.AsA => ["As a"],
        ImportField.IWant => ["I want"],
        ImportField.SoThat => ["So that"],
        ImportField.RoadmapItem => ["Roadmap item"],
        _ => [],
    };
}
