using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProductRoles.Bench;

/// <summary>One page measured side by side with its baseline (medians over the rounds).</summary>
public sealed record PageComparison(
    string Name, string Description, int Concurrency, int Rounds,
    double RequestsPerSecond, double P50Ms, double P99Ms, double AllocatedBytesPerRequest, long ResponseBytes, double CpuMsPerRequest,
    double BaselineRequestsPerSecond, double BaselineP50Ms, double BaselineP99Ms, double BaselineAllocatedBytesPerRequest, long BaselineResponseBytes,
    double BaselineCpuMsPerRequest,
    IReadOnlyList<double> RoundRatios)
{
    public double Ratio => BaselineRequestsPerSecond == 0 ? 0 : RequestsPerSecond / BaselineRequestsPerSecond;
}

/// <summary>A figure with its target, as the table prints it.</summary>
public sealed record Figure(string Name, double? Value, string Target, bool? Met, string? Reason);

/// <summary>Everything one run measured, printed as a table and written as JSON under the issue's names.</summary>
public sealed class BenchReport
{
    public required string Mode { get; init; }
    public required int Concurrency { get; init; }
    public IList<Figure> Figures { get; } = [];
    public IList<PageComparison> Pages { get; } = [];
    public JsonObject Details { get; } = [];

    public Figure? Find(string name) => Figures.FirstOrDefault(f => f.Name == name);

    public void Add(string name, double? value, string target = "reported", Func<double, bool>? met = null, string? reason = null) =>
        Figures.Add(new Figure(name, value, target, value is { } v && met is not null ? met(v) : null, value is null ? reason : null));

    public static string Machine =>
        $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, " +
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC";

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["mode"] = Mode,
            ["concurrency"] = Concurrency,
            ["machine"] = Machine,
            ["measured_at_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        var notMeasured = new JsonObject();
        foreach (var figure in Figures)
        {
            json[figure.Name] = figure.Value is { } v ? JsonValue.Create(Math.Round(v, 4)) : null;
            if (figure.Value is null)
            {
                notMeasured[figure.Name] = figure.Reason;
            }
        }

        var pages = new JsonObject();
        foreach (var page in Pages)
        {
            pages[page.Name] = new JsonObject
            {
                ["description"] = page.Description,
                ["requests_per_second"] = Math.Round(page.RequestsPerSecond, 1),
                ["p50_ms"] = Math.Round(page.P50Ms, 3),
                ["p99_ms"] = Math.Round(page.P99Ms, 3),
                ["allocated_bytes_per_request"] = Math.Round(page.AllocatedBytesPerRequest),
                ["response_bytes"] = page.ResponseBytes,
                ["cpu_ms_per_request"] = Math.Round(page.CpuMsPerRequest, 3),
                ["baseline_requests_per_second"] = Math.Round(page.BaselineRequestsPerSecond, 1),
                ["baseline_p50_ms"] = Math.Round(page.BaselineP50Ms, 3),
                ["baseline_p99_ms"] = Math.Round(page.BaselineP99Ms, 3),
                ["baseline_allocated_bytes_per_request"] = Math.Round(page.BaselineAllocatedBytesPerRequest),
                ["baseline_response_bytes"] = page.BaselineResponseBytes,
                ["baseline_cpu_ms_per_request"] = Math.Round(page.BaselineCpuMsPerRequest, 3),
                ["vs_raw_ratio"] = Math.Round(page.Ratio, 4),
                ["round_ratios"] = new JsonArray([.. page.RoundRatios.Select(r => (JsonNode?)JsonValue.Create(Math.Round(r, 4)))]),
                ["concurrency"] = page.Concurrency,
                ["rounds"] = page.Rounds,
            };
        }

        json["pages"] = pages;
        json["not_measured"] = notMeasured;
        json["details"] = Details.DeepClone();
        return json;
    }

    public string ToJsonString() => ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"ProductRoles benchmark ({Mode}) — {Machine}, concurrency {Concurrency}");
        text.AppendLine();
        text.AppendLine("page                          app req/s  raw req/s  ratio  app p50/p99 ms    raw p50/p99 ms    app KB  raw KB  alloc B/req  CPU ms app/raw");
        foreach (var p in Pages)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{p.Name,-29} {p.RequestsPerSecond,9:F0}  {p.BaselineRequestsPerSecond,9:F0}  {p.Ratio,5:F2}  {p.P50Ms,7:F2}/{p.P99Ms,-8:F2}  {p.BaselineP50Ms,7:F2}/{p.BaselineP99Ms,-8:F2}  {p.ResponseBytes / 1024.0,6:F1}  {p.BaselineResponseBytes / 1024.0,6:F1}  {p.AllocatedBytesPerRequest,11:F0}  {p.CpuMsPerRequest:F2}/{p.BaselineCpuMsPerRequest:F2}");
        }

        text.AppendLine();
        text.AppendLine("figure                                      value      target     ");
        foreach (var f in Figures)
        {
            var value = f.Value is { } v ? v.ToString(v % 1 == 0 ? "F0" : "F3", CultureInfo.InvariantCulture) : "null";
            var verdict = f.Met switch { true => "met", false => "NOT MET", null => f.Value is null ? "not measured: " + f.Reason : string.Empty };
            text.AppendLine(CultureInfo.InvariantCulture, $"{f.Name,-43} {value,-10} {f.Target,-10} {verdict}");
        }

        return text.ToString();
    }
}
