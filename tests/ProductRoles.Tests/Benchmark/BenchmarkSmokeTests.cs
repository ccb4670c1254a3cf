using System.Text.Json.Nodes;
using ProductRoles.Bench;

namespace ProductRoles.Tests.Benchmark;

/// <summary>
/// The benchmark in its tiny mode, in-process: it must run end to end and measure every figure the
/// issue names, every page beside its hand-written baseline. No timing is asserted.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    private static readonly string[] IssueFigures =
    [
        "backlog_first_screen_vs_raw_ratio", "backlog_all_rows_vs_raw_ratio",
        "sql_statements_backlog_page_n100", "sql_statements_backlog_page_n10000",
        "rows_written_per_reorder", "rank_key_p99_length_after_10000_moves",
        "roadmap_board_vs_raw_ratio", "sprint_review_vs_raw_ratio", "allocated_bytes_per_request",
        "rank_key_max_length_after_100000_adversarial_moves",
        "rank_key_max_length_after_100000_adversarial_moves_all_top", "rank_key_max_length_after_100000_adversarial_moves_all_bottom",
        "rank_key_max_length_after_100000_adversarial_moves_all_into_one_gap", "rank_key_max_length_after_100000_adversarial_moves_alternating_ends",
        "rank_key_max_length_after_100000_adversarial_moves_random",
        "backlog_rows_written_per_move_p99", "backlog_rows_written_by_rebalancing_move_max",
        "soak_moves_total", "soak_moves_responses_not_2xx_3xx",
        "live_fanout_p50_ms", "live_fanout_p99_ms", "live_events_lost", "live_bytes_per_idle_connection",
        "jira_import_rows_per_second", "jira_import_n200_peak_memory_growth_mb", "jira_import_n400_peak_memory_growth_mb",
        "roadmap_item_page_n500_stories_req_per_s", "sql_statements_roadmap_item_page_n5_stories", "sql_statements_roadmap_item_page_n500_stories",
        "search_p50_ms_n300", "search_vs_backlog_first_screen_p50_ratio",
        "wire_bytes_backlog_first_screen_br", "wire_bytes_backlog_first_screen_gzip", "wire_bytes_roadmap_board_br", "wire_bytes_roadmap_board_gzip",
        "wire_bytes_sprint_review_br", "wire_bytes_sprint_review_gzip", "wire_bytes_sprint_board_br", "wire_bytes_sprint_board_gzip",
        "export_n400_peak_memory_growth_mb", "export_rows_per_second",
        "load_p50_ms", "load_p99_ms", "load_errors", "load_memory_growth_mb_after_warmup", "load_sqlite_busy_timeouts",
    ];

    [Fact]
    public async Task The_benchmark_in_smoke_mode_produces_every_figure_of_the_issue()
    {
        using var log = new StringWriter();
        var report = await new BenchRunner(BenchOptions.Smoke, log).RunAsync();
        var json = JsonNode.Parse(report.ToJsonString())!.AsObject();

        foreach (var name in IssueFigures)
        {
            Assert.True(json.ContainsKey(name), $"The JSON has no figure {name}.");
            Assert.True(json[name] is not null, $"{name} was not measured: {json["not_measured"]?[name]}");
            Assert.True(json[name]!.GetValue<double>() >= 0, $"{name} is negative.");
        }

        var pages = json["pages"]!.AsObject();
        Assert.Equal(["history_first_screen", "backlog_first_screen", "backlog_all_rows", "roadmap_board", "sprint_review"], pages.Select(p => p.Key));
        foreach (var (name, page) in pages)
        {
            foreach (var field in new[] { "requests_per_second", "baseline_requests_per_second", "p50_ms", "p99_ms", "vs_raw_ratio", "allocated_bytes_per_request" })
            {
                Assert.True(page![field]!.GetValue<double>() > 0, $"pages.{name}.{field} is not positive.");
            }
        }

        // The tiny soak ran through the app's move form, and every answer was a 2xx or a 3xx.
        Assert.True(json["soak_moves_total"]!.GetValue<double>() > 0, "The soak made no moves.");
        Assert.Equal(0, json["soak_moves_responses_not_2xx_3xx"]!.GetValue<double>());
        // The tiny fan-out: every move's event reached every connected client.
        Assert.Equal(0, json["live_events_lost"]!.GetValue<double>());
        // The tiny run under load: views, moves and edits, every answer a 2xx or a 3xx.
        Assert.True(json["load_requests_per_second"]!.GetValue<double>() > 0, "The run under load sent nothing.");
        Assert.Equal(0, json["load_errors"]!.GetValue<double>());
        Assert.Contains("figure", report.ToTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_page_counts_as_the_apps_only_when_it_differs_in_layout_whitespace_and_tokens_alone()
    {
        const string App = "<ul>\n    <li class=\"a\">One</li>  <li>Two</li>\n</ul><input name=\"t\" value=\"CfDJ8abc\" />";
        Assert.Null(SamePage.Difference(App, "<ul><li class=\"a\">One</li>\n<li>Two</li></ul>\n<input name=\"t\" value=\"CfDJ8xyz\" />"));
        Assert.Contains("Two", SamePage.Difference(App, "<ul><li class=\"a\">One</li><li>Three</li></ul><input name=\"t\" value=\"CfDJ8abc\" />"), StringComparison.Ordinal);
        Assert.NotNull(SamePage.Difference(App, "<ul><li>One</li><li>Two</li></ul><input name=\"t\" value=\"CfDJ8abc\" />"));
    }
}
