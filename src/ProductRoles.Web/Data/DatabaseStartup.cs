using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data.Seeding;

namespace ProductRoles.Web.Data;

/// <summary>Brings the database up to date when the app starts, then seeds the demo when configured.</summary>
public static class DatabaseStartup
{
    public static async Task InitializeAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while one writer writes; the setting is stored in the file.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync();

        if (configuration.GetValue<bool>("Demo:Seed"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(logger);
        }
    }
}
