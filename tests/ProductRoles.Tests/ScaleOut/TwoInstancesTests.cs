using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Tests.Infrastructure.ScaleOut;
using ProductRoles.Web.Features.ProductOwner.Backlog;

namespace ProductRoles.Tests.ScaleOut;

/// <summary>
/// Two app instances over one database and one Redis, as behind a load balancer: whichever instance
/// a request lands on, a user sees one app.
/// </summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class TwoInstancesTests(TwoInstances cluster)
{
    private const string Home = "/p/" + AppFixture.DemoSlug;

    [SkippableFact]
    public async Task A_login_made_on_instance_A_is_valid_on_instance_B_and_signing_out_on_B_ends_it_on_A()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var address = cluster.NewClientAddress();
        var cookies = new CookieContainer();
        using var onA = cluster.A.Client(cookies, address);
        await onA.SignInAsync(AppFixture.Po, AppFactory.DemoPassword);

        // The same browser (its cookies) now lands on B: B reads A's login and antiforgery cookies.
        using var onB = cluster.B.Client(cookies, address);
        var home = await onB.GetPageAsync(Home);
        Assert.Contains("Acme Checkout", home.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        using (var anonymous = cluster.B.Client(headers: cluster.NewClientAddress()))
        using (var refused = await anonymous.GetAsync(Home))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        // The sign-out form from a page A rendered, posted to B: the session ends everywhere.
        var pageFromA = await onA.GetPageAsync(Home);
        using var onBWithAsForm = cluster.B.Client(cookies, address);
        using (var signOut = await onBWithAsForm.SubmitAsync(pageFromA, "form[action='/Account/Logout']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        var stolen = new CookieContainer();
        stolen.Add(cookies.GetAllCookies());
        using var replay = cluster.A.Client(stolen, address);
        using var afterSignOut = await replay.GetAsync(Home);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.Contains("/Account/Login", afterSignOut.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_login_rate_limit_counts_sign_in_posts_on_both_instances_together()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        var address = cluster.NewClientAddress();
        using var onA = cluster.A.Client(headers: address);
        using var onB = cluster.B.Client(headers: address);

        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var attempt = 0; attempt < TwoInstances.LoginAttemptsPerMinute + 2; attempt++)
        {
            var client = attempt % 2 == 0 ? onA : onB;
            var login = await client.GetPageAsync("/Account/Login");
            using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@test.local",
                ["Input.Password"] = "whatever-password",
            });
            statuses.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.Delta;
        }

        // Two posts to each instance alone would be within its limit of four; together they are not.
        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.OK, TwoInstances.LoginAttemptsPerMinute), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses);
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);

        // Another client address is not held back by this one.
        using var other = cluster.B.Client(headers: cluster.NewClientAddress());
        var page = await other.GetPageAsync("/Account/Login");
        using var allowed = await other.SubmitAsync(page, "form", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@test.local",
            ["Input.Password"] = "whatever-password",
        });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [SkippableFact]
    public async Task The_health_check_covers_Redis()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        using var client = cluster.A.Client();
        using var healthy = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        // An instance whose Redis is unreachable still starts and serves sign-ins (counting them
        // itself), and says it is unhealthy.
        var unreachable = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        unreachable.Start();
        var port = ((IPEndPoint)unreachable.LocalEndpoint).Port;
        unreachable.Stop();
        var databasePath = AppInstance.NewDatabasePath();
        using var broken = new AppInstance("no Redis", databasePath, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ProductRoles.Web.Infrastructure.ScaleOut.ScaleOutServices.RedisConnectionStringKey] = $"127.0.0.1:{port},connectTimeout=500",
        }, ownsDatabase: true).Start();
        using var brokenClient = broken.Client();
        using (var unhealthy = await brokenClient.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        }

        await brokenClient.SignInAsync(AppFixture.Po, AppFactory.DemoPassword);
        await brokenClient.GetPageAsync(Home);
    }

    [SkippableFact]
    public async Task The_rank_rebalancer_runs_on_one_instance_at_a_time_and_the_other_takes_over_when_it_stops()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        // A pair of its own, so that one of them can be stopped; ticks of 3 s (the lease lasts two ticks), so that a
        // holder slowed down by a busy machine still renews the lease in time.
        var databasePath = AppInstance.NewDatabasePath();
        var first = WithTicksOfThreeSeconds(cluster.NewInstance("first", databasePath)).Start();
        var second = WithTicksOfThreeSeconds(cluster.NewInstance("second", databasePath)).Start();
        try
        {
            var rebalancers = new[] { first, second }.ToDictionary(i => i, Rebalancer);
            // Look every 0.1 s: the lease passes from one holder to another only once it has expired, so two looks that
            // close together never see both instances' runs grow, unless both ran at once.
            var seen = rebalancers.ToDictionary(r => r.Key, _ => 0);
            await Until(() =>
            {
                var now = rebalancers.ToDictionary(r => r.Key, r => r.Value.RunsHoldingTheLease);
                Assert.False(now.All(n => n.Value > seen[n.Key]), "Both instances rebalanced at the same time.");
                seen = now;
                return now.Values.Any(runs => runs >= 3);
            }, "one instance has rebalanced three times");

            // The holder stops (and gives the lease up): the other one carries on with the work.
            var holder = seen.MaxBy(n => n.Value).Key;
            var standby = holder == first ? second : first;
            var standbyRuns = rebalancers[standby].RunsHoldingTheLease;
            holder.Dispose();
            await Until(() => rebalancers[standby].RunsHoldingTheLease > standbyRuns, $"{standby} took the lease over");
        }
        finally
        {
            first.Dispose();
            second.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }
        }
    }

    private static AppInstance WithTicksOfThreeSeconds(AppInstance instance)
    {
        instance.Settings["Backlog:RebalanceMinutes"] = "0.05";
        return instance;
    }

    private static BacklogRankRebalancer Rebalancer(AppInstance instance) =>
        instance.Services.GetServices<IHostedService>().OfType<BacklogRankRebalancer>().Single();

    /// <summary>Waits for a condition (not a timing assertion: the limit only stops a hung test).</summary>
    private static async Task Until(Func<bool> condition, string what)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, $"Gave up waiting until {what}.");
            await Task.Delay(100);
        }
    }
}
