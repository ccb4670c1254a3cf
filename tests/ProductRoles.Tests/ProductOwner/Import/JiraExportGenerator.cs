using System.Globalization;
using CsvHelper;

#if PRODUCTROLES_BENCH
namespace ProductRoles.Bench;
#else
namespace ProductRoles.Tests.ProductOwner.Import;
#endif

/// <summary>One issue as the generator wrote it, to check what the import made of it.</summary>
public sealed record GeneratedIssue(
    string Key, string IssueId, string Type, string Status, string Summary, string Description, string? StoryPoints,
    IReadOnlyList<string> Labels, IReadOnlyList<string> Sprints, string? EpicKey, IReadOnlyList<(string Date, string Author, string Text)> Comments,
    string Created, string? AcceptanceCriteria, string Priority, IReadOnlyList<string> Components);

/// <summary>
/// Writes realistic Jira "Export CSV (all fields)" files, deterministically from a seed: a UTF-8 BOM, the
/// repeated columns of multi-value fields (Labels, Sprint, Component/s, Comment, Watchers), Issue key /
/// Issue id / Parent id / Custom field (Epic Link), Story Points, wiki-markup descriptions in quoted
/// multi-line cells, both of Jira's date formats and comments as "date;author;text". Shared by the tests
/// and the benchmark (linked into it), so both import the same kind of file; streamed, so 100,000 rows cost no memory.
/// </summary>
public sealed class JiraExportGenerator(int seed = 7, string project = "ACME")
{
    public static readonly string[] Header =
    [
        "Summary", "Issue key", "Issue id", "Parent id", "Issue Type", "Status", "Priority", "Assignee", "Reporter", "Created", "Updated",
        "Labels", "Labels", "Labels", "Component/s", "Component/s", "Sprint", "Sprint", "Watchers", "Watchers",
        "Custom field (Epic Link)", "Custom field (Story Points)", "Custom field (Acceptance Criteria)", "Description",
        "Comment", "Comment", "Comment",
    ];

    private static readonly string[] Statuses = ["To Do", "In Progress", "In Review", "Done", "Selected for Development", "Won't Do"];
    private static readonly string[] Types = ["Story", "Story", "Story", "Bug", "Task", "Sub-task"];
    private static readonly string[] Labels = ["checkout", "payments", "mobile", "tech-debt", "UX", "Q3_goal", "refunds", "wallet"];
    private static readonly string[] People = ["Oliver Owens (PO)", "dev", "jsmith", "Ana Müller", "o'brien"];
    private static readonly string[] Verbs = ["Pay", "Save", "Refund", "Split", "Retry", "Show", "Export", "Import"];
    private static readonly string[] Things = ["card", "wallet", "invoice", "basket", "voucher", "address", "receipt", "order"];

    /// <summary>One epic per this many rows; its children point at it by Epic Link or by Parent id.</summary>
    public const int RowsPerEpic = 25;

    public string Project { get; } = project;

