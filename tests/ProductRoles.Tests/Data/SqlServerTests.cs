using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Testcontainers.MsSql;

namespace ProductRoles.Tests.Data;

/// <summary>
/// The app against a real SQL Server in a container: migrations apply, the demo seeds, and the
/// concurrency token works. Needs a Docker engine; skipped with the reason where there is none.
/// </summary>
public sealed class SqlServerTests
{
    [SkippableFact]
    public async Task The_app_migrates_seeds_and_detects_stale_saves_on_sql_server()
    {
        Skip.IfNot(DockerAvailable(), "No Docker engine here (no /var/run/docker.sock or DOCKER_HOST), so no SQL Server container can start.");

        await using var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync();
        using var factory = new AppFactory();
        factory.Settings["Database:Provider"] = "SqlServer";
        factory.Settings["ConnectionStrings:ProductRoles"] = container.GetConnectionString();
        using var client = new TestClient(factory);
        await client.SignInAsync(AppFixture.Pm, AppFactory.DemoPassword);
        var home = await client.GetPageAsync("/p/acme-checkout");
        Assert.Equal("Acme Checkout", home.Heading());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductRoles.Web.Data.AppDbContext>();
        Assert.True(db.Database.IsSqlServer());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        // The integer version token works on SQL Server as on SQLite: the second of two saves loses.
        await using var otherScope = factory.Services.CreateAsyncScope();
        var other = otherScope.ServiceProvider.GetRequiredService<ProductRoles.Web.Data.AppDbContext>();
        var mine = await db.Products.SingleAsync(p => p.Slug == "acme-checkout");
        var theirs = await other.Products.SingleAsync(p => p.Slug == "acme-checkout");
        theirs.Name = "Theirs";
        await other.SaveChangesAsync();
        mine.Name = "Mine";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
    }

    private static bool DockerAvailable() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");
}
