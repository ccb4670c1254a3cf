using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Tests.Data;

/// <summary>
/// Contexts are leased from a pool, one per request scope. A context handed to the next request
/// must carry nothing of the previous one: no history note, no tracked entities, the new caller.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DbContextPoolingTests(AppFixture app)
{
    [Fact]
    public async Task A_context_reused_from_the_pool_carries_nothing_of_the_previous_request()
    {
        AppDbContext first;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            first.ActivityNote = "customer escalation";
            _ = await first.Products.FirstAsync(p => p.Slug == AppFixture.DemoSlug);
            Assert.NotEmpty(first.ChangeTracker.Entries());
        }

        // Other work in the app may lease from the pool meanwhile: take enough leases to meet the context again.
        var scopes = Enumerable.Range(0, 20).Select(_ => app.Factory.Services.CreateAsyncScope()).ToList();
        try
        {
            var leased = scopes.Select(s => (Scope: s, Db: s.ServiceProvider.GetRequiredService<AppDbContext>())).ToList();
            var (scope, second) = Assert.Single(leased, l => ReferenceEquals(l.Db, first));
            Assert.Null(second.ActivityNote);
            Assert.Empty(second.ChangeTracker.Entries());
            Assert.Same(scope.ServiceProvider.GetRequiredService<ICurrentUser>(), second.CurrentUser);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_request_keeps_one_sqlite_connection_for_all_its_queries_and_returning_the_context_closes_it()
    {
        System.Data.Common.DbConnection connection;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            connection = db.Database.GetDbConnection();
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
            _ = await db.Products.CountAsync();
            _ = await db.ProductMembers.CountAsync();
            // Had EF opened the connection itself, it would have closed it after each query.
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        }

        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task History_rows_name_the_user_of_the_request_that_saved_even_on_a_reused_context()
    {
        var slug = "pool-history-" + Guid.NewGuid().ToString("N")[..8];
        await app.AsUserAsync(AppFixture.Admin, sender =>
            sender.Send(new ProductRoles.Web.Features.Administration.CreateProduct("Pool history", slug, LifecycleStage.Discovery, null)).AsTask());
        await app.AsUserAsync(AppFixture.Admin, async sender =>
        {
            var db = ((DefaultHttpContext)app.Factory.Services.GetRequiredService<IHttpContextAccessor>().HttpContext!)
                .RequestServices.GetRequiredService<AppDbContext>();
            var product = await db.Products.SingleAsync(p => p.Slug == slug);
            product.Description = "Renamed by the pool test.";
            await db.SaveChangesAsync();
        });

        var rows = await app.QueryAsync(db => db.Activities
            .Where(a => a.EntityType == nameof(Product) && db.Products.Any(p => p.Slug == slug && p.Id == a.ProductId))
            .Select(a => new { a.Action, a.UserName }).ToListAsync());
        Assert.Contains(rows, r => r.Action == "Updated");
        var creator = Assert.Single(rows, r => r.Action == "Created").UserName;
        Assert.NotEqual("system", creator);
        Assert.All(rows, r => Assert.Equal(creator, r.UserName));
    }
}
