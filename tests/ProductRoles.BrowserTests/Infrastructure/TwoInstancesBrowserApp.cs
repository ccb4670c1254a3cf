using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProductRoles.Tests.Infrastructure.ScaleOut;

namespace ProductRoles.BrowserTests.Infrastructure;

/// <summary>
/// Two app instances on Kestrel over one SQLite file (demo data) and one real redis-server, and a
/// headless Chromium: people on different instances, as behind a load balancer. Skips without
/// Chromium or redis-server, except under CI=true, where either missing is a failure.
/// </summary>
public sealed class TwoInstancesBrowserApp : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"productroles-browser-scaleout-{Guid.NewGuid():N}.db");
    private readonly List<WebApplicationFactory<Program>> _instances = [];
    private RedisServer? _redis;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string UrlA { get; private set; } = string.Empty;
    public string UrlB { get; private set; } = string.Empty;

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

        (_redis, SkipReason) = await RedisServer.StartAsync();
        if (_redis is null)
        {
            return;
        }

        // A first: it builds and seeds the database; B finds it ready.
        UrlA = Start();
        UrlB = Start();
        using (var warmUp = new HttpClient())
        {
            foreach (var url in new[] { UrlA, UrlB })
            {
                (await warmUp.GetAsync(url + "/Account/Login")).Dispose();
            }
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (own cookies) signed in as the demo user on the instance at <paramref name="baseUrl"/>.</summary>
    public async Task<IPage> SignInAsync(string email, string baseUrl)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        // Two apps and a browser on shared cores: a first page of an instance can take a while to compile.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(BrowserApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    private string Start()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:ProductRoles", $"Data Source={_databasePath}");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Demo:Password", BrowserApp.DemoPassword);
            builder.UseSetting("Security:LoginAttemptsPerMinute", "10000");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Redis:ConnectionString", _redis!.ConnectionString);
            builder.UseSetting("Redis:ChannelPrefix", "productroles-browser-tests");
        });
        _instances.Add(factory);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var instance in Enumerable.Reverse(_instances))
        {
            await instance.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}

/// <summary>Its own apps and browser, started when no other collection runs: apps starting at once race for ports.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoInstancesBrowserCollection : ICollectionFixture<TwoInstancesBrowserApp>
{
    public const string Name = "two-instances-browser";
}
