using ProductRoles.Web.Infrastructure.ScaleOut;

namespace ProductRoles.Tests.Infrastructure.ScaleOut;

/// <summary>
/// Two app instances, A and B, over one SQLite database file and one real Redis, as behind a load
/// balancer. They trust loopback as their proxy, so each test names its own client address in
/// X-Forwarded-For and the login rate limit counts per test. The rank rebalancer ticks every
/// 0.6 seconds here (10 minutes by default), so its lease changes hands within the tests.
/// Without redis-server the tests skip (<see cref="SkipReason"/>), except under CI=true.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const int LoginAttemptsPerMinute = 4;
    public const int TokenRequestsPerMinute = 6;

    private RedisServer? _redis;
    private readonly string _databasePath = AppInstance.NewDatabasePath();
    private int _clients;

    public AppInstance A { get; private set; } = null!;
    public AppInstance B { get; private set; } = null!;

    public string? SkipReason { get; private set; }

    public string RedisConnectionString => _redis!.ConnectionString;

    public async Task InitializeAsync()
    {
        (_redis, SkipReason) = await RedisServer.StartAsync();
        if (_redis is null)
        {
            return;
        }

        // A first: it builds the database; B then finds it migrated and seeded.
        A = NewInstance("A", _databasePath, ownsDatabase: true).Start();
        B = NewInstance("B", _databasePath).Start();
    }

    /// <summary>Another instance on this Redis and the given database file (the test disposes it).</summary>
    public AppInstance NewInstance(string name, string databasePath, bool ownsDatabase = false) => new(name, databasePath, new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [ScaleOutServices.RedisConnectionStringKey] = _redis!.ConnectionString,
        [ScaleOutServices.RedisChannelPrefixKey] = "productroles-tests",
        ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        ["Security:LoginAttemptsPerMinute"] = LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Backlog:RebalanceMinutes"] = "0.01",
        ["Api:TokenRequestsPerMinute"] = TokenRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, ownsDatabase);

    /// <summary>A client address of the test's own (TEST-NET-2), as the proxy forwards it.</summary>
    public IReadOnlyDictionary<string, string> NewClientAddress() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["X-Forwarded-For"] = $"198.51.100.{Interlocked.Increment(ref _clients)}",
    };

    public async Task DisposeAsync()
    {
        if (_redis is null)
        {
            return;
        }

        B.Dispose();
        A.Dispose();
        await _redis.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TwoInstancesCollection : ICollectionFixture<TwoInstances>
{
    public const string Name = "two instances";
}
