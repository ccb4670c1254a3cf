using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;

namespace ProductRoles.Bench;

/// <summary>
/// The real app on Kestrel (loopback, a free port) as production runs it: environment "Production",
/// no demo seed, a fresh SQLite file built by the app's own migrations. The only addition is the
/// SQL statement counter, an EF Core interceptor that does nothing but count (and the busy time-out
/// counter beside it). Given a SQL Server connection string (<c>--sql-server</c>), it runs on that database
/// instead, once <see cref="BenchDatabaseGuard"/> has found it empty or the benchmark's own and marked it.
/// </summary>
public sealed partial class AppUnderTest(string? sqlServer = null) : WebApplicationFactory<Program>
{
    public const string Password = "Bench-harbour-lantern-2026";

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"productroles-bench-{Guid.NewGuid():N}.db");

    public SqlStatementCounter Statements { get; } = new();

    public BusyTimeoutCounter BusyTimeouts { get; } = new();

    /// <summary>The SQL Server connection string the run was given, or null: a fresh SQLite file.</summary>
    public string? SqlServer { get; } = sqlServer;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string ConnectionString => SqlServer ?? $"Data Source={DatabasePath}";

    /// <summary>Where the import benchmark's files wait for the runner.</summary>
    public string ImportFolder { get; } = Path.Combine(Path.GetTempPath(), $"productroles-bench-imports-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", SqlServer is null ? "Sqlite" : "SqlServer");
        builder.UseSetting("ConnectionStrings:ProductRoles", ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        // No webhooks here, and the outbox sender's polls would count as a page's SQL statements.
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Import:Folder", ImportFolder);
        // One request log line per request on the console would measure the console, not the app.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:ProductRoles.Web.Infrastructure.Pipeline", "Warning");
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Statements, BusyTimeouts.Commands, BusyTimeouts.Transactions));
            services.ConfigureDbContext<SqlServerAppDbContext>(o => o.AddInterceptors(Statements));
            services.AddSingleton(BusyTimeouts.Requests);
        });
    }

    public void Start()
    {
        if (SqlServer is not null)
        {
            // Before the app's migrations write anything: refuse a database that holds anyone else's data.
            BenchDatabaseGuard.PrepareAsync(SqlServer).GetAwaiter().GetResult();
        }

        PointContentRootAtTheApp();
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    /// <summary>
    /// WebApplicationFactory looks for its manifest in the current directory, which under
    /// <c>dotnet run</c> is the repository, not the output folder: name the app's content root explicitly.
    /// </summary>
    private static void PointContentRootAtTheApp()
    {
        const string Variable = "ASPNETCORE_TEST_CONTENTROOT_PRODUCTROLES_WEB";
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        if (Environment.GetEnvironmentVariable(Variable) is null && File.Exists(manifest))
        {
            var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))!;
            var root = roots.FirstOrDefault(r => r.Key.StartsWith("ProductRoles.Web,", StringComparison.Ordinal)).Value;
            if (root is not null && Directory.Exists(root))
            {
                Environment.SetEnvironmentVariable(Variable, root);
            }
        }
    }

    /// <summary>Creates a user through Identity, as the administration page does.</summary>
    public async Task<AppUser> CreateUserAsync(string email, string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        return user;
    }

    /// <summary>Creates a product with the user as a member in the given role, through the app's model.</summary>
    public async Task<int> CreateProductAsync(string name, string slug, AppUser member, ProductRole role)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var product = new Product
        {
            Name = name,
            Slug = slug,
            Stage = LifecycleStage.Growth,
            Description = "A product generated by the benchmark.",
            CreatedAt = now,
        };
        product.Members.Add(new ProductMember { UserId = member.Id, UserEmail = member.Email!, Role = role, AddedAt = now });
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }

    /// <summary>Gives another user a role in an existing product.</summary>
    public Task AddMemberAsync(int productId, AppUser member, ProductRole role) =>
        WithDbAsync(async db =>
        {
            db.ProductMembers.Add(new ProductMember { ProductId = productId, UserId = member.Id, UserEmail = member.Email!, Role = role, AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

    public async Task WithDbAsync(Func<AppDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// Signs in over HTTP exactly as a browser does: GET the login form, POST it with its
    /// antiforgery token. Returns the Cookie header that later requests send.
    /// </summary>
    public async Task<string> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        var form = await client.GetStringAsync("Account/Login");
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The login form has no antiforgery token.");
        }

        using var body = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync("Account/Login", body);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect.");
        }

        var header = cookies.GetCookieHeader(BaseAddress);
        if (!header.Contains("ProductRoles.Auth", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in as {email} set no login cookie.");
        }

        return header;
    }

    /// <summary>The session row the login cookie is tied to (the baseline checks the same row).</summary>
    public Task<(string SessionId, string UserId)> LatestSessionAsync(string userId) =>
        WithDbAsync(async db =>
        {
            var session = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId)
                .OrderByDescending(s => s.CreatedAt).FirstAsync();
            return (session.Id.ToString().ToUpperInvariant(), userId);
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }

            if (Directory.Exists(ImportFolder))
            {
                Directory.Delete(ImportFolder, recursive: true);
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
