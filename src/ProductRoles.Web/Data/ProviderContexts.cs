using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Data;

/// <summary>SQLite flavour of the model; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(
    DbContextOptions<SqliteAppDbContext> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : AppDbContext(options, currentUser, clock);

/// <summary>SQL Server flavour of the model; migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(
    DbContextOptions<SqlServerAppDbContext> options, ICurrentUser? currentUser = null, TimeProvider? clock = null)
    : AppDbContext(options, currentUser, clock)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Rank keys (backlog, roadmap) are compared ordinally, as SQLite's default BINARY collation does;
        // SQL Server's default collation ignores case, which would make "a" equal "A".
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                     .Where(p => p.Name == "Rank" && p.ClrType == typeof(string)))
        {
            property.SetCollation("Latin1_General_BIN2");
        }
    }
}

/// <summary>Lets `dotnet ef migrations add --context SqliteAppDbContext` build the model without the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets `dotnet ef migrations add --context SqlServerAppDbContext` build the model without a server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=localhost;Database=ProductRoles;Trusted_Connection=True").Options);
}
