using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ProductRoles.Tests.Infrastructure.ScaleOut;

/// <summary>
/// One app instance on Kestrel (a free loopback port) over a database file that other instances may
/// share: as a load balancer sees it. The instance that <paramref name="ownsDatabase"/> deletes the
/// file when disposed.
/// </summary>
public sealed class AppInstance(string name, string databasePath, IReadOnlyDictionary<string, string?> settings, bool ownsDatabase)
    : WebApplicationFactory<Program>
{
    public string Name { get; } = name;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"productroles-scaleout-{Guid.NewGuid():N}.db");

    /// <summary>Starts the instance: migrations and the demo seed run here (idempotent on a shared file).</summary>
    public AppInstance Start()
    {
        // Port 0 as a number means "unset" to Kestrel: an explicit loopback endpoint gets a free port.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
        return this;
    }

    /// <summary>A browser-like client of this instance (see <see cref="TestClient"/>).</summary>
    public TestClient Client(CookieContainer? cookies = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new(BaseAddress, cookies, headers);

    public override string ToString() => Name;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:ProductRoles", $"Data Source={databasePath}");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", AppFactory.DemoPassword);
        builder.UseSetting("Security:LoginAttemptsPerMinute", "100000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }
        }
    }
}
