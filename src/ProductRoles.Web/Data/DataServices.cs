using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProductRoles.Web.Data.Auditing;

namespace ProductRoles.Web.Data;

public static class DataServices
{
    public const string ConnectionStringName = "ProductRoles";

    /// <summary>
    /// Registers <see cref="AppDbContext"/> for the configured provider: SQLite (default, a file under
    /// the app's data folder) or SQL Server. Each provider's subclass carries its own migration set.
    /// </summary>
    public static IServiceCollection AddAppData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        services.AddSingleton<SqliteWriteQueue>();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.Equals(provider, "SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:ProductRoles is empty.");
            }

            services.AddPooledDbContextFactory<SqlServerAppDbContext>(o => o.UseSqlServer(connectionString));
            services.AddScoped<AppDbContext>(s => Lease<SqlServerAppDbContext>(s, openConnection: false));
        }
        else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var sqlite = ResolveSqliteConnectionString(connectionString, contentRoot);
            services.AddPooledDbContextFactory<SqliteAppDbContext>(o =>
                o.UseSqlite(sqlite).AddInterceptors(SqliteBusyTimeoutInterceptor.Instance));
            services.AddScoped<AppDbContext>(s => Lease<SqliteAppDbContext>(s, openConnection: true));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer, not '{provider}'.");
        }

        return services;
    }

    /// <summary>
    /// One context per request scope, leased from a pool: building a context's options and internal
    /// services on every request was most of what a page view allocated. The pool resets the change
    /// tracker; the per-request state (who is saving, the clock, the history note) is set here.
    /// Disposing the scope returns the context to the pool, which also closes its connection.
    /// </summary>
    /// <param name="openConnection">
    /// SQLite: one connection for the whole request instead of one per query. Every open and close
    /// takes the SQLite connection pool's lock, and a page's 6–8 queries on busy cores made that lock
    /// the largest wait in a trace of the sprint review page. SQL Server's pool does not contend so.
    /// </param>
    private static AppDbContext Lease<TContext>(IServiceProvider services, bool openConnection)
        where TContext : AppDbContext
    {
        var db = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        db.CurrentUser = services.GetService<IChangeAuthor>();
        db.ProductScope = services.GetService<IProductScope>();
        db.Clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        db.ActivityNote = null;
        db.AddedAction = null;
        if (openConnection)
        {
            db.Database.OpenConnection();
        }

        return db;
    }

    /// <summary>A relative SQLite path is taken from the app's content root, and its folder is created.</summary>
    public static string ResolveSqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/productroles.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}

/// <summary>
/// Concurrent writers on SQLite wait for the lock (up to 5 s) instead of failing with "database is locked".
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeoutInterceptor Instance = new();

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000;";
        command.ExecuteNonQuery();
    }
}
