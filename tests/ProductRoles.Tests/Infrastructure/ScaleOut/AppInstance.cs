using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ProductRoles.Tests.Infrastructure.ScaleOut;

/// <summary>
/// One app instance on Kestrel (a free loopback port) over a database file that other instances may
/// share: as a load balancer sees it. The instance that owns the database deletes the file when
/// disposed. <see cref="Data"/> makes test data through this instance's own commands.
/// </summary>
public sealed class AppInstance : AppFactory
{
    private readonly string _databasePath;
    private readonly bool _ownsDatabase;

    public AppInstance(string name, string databasePath, IReadOnlyDictionary<string, string?> settings, bool ownsDatabase)
    {
        Name = name;
        _databasePath = databasePath;
        _ownsDatabase = ownsDatabase;
        // On top of AppFactory's own settings, so this database file wins over a file of its own.
        Settings["ConnectionStrings:ProductRoles"] = $"Data Source={databasePath}";
        // Instances share the import folder as they share the database: any instance's runner may run an upload.
        Settings["Import:Folder"] = databasePath + "-imports";
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }

        Data = new AppFixture { Factory = this };
    }

    public string Name { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Builders and direct reads through this instance (never disposed: it would dispose the instance).</summary>
    public AppFixture Data { get; }

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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_databasePath + suffix);
            }
        }
    }
}
