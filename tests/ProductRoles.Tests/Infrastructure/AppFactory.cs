using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProductRoles.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file that the app's own startup builds from the migrations and
/// seeds with the demo data, exactly as `dotnet run` does.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "ProductRoles-demo-2026";

    private readonly string _databasePath =
        Path.Combine(Path.GetTempPath(), $"productroles-test-{Guid.NewGuid():N}.db");

    public string DatabasePath => _databasePath;

    /// <summary>Where uploaded import files wait between preview and run (removed with the factory).</summary>
    public string ImportFolder { get; } = Path.Combine(Path.GetTempPath(), $"productroles-imports-{Guid.NewGuid():N}");

    /// <summary>Every SQL command the app sends goes through this counter (the benchmark's own).</summary>
    public ProductRoles.Bench.SqlStatementCounter SqlCommands { get; } = new();

    /// <summary>Settings on top of the defaults; set before the first client is created.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Security:LoginAttemptsPerMinute"] = "100000",
        // In-process clients have no address, so every test's share link views would count into one window.
        ["Sharing:ViewsPerMinute"] = "100000",
        // The outbox sender polls in the background, which statement counts would see; webhook tests turn it on.
        ["Outbox:Enabled"] = "false",
        // The digest job takes its lease every minute, which statement counts would see; the mail tests turn it on.
        ["Notifications:DigestEnabled"] = "false",
    };

    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Extra service registrations (e.g. a log sink) applied after the app's own.</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ExtraServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ProductRoles", $"Data Source={_databasePath}");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Import:Folder", ImportFolder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
            Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions
                .ConfigureDbContext<ProductRoles.Web.Data.SqliteAppDbContext>(services, o => o.AddInterceptors(SqlCommands)));

        if (ExtraServices is not null)
        {
            builder.ConfigureServices(ExtraServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(ImportFolder))
            {
                Directory.Delete(ImportFolder, recursive: true);
            }

            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_databasePath + suffix);
            }
        }
    }
}
