using System.Net;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProductRoles.Tests.Infrastructure.TestData;
using ProductRoles.Web.Data.Identity;

namespace ProductRoles.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (a free loopback port, fresh SQLite database, demo data) and a headless
/// Debian Chromium driven by Playwright. Shared by the journeys of one collection.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime, ITestApp
{
    public const string DemoPassword = "ProductRoles-demo-2026";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"productroles-browser-{Guid.NewGuid():N}.db");
    private readonly IReadOnlyDictionary<string, string> _settings;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public BrowserApp()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>With settings of a fixture's own on top (e.g. a mail server); internal, so xunit sees one public constructor.</summary>
    internal BrowserApp(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    public IBrowser? Browser { get; private set; }
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Why the journeys cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        var chromium = ChromiumLocator.Find();
        if (chromium is null)
        {
            SkipReason = ChromiumLocator.MissingReason;
            if (ChromiumLocator.IsCi)
            {
                throw new InvalidOperationException("CI=true but " + ChromiumLocator.MissingReason);
            }

            return;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:ProductRoles", $"Data Source={_databasePath}");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Demo:Password", DemoPassword);
            builder.UseSetting("Security:LoginAttemptsPerMinute", "10000");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }
        });
        // Port 0 as a number means "unset" to Kestrel (it falls back to :5000); listen on an explicit
        // loopback endpoint with port 0 so parallel runs get a free port each.
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // As root in a sandboxless container, and with no network beyond loopback.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Works on the app's database directly (unscoped), for data a journey needs that the demo seed lacks.</summary>
    public async Task<T> WithDbAsync<T>(Func<ProductRoles.Web.Data.AppDbContext, Task<T>> work)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ProductRoles.Web.Data.AppDbContext>());
    }

    /// <summary>A product of the journey's own, made with the integration tests' builders; its members are the demo users.</summary>
    public ProductBuilder NewProduct(string name) => new(this, name);

    /// <summary>Runs handler code through the real mediator pipeline as the given user (what the builders send).</summary>
    public async Task AsUserAsync(string email, Func<ISender, Task> action)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim("display_name", user.DisplayName));
        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = services };
        try
        {
            await action(services.GetRequiredService<ISender>());
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }

    public async Task<T> AsUserAsync<T>(string email, Func<ISender, ValueTask<T>> action)
    {
        T result = default!;
        await AsUserAsync(email, async sender => { result = await action(sender); });
        return result;
    }

    public Task<T> QueryAsync<T>(Func<ProductRoles.Web.Data.AppDbContext, Task<T>> query) => WithDbAsync(query);

    /// <summary>A fresh browser context (own cookies) on a page signed in as the given demo user.</summary>
    public async Task<IPage> SignInAsync(string email)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        // Generous: on a shared 2-core machine a page load has taken over 15 s (a ceiling, not a timed assertion).
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _factory?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
