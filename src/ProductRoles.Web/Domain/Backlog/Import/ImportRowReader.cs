using System.Globalization;
using System.Text;

namespace ProductRoles.Web.Domain.Backlog.Import;

public sealed record ImportedComment(DateTime? At, string Author, string Text);

/// <summary>A row of the file as it will be imported.</summary>
public sealed record ImportedItem(
    int Row, string? Key, BacklogItemType Type, string Title, string? AsA, string? IWant, string? SoThat, string? Description,
    int? Estimate, BacklogItemStatus Status, IReadOnlyList<string> Tags, IReadOnlyList<string> AcceptanceCriteria, string? EpicKey,
    string? RoadmapItemTitle, IReadOnlyList<string> Sprints, IReadOnlyList<ImportedComment> Comments, DateTime? CreatedAt);

/// <summary>One field of one row that cannot be imported: "row 1,204: Story Points 'three' is not a number".</summary>
public sealed record ImportError(int Row, string Field, string Message)
{
    public override string ToString() => $"row {Row.ToString("N0", CultureInfo.InvariantCulture)}: {Message}";
}

/// <summary>What a row becomes: an item, an epic, nothing (a type left out), or errors.</summary>
public sealed record ImportRowResult(ImportedItem? Item, ImportEpic? Epic, IReadOnlyList<ImportError> Errors)
{
    public bool IsBad => Errors.Count > 0;
}

/// <summary>Which columns of the file hold each field (several for Jira's repeated columns).</summary>
public sealed class ImportColumns
{
    private readonly Dictionary<ImportField, int[]> _indexes = [];

    private ImportColumns(ImportFormat format, IReadOnlyDictionary<ImportField, string> names)
    {
        Format = format;
        Names = names;
    }

    public ImportFormat Format { get; }

    public IReadOnlyDictionary<ImportField, string> Names { get; }

    public static ImportColumns Resolve(ImportFormat format, IReadOnlyList<string> headers, ImportMapping mapping)
    {
        var columns = new ImportColumns(format, mapping.Columns);
        foreach (var (field, name) in mapping.Columns)
        {
            var indexes = Enumerable.Range(0, headers.Count).Where(i => string.Equals(headers[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
            if (indexes.Length > 0)
            {
                columns._indexes[field] = ImportMapping.MultiValued.Contains(field) ? indexes : [indexes[0]];
            }
        }

        // Jira names an epic by Epic Link in older exports and by the parent's id in newer ones: either may be filled.
        if (format == ImportFormat.Jira && columns._indexes.TryGetValue(ImportField.Epic, out var epic))
        {
            var parents = Enumerable.Range(0, headers.Count).Where(i => headers[i].Trim() is "Parent id" or "Parent" && !epic.Contains(i));
            columns._indexes[ImportField.Epic] = [.. epic, .. parents];
        }

        return columns;
    }

    public bool Has(ImportField field) => _indexes.ContainsKey(field);

    public string NameOf(ImportField field) => Names.TryGetValue(field, out var name) ? name : field.ToString();

    public string? First(IReadOnlyList<string> fields, ImportField field)
    {
        if (!_indexes.TryGetValue(field, out var indexes))
        {
            return null;
        }

        foreach (var i in indexes)
        {
            if (i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]))
            {
                return fields[i].Trim();
            }
        }

        return null;
    }

    public IEnumerable<string> All(IReadOnlyList<string> fields, ImportField field)
    {
        if (!_indexes.TryGetValue(field, out var indexes))
        {
            yield break;
        }

        foreach (var i in indexes)
        {
            if (i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]))
            {
                yield return fields[i].Trim();
            }
        }
    }
}

/// <summary>
/// Turns one record of the file into what it will be imported as, under the confirmed mapping; pure, so the
/// preview, the dry run and the real run read every row alike.
/// </summary>
public static class ImportRowReader
{
    public const string UnknownAuthor = "(unknown)";

