namespace ProductRoles.Bench;

/// <summary>
/// Measures the real app side by side with a raw ADO.NET baseline.
/// <c>dotnet run -c Release --project bench/ProductRoles.Bench -- [--quick | --smoke] [--json FILE]</c>
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        // The fan-out run's clients, started by LiveFanout in a process of their own.
        if (args is [LiveClients.Flag, ..])
        {
            return await LiveClients.RunAsync(args);
        }

        if (args is [NotificationBench.Flag, ..])
        {
            return await NotificationBench.RunAsync(args);
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        BenchReport report;
        try
        {
            report = await new BenchRunner(options, Console.Out).RunAsync();
        }
        catch (BenchDatabaseGuard.RefusedException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 3;
        }

        Console.WriteLine();
        Console.WriteLine(report.ToTable());
        if (options.JsonPath is not null)
        {
            await File.WriteAllTextAsync(options.JsonPath, report.ToJsonString());
            Console.WriteLine($"JSON written to {options.JsonPath}");
        }

        // The move soak's bar: every answer a 2xx or a 3xx ...
        // ... no live event lost, and no error under load.
        return report.Find("soak_moves_responses_not_2xx_3xx") is { Value: > 0 } || report.Find("live_events_lost") is { Value: > 0 }
            || report.Find("load_errors") is { Value: > 0 } ? 1 : 0;
    }
}
