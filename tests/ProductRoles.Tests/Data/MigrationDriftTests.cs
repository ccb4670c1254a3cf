using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;

namespace ProductRoles.Tests.Data;

/// <summary>Both migration sets are generated from the same model; neither may lag behind it.</summary>
public sealed class MigrationDriftTests
{
    [Fact]
    public void The_sqlite_migrations_cover_every_model_change()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the SQLite migrations lack: add a migration (see README, 'Adding a migration').");
    }

    [Fact]
    public void The_sql_server_migrations_cover_every_model_change()
    {
        // Comparing the model with the migrations' snapshot needs no server.
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes the SQL Server migrations lack: add a migration (see README, 'Adding a migration').");
    }

    [Fact]
    public void Both_migration_sets_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }
}
