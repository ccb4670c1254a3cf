using System.Globalization;

namespace ProductRoles.Bench;

/// <summary>How long and how hard to measure, from the command line.</summary>
public sealed record BenchOptions(
    string Mode, int Concurrency, TimeSpan Warmup, TimeSpan Round, int Rounds,
    int LargeItems, int SmallItems, int RankMoves, int RoadmapItems, int IncrementSize, string? JsonPath, string? DumpFolder = null)
{
    /// <summary>Moves measured one by one for the rows each writes (random places and the ends).</summary>
    public int MeasuredMoves { get; init; } = 100;

    /// <summary>Moves per adversarial pattern, in memory.</summary>
    public int AdversarialMoves { get; init; } = 100_000;

    /// <summary>How long the move soak runs (zero: not at all) and with how many clients.</summary>
    public TimeSpan SoakDuration { get; init; }

    public int SoakClients { get; init; } = 10;

    /// <summary>The live fan-out run: connected clients on one product, moves (one per 100 ms; zero: not at all), idle connections for the memory figure.</summary>
    public int LiveClients { get; init; } = 200;

    public int LiveMoves { get; init; }

    public int LiveIdleConnections { get; init; } = 1000;

    /// <summary>Only the live fan-out run (<c>--live-fanout</c>): no page measurements.</summary>
    public bool LiveOnly { get; init; }

    /// <summary>Only the bytes on the wire per page (<see cref="WireBytes"/>), at the quick run's sizes.</summary>
    public bool WireOnly { get; init; }

    /// <summary>Only the move soak (<c>--soak-moves</c>): no page measurements.</summary>
    public bool SoakOnly { get; init; }

    /// <summary>Jira exports of these sizes imported through the app's background runner (none: not at all).</summary>
    public IReadOnlyList<int> ImportSizes { get; init; } = [];

    /// <summary>Backlog items of the search product (<see cref="SearchBench"/>; zero: no search run).</summary>
    public int SearchItems { get; init; }

    /// <summary>Only the search run (<c>--search</c>, the quick run's rounds): no other measurements.</summary>
    public bool SearchOnly { get; init; }

    /// <summary>The run under load (<see cref="LoadBench"/>) on the largest size: how long (zero: not at all) and with how many clients.</summary>
    public TimeSpan LoadDuration { get; init; }

    public int LoadClients { get; init; } = 64;

    /// <summary>Only the largest size's product, its export and the run under load (<c>--load</c>, and <c>--sql-server</c>).</summary>
    public bool LoadOnly { get; init; }

    /// <summary>A SQL Server connection string (<c>--sql-server "…"</c>): the run under load against that database, if it is empty or the benchmark's own.</summary>
    public string? SqlServer { get; init; }

    /// <summary>Only the import (<c>--import</c>): no page measurements.</summary>
    public bool ImportOnly { get; init; }

    /// <summary>10,000 and 100,000 Jira rows: about 2 minutes, so not part of <c>--quick</c>.</summary>
    public static BenchOptions Import { get; } = new("import", 1, TimeSpan.Zero, TimeSpan.Zero, 0, 0, 0, 0, 0, 0, null)
    {
        ImportSizes = [10_000, 100_000], ImportOnly = true,
    };

    public const string Usage =
        "dotnet run -c Release --project bench/ProductRoles.Bench -- [--quick | --smoke | --import [--import-rows N] | --search | --sizes | --backlog | --load [--load-seconds N] | --profile-backlog SECONDS | --pages NAME,NAME | --profile-page NAME SECONDS | --soak-moves [--soak-seconds N] | --live-fanout [--live-moves N]] [--sql-server \"CONNECTION STRING\"] [--json FILE] [--concurrency N] [--dump FOLDER]";

    /// <summary>The full run: the issue's sizes, long rounds.</summary>
    public static BenchOptions Full { get; } = new("full", 8, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6), 7, 10_000, 100, 10_000, 45, 14, null) { LiveMoves = 600, Sizes = [100, 10_000, 100_000], SearchItems = 100_000, LoadDuration = TimeSpan.FromSeconds(60) };

    /// <summary>The issue's sizes with shorter rounds: within about 5 minutes on 2 cores.</summary>
    public static BenchOptions Quick { get; } = new("quick", 8, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), 5, 10_000, 100, 10_000, 45, 14, null) { MeasuredMoves = 40, LiveMoves = 150, Sizes = [100, 10_000, 100_000], SearchItems = 100_000, LoadDuration = TimeSpan.FromSeconds(60) };

    /// <summary>A few seconds, tiny data: proves every figure is produced (a tiny soak too), measures nothing worth quoting.</summary>
    public static BenchOptions Smoke { get; } = new("smoke", 2, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(250), 2, 300, 100, 300, 12, 4, null)
    {
        MeasuredMoves = 4, AdversarialMoves = 10_000, SoakDuration = TimeSpan.FromSeconds(3),
        LiveClients = 5, LiveMoves = 5, LiveIdleConnections = 20, ImportSizes = [200, 400], Sizes = [100, 400], SearchItems = 300,
        LoadDuration = TimeSpan.FromSeconds(2), LoadClients = 4,
    };

    /// <summary>60 seconds of 10 clients moving items at random to the top, the bottom and random places.</summary>
    public static BenchOptions SoakMoves { get; } = new("soak-moves", 10, TimeSpan.Zero, TimeSpan.Zero, 0, 10_000, 100, 0, 12, 4, null)
    {
        SoakDuration = TimeSpan.FromSeconds(60), SoakOnly = true,
    };

    /// <summary>The live fan-out run alone, at the issue's size: 200 clients, a minute of moves.</summary>
    public static BenchOptions LiveFanout { get; } = new("live-fanout", 1, TimeSpan.Zero, TimeSpan.Zero, 0, 1_000, 100, 0, 12, 4, null)
    {
        LiveMoves = 600, LiveOnly = true,
    };

    /// <summary>Products of these sizes for the size-independence figures (none: not at all); <c>--sizes</c> runs only them.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [];

    public bool SizesOnly { get; init; }

    /// <summary>Only the backlog's first screen beside its baseline (<c>--backlog</c>, the quick run's rounds): for working on that page.</summary>
    public bool BacklogOnly { get; init; }

    /// <summary>Seconds of backlog load to hold for a profiler (<c>--profile-backlog N</c>; zero: not at all).</summary>
    public int ProfileSeconds { get; init; }

    /// <summary>
    /// Only these comparison pages (<c>--pages history,sprint_review,roadmap_board,roadmap_item</c>), at the quick run's sizes;
    /// empty: the whole run. With <c>--profile-page NAME SECONDS</c>, the one page held under load for a profiler instead.
    /// </summary>
    public IReadOnlyList<string> Pages { get; init; } = [];

    /// <summary>The pages <c>--pages</c> can measure: the comparisons' JSON names, and the roadmap item page.</summary>
    public static IReadOnlyList<string> PageChoices { get; } = ["history_first_screen", "backlog_first_screen", "roadmap_board", "sprint_review", "roadmap_item"];

    private static string[] PageNames(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n == "history" ? "history_first_screen" : n == "backlog" ? "backlog_first_screen" : n).ToArray();
        return names.FirstOrDefault(n => !PageChoices.Contains(n, StringComparer.Ordinal)) is { } unknown
            ? throw new ArgumentException($"Unknown page '{unknown}'. Pages: {string.Join(", ", PageChoices)}.", nameof(list))
            : names;
    }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = Full;
        string? json = null;
        string? dump = null;
        int? concurrency = null;
        int? soakSeconds = null;
        int? liveMoves = null;
        int? loadSeconds = null;
        string? sqlServer = null;
        int? importRows = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options = Quick;
                    break;
                case "--smoke":
                    options = Smoke;
                    break;
                case "--soak-moves":
                    options = SoakMoves;
                    break;
                case "--live-fanout":
                    options = LiveFanout;
                    break;
                case "--wire":
                    options = Quick with { Mode = "wire", WireOnly = true };
                    break;
                case "--live-moves" when i + 1 < args.Count:
                    liveMoves = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--profile-backlog" when i + 1 < args.Count:
                    options = SoakMoves with { Mode = "profile", SoakDuration = TimeSpan.Zero, ProfileSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--backlog":
                    options = Quick with { Mode = "backlog", BacklogOnly = true };
                    break;
                case "--pages" when i + 1 < args.Count:
                    options = Quick with { Mode = "pages", Pages = PageNames(args[++i]) };
                    break;
                case "--profile-page" when i + 2 < args.Count && args[i + 1] == "search":
                    // The search page, held on the search run's own 100,000-item product.
                    i++;
                    options = Quick with { Mode = "profile", SearchOnly = true, ProfileSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--profile-page" when i + 2 < args.Count:
                    options = Quick with { Mode = "profile", Pages = PageNames(args[++i]), ProfileSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--sizes":
                    options = Quick with { Mode = "sizes", SizesOnly = true, LoadDuration = TimeSpan.Zero };
                    break;
                case "--load":
                    options = Quick with { Mode = "load", LoadOnly = true };
                    break;
                case "--load-seconds" when i + 1 < args.Count:
                    loadSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--sql-server" when i + 1 < args.Count:
                    sqlServer = args[++i];
                    break;
                case "--import":
                    options = Import;
                    break;
                case "--import-rows" when i + 1 < args.Count:
                    importRows = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--search":
                    options = Quick with { Mode = "search", SearchOnly = true };
                    break;
                case "--soak-seconds" when i + 1 < args.Count:
                    soakSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--json" when i + 1 < args.Count:
                    json = args[++i];
                    break;
                case "--dump" when i + 1 < args.Count:
                    dump = args[++i];
                    break;
                case "--concurrency" when i + 1 < args.Count:
                    concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: {Usage}", nameof(args));
            }
        }

        if (sqlServer is not null)
        {
            // The hand-written baseline reads SQLite: on SQL Server the run is the load run (and the export) at the largest size.
            options = options with { Mode = options.LoadOnly ? options.Mode : "load", LoadOnly = true, SqlServer = sqlServer };
        }

        return options with
        {
            LoadDuration = loadSeconds is { } l ? TimeSpan.FromSeconds(l) : options.LoadDuration,
            JsonPath = json, DumpFolder = dump, Concurrency = concurrency ?? options.Concurrency,
            SoakDuration = soakSeconds is { } s ? TimeSpan.FromSeconds(s) : options.SoakDuration,
            LiveMoves = liveMoves ?? options.LiveMoves,
            // One size while iterating (--import --import-rows 10000): the quick A/B of a change.
            ImportSizes = importRows is { } rows ? [rows] : options.ImportSizes,
        };
    }
}
