using System.Globalization;

namespace ProductRoles.Bench;

/// <summary>How long and how hard to measure, from the command line.</summary>
public sealed record BenchOptions(
    string Mode, int Concurrency, TimeSpan Warmup, TimeSpan Round, int Rounds,
    int LargeItems, int SmallItems, int RankMoves, int RoadmapItems, int IncrementSize, string? JsonPath, string? DumpFolder = null)
{
    public const string Usage =
        "dotnet run -c Release --project bench/ProductRoles.Bench -- [--quick | --smoke] [--json FILE] [--concurrency N] [--dump FOLDER]";

    /// <summary>The full run: the sizes, long rounds.</summary>
    public static BenchOptions Full { get; } = new("full", 8, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6), 7, 10_000, 100, 10_000, 45, 14, null);

    /// <summary>The sizes with shorter rounds: within about 5 minutes on 2 cores.</summary>
    public static BenchOptions Quick { get; } = new("quick", 8, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), 5, 10_000, 100, 10_000, 45, 14, null);

    /// <summary>A few seconds, tiny data: proves every figure is produced, measures nothing worth quoting.</summary>
    public static BenchOptions Smoke { get; } = new("smoke", 2, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(250), 2, 300, 100, 300, 12, 4, null);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = Full;
        string? json = null;
        string? dump = null;
        int? concurrency = null;
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
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: {Usage}");
            }
        }

        return options with { JsonPath = json, DumpFolder = dump, Concurrency = concurrency ?? options.Concurrency };
    }
}