    public static ImportRowResult Read(int row, IReadOnlyList<string> fields, ImportColumns columns, ImportMapping mapping, IReadOnlyDictionary<string, string> epicKeysById)
    {
        var errors = new List<ImportError>();
        void Error(ImportField field, string message) => errors.Add(new ImportError(row, columns.NameOf(field), message));

        var rawType = columns.First(fields, ImportField.Type);
        var choice = rawType is null ? ImportTypeChoice.Story
            : mapping.Types.TryGetValue(rawType, out var mapped) ? mapped : ImportMapping.DefaultType(rawType);
        if (choice == ImportTypeChoice.Skip)
        {
            return new ImportRowResult(null, null, []);
        }

        var key = Key(columns.First(fields, ImportField.Key), columns, Error);
        var title = columns.First(fields, ImportField.Title);
        if (title is null)
        {
            Error(ImportField.Title, $"{columns.NameOf(ImportField.Title)} is empty.");
        }
        else if (columns.Format == ImportFormat.ProductRoles)
        {
            title = Unneutralise(title);
        }

        if (choice == ImportTypeChoice.Epic)
        {
            return key is null || title is null || errors.Count > 0
                ? new ImportRowResult(null, null, errors)
                : new ImportRowResult(null, new ImportEpic(key, null, Shorten(title, BacklogItem.TitleMaxLength)), []);
        }

        var rawStatus = columns.First(fields, ImportField.Status);
        var status = rawStatus is null ? BacklogItemStatus.New
            : mapping.Statuses.TryGetValue(rawStatus, out var s) ? s : ImportMapping.DefaultStatus(rawStatus);

        var estimate = Estimate(columns.First(fields, ImportField.Estimate), columns, Error);
        var created = Created(columns.First(fields, ImportField.Created), columns, Error);

        var description = columns.First(fields, ImportField.Description);
        if (description is not null && columns.Format == ImportFormat.Jira)
        {
            description = JiraMarkup.ToMarkdown(description);
        }

        var criteria = columns.First(fields, ImportField.AcceptanceCriteria) is { } rawCriteria
            ? CriteriaLines(columns.Format == ImportFormat.Jira ? JiraMarkup.ToMarkdown(rawCriteria) : rawCriteria)
            : [];

        var epic = columns.First(fields, ImportField.Epic);
        if (epic is not null && epicKeysById.TryGetValue(epic, out var epicKey))
        {
            epic = epicKey;
        }

        var comments = columns.All(fields, ImportField.Comment).Select(c => ParseComment(c, columns.Format == ImportFormat.Jira)).ToList();

        if (errors.Count > 0)
        {
            return new ImportRowResult(null, null, errors);
        }

        return new ImportRowResult(new ImportedItem(
            row, key, ImportMapping.ItemType(choice)!.Value, Shorten(title!, BacklogItem.TitleMaxLength),
            Part(columns.First(fields, ImportField.AsA)), Part(columns.First(fields, ImportField.IWant)), Part(columns.First(fields, ImportField.SoThat)),
            description is null ? null : Shorten(description, BacklogItem.DescriptionMaxLength), estimate, status,
            Tags(columns.All(fields, ImportField.Tags), columns.All(fields, ImportField.Components), columns.First(fields, ImportField.Priority)), criteria, epic, columns.First(fields, ImportField.RoadmapItem) is { } roadmap ? Shorten(Unneutralise(roadmap), 200) : null,
            [.. columns.All(fields, ImportField.Sprint).Select(n => Shorten(n, 100)).Distinct(StringComparer.Ordinal)], comments, created), null, []);
    }

    private static string? Key(string? key, ImportColumns columns, Action<ImportField, string> error)
    {
        var name = columns.NameOf(ImportField.Key);
        if (key is { Length: > BacklogItem.ExternalKeyMaxLength })
        {
            error(ImportField.Key, $"{name} is longer than {BacklogItem.ExternalKeyMaxLength} characters.");
        }
        else if (key is null && columns.Has(ImportField.Key))
        {
            error(ImportField.Key, $"{name} is empty.");
        }

        return key;
    }

