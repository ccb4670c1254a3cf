using ProductRoles.Bench;

namespace ProductRoles.Tests.Benchmark;

/// <summary>
/// <c>--sql-server</c> writes only to a database that is empty or the benchmark's own (marked by an earlier run):
/// anything else is refused before a single write, with the reason.
/// </summary>
public sealed class BenchDatabaseGuardTests
{
    [Fact]
    public void An_empty_database_is_taken()
    {
        Assert.Equal((BenchDatabaseGuard.Finding.Empty, (string?)null), BenchDatabaseGuard.Inspect([]));
    }

    [Fact]
    public void A_database_an_earlier_run_marked_is_taken_whatever_else_it_holds()
    {
        var (finding, _) = BenchDatabaseGuard.Inspect([BenchDatabaseGuard.MarkerTable, "Products", "BacklogItems", "AspNetUsers"]);

        Assert.Equal(BenchDatabaseGuard.Finding.Ours, finding);
    }

    [Fact]
    public void A_database_with_tables_but_no_mark_is_refused_naming_what_it_holds()
    {
        string[] tables = ["Invoices", "Customers", "Orders", "Payments", "Refunds", "Products", "AspNetUsers"];

        var (finding, reason) = BenchDatabaseGuard.Inspect(tables);

        Assert.Equal(BenchDatabaseGuard.Finding.Refused, finding);
        Assert.Contains("7 table(s) (AspNetUsers, Customers, Invoices, Orders, Payments and 2 more)", reason, StringComparison.Ordinal);
        Assert.Contains(BenchDatabaseGuard.MarkerTable, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_s_own_tables_without_the_mark_are_refused_too()
    {
        // A real ProductRoles database (someone's production data) looks like the benchmark's but carries no mark.
        Assert.Equal(BenchDatabaseGuard.Finding.Refused, BenchDatabaseGuard.Inspect(["__EFMigrationsHistory", "Products", "BacklogItems"]).Finding);
    }

    [Fact]
    public void The_command_line_takes_a_connection_string_and_runs_the_load_run_on_it()
    {
        var options = BenchOptions.Parse(["--sql-server", "Server=db;Database=bench;User Id=sa;Password=x;TrustServerCertificate=True"]);

        Assert.Equal("Server=db;Database=bench;User Id=sa;Password=x;TrustServerCertificate=True", options.SqlServer);
        Assert.True(options.LoadOnly);
        Assert.Equal(TimeSpan.FromSeconds(60), options.LoadDuration);
        Assert.Equal(64, options.LoadClients);
    }
}
