using System.Text.Json;
using ProductRoles.Web.Infrastructure.Live;
using StackExchange.Redis;

namespace ProductRoles.Web.Infrastructure.ScaleOut;

/// <summary>
/// Who has which page open, across every instance (with Redis configured it replaces the live
/// updates' in-memory store). Per connection one entry; per page a hash of its connections; per member
/// of a product a set of their connections, so that removing a member finds their pages on every
/// instance (the backplane then routes the group removals to the instance holding each connection).
/// Every entry names its instance, which keeps a heartbeat key alive: entries of an instance that
/// died without saying goodbye are no longer listed, and are cleaned up when next seen.
/// </summary>
public sealed partial class RedisPresenceStore : IPresenceStore, IDisposable
{
    private static readonly TimeSpan HeartbeatLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(20);

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Timer _heartbeat;
    private readonly ILogger<RedisPresenceStore> _logger;

    public RedisPresenceStore(IConnectionMultiplexer redis, IConfiguration configuration, ILogger<RedisPresenceStore> logger)
    {
        _redis = redis;
        _logger = logger;
        _prefix = ScaleOutServices.ChannelPrefix(configuration) + ":presence";
        _heartbeat = new Timer(_ => _ = BeatAsync(), null, TimeSpan.Zero, HeartbeatEvery);
    }

    private IDatabase Db => _redis.GetDatabase();

    public async Task<PresenceEntry?> SetAsync(PresenceEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await BeatAsync();
        var previous = await ForgetAsync(entry.ConnectionId);
        var stored = JsonSerializer.Serialize(new Stored(entry, _instance));
        var writes = Db.CreateTransaction();
        _ = writes.StringSetAsync(ConnectionKey(entry.ConnectionId), stored);
        _ = writes.HashSetAsync(ViewKey(entry.ProductId, entry.View), entry.ConnectionId, stored);
        _ = writes.SetAddAsync(UserKey(entry.ProductId, entry.UserId), entry.ConnectionId);
        await writes.ExecuteAsync();
        return previous;
    }

    public Task<PresenceEntry?> RemoveAsync(string connectionId, CancellationToken cancellationToken) => ForgetAsync(connectionId);

    public async Task<IReadOnlyList<PresenceEntry>> RemoveUserAsync(int productId, string userId, CancellationToken cancellationToken)
    {
        var removed = new List<PresenceEntry>();
        foreach (var connectionId in await Db.SetMembersAsync(UserKey(productId, userId)))
        {
            if (await ForgetAsync(connectionId.ToString()) is { } entry)
            {
                removed.Add(entry);
            }
        }

        return removed;
    }

    public async Task<IReadOnlyList<PresenceEntry>> OnPageAsync(int productId, string view, CancellationToken cancellationToken)
    {
        var entries = (await Db.HashValuesAsync(ViewKey(productId, view)))
            .Select(v => JsonSerializer.Deserialize<Stored>(v.ToString())!).ToList();
        var alive = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in entries.Select(e => e.Instance).Distinct(StringComparer.Ordinal))
        {
            if (await Db.KeyExistsAsync(InstanceKey(instance)))
            {
                alive.Add(instance);
            }
        }

        foreach (var dead in entries.Where(e => !alive.Contains(e.Instance)))
        {
            await ForgetAsync(dead.Entry.ConnectionId);
        }

        return [.. entries.Where(e => alive.Contains(e.Instance)).Select(e => e.Entry)];
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        try
        {
            // Say goodbye: this instance's entries stop being listed at once.
            Db.KeyDelete(InstanceKey(_instance), CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException or ObjectDisposedException)
        {
            // The heartbeat then simply expires.
        }
    }

    /// <summary>Removes one connection's entry everywhere; answers it, if there was one.</summary>
    private async Task<PresenceEntry?> ForgetAsync(string connectionId)
    {
        var value = await Db.StringGetDeleteAsync(ConnectionKey(connectionId));
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        var entry = JsonSerializer.Deserialize<Stored>(value.ToString())!.Entry;
        var writes = Db.CreateTransaction();
        _ = writes.HashDeleteAsync(ViewKey(entry.ProductId, entry.View), connectionId);
        _ = writes.SetRemoveAsync(UserKey(entry.ProductId, entry.UserId), connectionId);
        await writes.ExecuteAsync();
        return entry;
    }

    private async Task BeatAsync()
    {
        try
        {
            await Db.StringSetAsync(InstanceKey(_instance), "alive", HeartbeatLifetime);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            LogHeartbeatFailed(_logger, ex);
        }
    }

    private RedisKey ConnectionKey(string connectionId) => $"{_prefix}:connection:{connectionId}";

    private RedisKey ViewKey(int productId, string view) => $"{_prefix}:view:{productId}:{view}";

    private RedisKey UserKey(int productId, string userId) => $"{_prefix}:member:{productId}:{userId}";

    private RedisKey InstanceKey(string instance) => $"{_prefix}:instance:{instance}";

    private sealed record Stored(PresenceEntry Entry, string Instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew this instance's presence heartbeat in Redis")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);
}
