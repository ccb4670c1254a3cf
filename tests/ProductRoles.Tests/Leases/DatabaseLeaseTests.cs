using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Leases;

namespace ProductRoles.Tests.Leases;

/// <summary>The database lease that lets one app instance at a time run a background job.</summary>
[Collection(AppCollection.Name)]
public sealed class DatabaseLeaseTests(AppFixture app)
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Two_instances_asking_at_the_same_moment_get_the_lease_once()
    {
        for (var round = 0; round < 10; round++)
        {
            var name = $"race-{round}-{Guid.NewGuid():N}";
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = new[] { "instance-a", "instance-b", "instance-c" }.Select(async holder =>
            {
                await using var scope = app.Factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await start.Task;
                return await DatabaseLease.TryAcquireAsync(db, name, holder, Minute, Now, CancellationToken.None);
            }).ToList();
            start.SetResult();

            Assert.Single(await Task.WhenAll(attempts), won => won);
        }
    }

    [Fact]
    public async Task The_holder_renews_others_wait_until_it_expires_then_one_of_them_takes_it_over()
    {
        var name = $"handover-{Guid.NewGuid():N}";
        Assert.True(await AcquireAsync(name, "a", Now));
        Assert.False(await AcquireAsync(name, "b", Now.AddSeconds(30)));
        // Renewing moves the expiry on: b still waits past the first expiry.
        Assert.True(await AcquireAsync(name, "a", Now.AddSeconds(50)));
        Assert.False(await AcquireAsync(name, "b", Now.AddSeconds(90)));
        // a stops renewing (it died): once the lease expires, b takes it and a has lost it.
        Assert.True(await AcquireAsync(name, "b", Now.AddSeconds(111)));
        Assert.False(await AcquireAsync(name, "a", Now.AddSeconds(112)));
    }

    [Fact]
    public async Task A_released_lease_is_free_at_once()
    {
        var name = $"release-{Guid.NewGuid():N}";
        Assert.True(await AcquireAsync(name, "a", Now));
        await app.QueryAsync(async db =>
        {
            // Someone else's release does nothing; the holder's frees it.
            await DatabaseLease.ReleaseAsync(db, name, "b", Now.AddSeconds(1), CancellationToken.None);
            return 0;
        });
        Assert.False(await AcquireAsync(name, "b", Now.AddSeconds(2)));
        await app.QueryAsync(async db =>
        {
            await DatabaseLease.ReleaseAsync(db, name, "a", Now.AddSeconds(3), CancellationToken.None);
            return 0;
        });
        Assert.True(await AcquireAsync(name, "b", Now.AddSeconds(3)));
    }

    private Task<bool> AcquireAsync(string name, string holder, DateTime now) =>
        app.QueryAsync(db => DatabaseLease.TryAcquireAsync(db, name, holder, Minute, now, CancellationToken.None));
}