    /// <summary>Writes <paramref name="rows"/> issues (epics included) in rank order; calls <paramref name="onIssue"/> for each.</summary>
    public void Write(Stream output, int rows, Action<GeneratedIssue>? onIssue = null)
    {
        var random = new Random(seed);
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.None }, leaveOpen: true);
        foreach (var name in Header)
        {
            csv.WriteField(name);
        }

        csv.EndRecord();
        string? epicKey = null, epicId = null;
        for (var n = 1; n <= rows; n++)
        {
            var issue = Issue(random, n, ref epicKey, ref epicId);
            WriteRow(csv, issue, random);
            onIssue?.Invoke(issue);
        }
    }

    public List<GeneratedIssue> WriteFile(string path, int rows)
    {
        var issues = new List<GeneratedIssue>();
        using var file = File.Create(path);
        Write(file, rows, issues.Add);
        return issues;
    }

    private GeneratedIssue Issue(Random random, int n, ref string? epicKey, ref string? epicId)
    {
        var key = $"{Project}-{n}";
        var id = (10000 + n).ToString(CultureInfo.InvariantCulture);
        var created = new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddHours(n * 7 % 8000).AddMinutes(n % 60);
        // Jira writes "12/Nov/25 3:14 PM" by default and "2025-11-12 15:14" with ISO dates on: both occur.
        var createdText = n % 2 == 0 ? created.ToString("d/MMM/yy h:mm tt", CultureInfo.InvariantCulture) : created.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var verb = Verbs[random.Next(Verbs.Length)];
        var thing = Things[random.Next(Things.Length)];
        if (n % RowsPerEpic == 1)
        {
            epicKey = key;
            epicId = id;
            return new GeneratedIssue(key, id, "Epic", "In Progress", $"Epic: {verb} the {thing} in one step", $"h2. Goal\nMake *{thing}* handling easy.", null,
                [], [], null, [], createdText, null, "Medium", ["Web"]);
        }

        var type = Types[random.Next(Types.Length)];
        var points = random.Next(10) switch
        {
            0 => null,
            1 => "0.5",
            2 => "4",
            _ => ((int[])[1, 2, 3, 5, 8, 13])[random.Next(6)].ToString(CultureInfo.InvariantCulture),
        };
        var labels = Labels.OrderBy(_ => random.Next()).Take(random.Next(4)).ToList();
        var sprints = n % 3 == 0 ? new List<string> { $"{Project} Sprint {n % 7 + 1}" } : n % 5 == 0 ? [$"{Project} Sprint {n % 7 + 1}", $"{Project} Sprint {n % 7 + 2}"] : [];
        var comments = Enumerable.Range(0, random.Next(3)).Select(c => (
            created.AddDays(c + 1).ToString("d/MMM/yy h:mm tt", CultureInfo.InvariantCulture),
            People[random.Next(People.Length)],
            c == 0 ? $"Checked with support; see \"{thing}\", ok;\nnext step: *ship* it" : "LGTM, merged")).ToList();
        var description = $"h3. Context\nShoppers want to {verb.ToLowerInvariant()} the {thing}, said \"fast\", please.\n" +
                          $"* first point with {{{{code}}}}\n** nested _detail_\n# numbered one\n" +
                          $"See [the spec|https://example.com/spec/{n}] and -old- text.\n" +
                          "||Case||Result||\n|happy|works|\n|empty|message|\n{code:json}\n{\"a\": 1, \"b\": [1,2]}\n{code}";
        return new GeneratedIssue(key, id, type, Statuses[random.Next(Statuses.Length)], $"{verb} the {thing} (#{n})", description, points,
            labels, sprints, n % 2 == 0 ? epicKey : epicId, comments, createdText, n % 4 == 0 ? $"* Given a {thing}\n* Then it saves" : null,
            random.Next(3) switch { 0 => "High", 1 => "Medium", _ => "Low" }, random.Next(2) == 0 ? ["Web", "Checkout UI"] : ["Web"]);
    }

    private static void WriteRow(CsvWriter csv, GeneratedIssue issue, Random random)
    {
        csv.WriteField(issue.Summary);
        csv.WriteField(issue.Key);
        csv.WriteField(issue.IssueId);
        // Sub-tasks name their parent by id here; epic children of this generator use Epic Link or Parent id alternately (see Issue).
        csv.WriteField(issue.Type == "Epic" ? "" : issue.EpicKey is { } e && !e.Contains('-', StringComparison.Ordinal) ? e : "");
        csv.WriteField(issue.Type);
        csv.WriteField(issue.Status);
        csv.WriteField(issue.Priority);
        csv.WriteField(People[random.Next(People.Length)]);
        csv.WriteField(People[random.Next(People.Length)]);
        csv.WriteField(issue.Created);
        csv.WriteField(issue.Created);
        for (var i = 0; i < 3; i++)
        {
            csv.WriteField(i < issue.Labels.Count ? issue.Labels[i] : "");
        }

        csv.WriteField(issue.Components[0]);
        csv.WriteField(issue.Components.Count > 1 ? issue.Components[1] : "");
        for (var i = 0; i < 2; i++)
        {
            csv.WriteField(i < issue.Sprints.Count ? issue.Sprints[i] : "");
        }

        csv.WriteField("jsmith");
        csv.WriteField("");
        csv.WriteField(issue.Type == "Epic" ? "" : issue.EpicKey is { } k && k.Contains('-', StringComparison.Ordinal) ? k : "");
        csv.WriteField(issue.StoryPoints ?? "");
        csv.WriteField(issue.AcceptanceCriteria ?? "");
        csv.WriteField(issue.Description);
        for (var i = 0; i < 3; i++)
        {
            csv.WriteField(i < issue.Comments.Count ? $"{issue.Comments[i].Date};{issue.Comments[i].Author};{issue.Comments[i].Text}" : "");
        }

        csv.EndRecord();
    }
}
