using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Web.Data;

namespace ProductRoles.Tests.Data;

[Collection(AppCollection.Name)]
public sealed class SqliteDatabaseTests(AppFixture app)
{
    [Fact]
    public async Task The_database_runs_in_wal_mode_with_a_busy_timeout()
    {
        var (journal, timeout) = await app.QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var journalMode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA busy_timeout;";
            var busy = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return (journalMode, busy);
        });
        Assert.Equal("wal", journal);
        Assert.Equal(5000, timeout);
    }

    [Fact]
    public async Task The_database_was_built_from_every_migration()
    {
        var (applied, known) = await app.QueryAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.NotEmpty(applied);
        Assert.Equal(known, applied);
    }

    [Fact]
    public async Task Seeding_again_neither_duplicates_nor_fails()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<ProductRoles.Web.Data.Seeding.DemoSeeder>();
        var before = await app.QueryAsync(async db => (await db.Products.CountAsync(), await db.Users.CountAsync(), await db.Activities.CountAsync()));
        await seeder.SeedAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var after = await app.QueryAsync(async db => (await db.Products.CountAsync(), await db.Users.CountAsync(), await db.Activities.CountAsync()));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database()
    {
        Assert.True(await app.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public void A_relative_sqlite_path_is_taken_from_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "pr-root-" + Guid.NewGuid().ToString("N"));
        var connection = DataServices.ResolveSqliteConnectionString("Data Source=App_Data/x.db", root);
        Assert.Contains(Path.Combine(root, "App_Data", "x.db"), connection);
        Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        Directory.Delete(root, recursive: true);
    }
}
