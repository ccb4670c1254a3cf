using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog.Import;

namespace ProductRoles.Web.Features.ProductOwner.Import;

/// <summary>The first pass over a new upload: its format and the values the mapping step offers choices for.</summary>
public static class ImportScanner
{
    public static (ImportFormat Format, ImportScan Scan) Scan(string path, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length == 0)
        {
            throw new ImportFileRejectedException("The file is empty. Export the backlog again and upload the file it gives.");
        }

        using var reader = ImportFileReader.Open(path);
        var headers = reader.Headers;
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileRejectedException("The file is empty. Export the backlog again and upload the file it gives.");
        }

        var format = ImportMapping.DetectFormat(headers);
        var mapping = ImportMapping.Default(format, new ImportScan(headers, [], [], [], [], 0));
        var columns = ImportColumns.Resolve(format, headers, mapping);
        var types = new List<string>();
        var statuses = new List<string>();
        var sprints = new List<string>();
        var epics = new List<ImportEpic>();
        var rows = 0;
        var idColumn = Enumerable.Range(0, headers.Count).FirstOrDefault(i => headers[i] == "Issue id", -1);
        foreach (var (_, fields) in reader.Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows++;
            var type = columns.First(fields, ImportField.Type);
            AddDistinct(types, type, ImportScan.MaxDistinctValues);
            AddDistinct(statuses, columns.First(fields, ImportField.Status), ImportScan.MaxDistinctValues);
            foreach (var sprint in columns.All(fields, ImportField.Sprint))
            {
                AddDistinct(sprints, ImportRowReader.Shorten(sprint, 100), ImportScan.MaxSprints);
            }

            if (type is not null && ImportMapping.DefaultType(type) == ImportTypeChoice.Epic && epics.Count < ImportScan.MaxEpics
                && columns.First(fields, ImportField.Key) is { } key && columns.First(fields, ImportField.Title) is { } title)
            {
                epics.Add(new ImportEpic(key, idColumn >= 0 && idColumn < fields.Length ? fields[idColumn].Trim() : null,
                    ImportRowReader.Shorten(title, 200)));
            }
        }

        if (rows == 0)
        {
            throw new ImportFileRejectedException("The file has a header row but no rows below it: there is nothing to import.");
        }

        return (format, new ImportScan(headers, types, statuses, epics, sprints, rows));
    }

    private static void AddDistinct(List<string> values, string? value, int max)
    {
        if (value is not null && values.Count < max && !values.Contains(value, StringComparer.Ordinal))
        {
            values.Add(value);
        }
    }
}

public sealed record ImportDryRunResult(
    int Rows, int ToCreate, int ToUpdate, int Left, int BadRows, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportedItem> Sample,
    IReadOnlyList<ImportEpic> Epics, IReadOnlyList<string> Sprints, IReadOnlyList<string> MissingColumns);

/// <summary>
/// Reads the whole file under the mapping without writing anything: what the run would create and
/// update, every bad row and field, and the first rows as they will look. The preview is this dry run.
/// </summary>
public static class ImportDryRun
{
    public const int SampleSize = 20;
    public const int MaxErrorsShown = 100;

    public static async Task<ImportDryRunResult> RunAsync(AppDbContext db, ImportFileStore store, BacklogImport import, CancellationToken cancellationToken)
    {
        var mapping = ImportMapping.FromJson(import.MappingJson);
        var scan = ImportMapping.ScanFromJson(import.ScanJson);
        var existing = (await db.BacklogItems.AsNoTracking().Where(i => i.ExternalKey != null).Select(i => i.ExternalKey!)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        using var reader = ImportFileReader.Open(store.PathOf(import.StoredFileName));
        var columns = ImportColumns.Resolve(import.Format, reader.Headers, mapping);
        IReadOnlyList<string> missing = columns.Has(ImportField.Title) ? [] : ["Choose the column that holds each item's title."];

        var epicKeysById = EpicKeysById(scan);
        int rows = 0, create = 0, update = 0, left = 0, bad = 0;
        var errors = new List<ImportError>();
        var sample = new List<ImportedItem>();
        var epics = new List<ImportEpic>();
        var sprints = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, fields) in reader.Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows++;
            var result = ImportRowReader.Read(row, fields, columns, mapping, epicKeysById);
            var rowErrors = result.Errors.ToList();
            if (result.Item is { Key: { } key } && !seen.Add(key))
            {
                rowErrors.Add(new ImportError(row, columns.NameOf(ImportField.Key), $"{columns.NameOf(ImportField.Key)} '{key}' appears more than once in the file."));
            }

            if (rowErrors.Count > 0)
            {
                bad++;
                errors.AddRange(rowErrors.Take(Math.Max(0, MaxErrorsShown - errors.Count)));
                continue;
            }

            if (result.Epic is { } epic)
            {
                epics.Add(epic);
                continue;
            }

            if (result.Item is not { } item)
            {
                left++;
                continue;
            }

            if (item.Key is not null && existing.Contains(item.Key))
            {
                update++;
            }
            else
            {
                create++;
            }

            if (mapping.Sprints == SprintHandling.ClosedSprints)
            {
                AddSprints(sprints, item.Sprints);
            }

            if (sample.Count < SampleSize)
            {
                sample.Add(item);
            }
        }

        return new ImportDryRunResult(rows, create, update, left, bad, errors, sample, epics, sprints, missing);
    }

    private static void AddSprints(List<string> sprints, IReadOnlyList<string> names)
    {
        foreach (var sprint in names.Where(s => !sprints.Contains(s, StringComparer.Ordinal) && sprints.Count < ImportScan.MaxSprints))
        {
            sprints.Add(sprint);
        }
    }

    public static IReadOnlyDictionary<string, string> EpicKeysById(ImportScan scan)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var epic in scan.Epics)
        {
            if (epic.IssueId is { Length: > 0 } id)
            {
                keys.TryAdd(id, epic.Key);
            }
        }

        return keys;
    }
}