    private static int? Estimate(string? raw, ImportColumns columns, Action<ImportField, string> error)
    {
        if (raw is null)
        {
            return null;
        }

        var name = columns.NameOf(ImportField.Estimate);
        if (!decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var points) || points < 0)
        {
            error(ImportField.Estimate, $"{name} '{Shorten(raw, 40)}' is not a number.");
            return null;
        }

        if (points > BacklogItem.Estimates[^1])
        {
            error(ImportField.Estimate, $"{name} {raw} is more than {BacklogItem.Estimates[^1]}, the largest estimate.");
            return null;
        }

        // Our scale is Fibonacci-like: a value between two steps goes up to the next one (4 → 5, 0.5 → 1).
        return BacklogItem.Estimates.First(e => e >= points);
    }

    private static DateTime? Created(string? raw, ImportColumns columns, Action<ImportField, string> error)
    {
        if (raw is null)
        {
            return null;
        }

        if (JiraDate.TryParse(raw, out var at))
        {
            return at;
        }

        error(ImportField.Created, $"{columns.NameOf(ImportField.Created)} '{Shorten(raw, 40)}' is not a date.");
        return null;
    }

    /// <summary>Jira writes a comment as "12/Nov/25 3:14 PM;jsmith;the text" (the text may hold more semicolons).</summary>
    public static ImportedComment ParseComment(string comment, bool jira)
    {
        if (jira)
        {
            var parts = comment.Split(';', 3);
            if (parts.Length == 3 && JiraDate.TryParse(parts[0], out var at))
            {
                return new ImportedComment(at, Shorten(parts[1].Trim(), 100), Shorten(JiraMarkup.ToMarkdown(parts[2]), BacklogComment.TextMaxLength));
            }
        }

        return new ImportedComment(null, UnknownAuthor, Shorten(comment, BacklogComment.TextMaxLength));
    }

    /// <summary>
    /// Labels, components and the priority as tags, in that order, at most ten: lower-case letters,
    /// digits and single dashes. A label is a word (Jira's
    /// labels have no spaces; commas and semicolons part them too); a component keeps its words together
    /// ("Checkout UI": checkout-ui); a priority becomes priority-high. Our backlog has no priority of its
    /// own (its order is the priority), so the tag keeps what Jira said, to filter by.
    /// </summary>
    public static IReadOnlyList<string> Tags(IEnumerable<string> labels, IEnumerable<string> components, string? priority)
    {
        var names = labels.SelectMany(v => v.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
            .Concat(components)
            .Concat(string.IsNullOrWhiteSpace(priority) ? [] : ["priority-" + priority]);
        var tags = new List<string>();
        foreach (var name in names.Select(TagName))
        {
            if (name.Length > 0 && !tags.Contains(name, StringComparer.Ordinal) && tags.Count < BacklogItem.MaxTags)
            {
                tags.Add(name);
            }
        }

        return tags;
    }

    private static string TagName(string value)
    {
        var tag = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            tag.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }

        var name = tag.ToString().Trim('-');
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        return name.Length > BacklogItemTag.NameMaxLength ? name[..BacklogItemTag.NameMaxLength].TrimEnd('-') : name;
    }

    private static List<string> CriteriaLines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim().TrimStart('-', '*', '#').Trim()).Where(l => l.Length > 0).Take(30)
            .Select(l => Shorten(l, AcceptanceCriterion.TextMaxLength))];

    private static string? Part(string? value) => value is null ? null : Shorten(Unneutralise(value), BacklogItem.StoryPartMaxLength);

    // Our own export puts an apostrophe before = + - @ so spreadsheets never run a cell; reading it back takes it off.
    private static string Unneutralise(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    public static string Shorten(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
