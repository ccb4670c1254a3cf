using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProductRoles.BrowserTests.Infrastructure;
using ProductRoles.Tests.Access;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Features.ProductManager.Research;
using ProductRoles.Web.Features.ProductManager.Roadmap;
using ProductRoles.Web.Features.ProductManager.RoadmapFeedback;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Features.Scrum.Retrospective;
using ProductRoles.Web.Features.Scrum.SprintBoard;
using ProductRoles.Web.Features.Scrum.SprintReview;

namespace ProductRoles.BrowserTests.Sweeps;

/// <summary>
/// The app on Kestrel with the integration tests' fixture (so the sweeps use the same builders and the same
/// <see cref="AccessProduct"/> the access walk checks every page against), one headless Chromium, and one
/// signed-in browser context per persona, reused for every page that persona visits.
/// </summary>
public sealed class SweepApp : IAsyncLifetime
{
    private readonly Dictionary<Who, IBrowserContext> _contexts = [];
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private AppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static readonly Dictionary<Who, string> Emails = new()
    {
        [Who.Admin] = AppFixture.Admin,
        [Who.ProductManager] = AppFixture.Pm,
        [Who.ProductOwner] = AppFixture.Po,
        [Who.ScrumMaster] = AppFixture.Sm,
        [Who.Developer] = AppFixture.Dev,
        [Who.Stakeholder] = AppFixture.Stakeholder,
    };

    /// <summary>Why the sweeps cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public AppFixture App { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public AccessProduct Product { get; private set; } = null!;

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

        _factory = new AppFactory();
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().TrimEnd('/');
        App = new AppFixture { Factory = _factory };
        Product = await AccessProduct.GetAsync(App);
        await FillInAsync(Product);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A page in the persona's own signed-in context (null: signed out), at the given viewport.</summary>
    public async Task<IPage> NewPageAsync(Who? who, int width, int height)
    {
        var context = await ContextAsync(who);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        return page;
    }

    private async Task<IBrowserContext> ContextAsync(Who? who)
    {
        if (who is null)
        {
            return await NewContextAsync();
        }

        await _signIn.WaitAsync();
        try
        {
            if (_contexts.TryGetValue(who.Value, out var signedIn))
            {
                return signedIn;
            }

            var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("Email").FillAsync(Emails[who.Value]);
            await page.GetByLabel("Password").FillAsync(AppFactory.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
            await page.CloseAsync();
            return _contexts[who.Value] = context;
        }
        finally
        {
            _signIn.Release();
        }
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        // Generous: on a shared 2-core machine a page load has taken over 15 s (a ceiling, not a timed assertion).
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>
    /// What the access product lacks for the pages to show every kind of thing they can: a card in each
    /// horizon and a dropped one, a published roadmap, roadmap feedback, a competitor, tasks and a burndown
    /// on the board, comments, a written retrospective and sprint review with stakeholder feedback.
    /// </summary>
    private async Task FillInAsync(AccessProduct access)
    {
        var product = access.Product;
        var slug = product.Slug;
        await product.RoadmapItem("Pay with a saved card").In(RoadmapHorizon.Now).Quarter("2027-Q1").ForGoals(access.GoalId).CreateAsync();
        await product.RoadmapItem("Guest checkout").In(RoadmapHorizon.Next).CreateAsync();
        await product.RoadmapItem("Cash on delivery").In(RoadmapHorizon.Later).Status(RoadmapItemStatus.Dropped).CreateAsync();
        await product.SendAsync(AppFixture.Pm, new PublishRoadmap(slug, "First publish"));
        await product.RoadmapItem("Pay later").In(RoadmapHorizon.Next).CreateAsync();
        await product.SendAsync(AppFixture.Po, new GiveRoadmapFeedback(slug, access.RoadmapItemId, RoadmapFeedbackKind.Risk, "Card storage needs a PCI review."));
        await product.SendAsync(AppFixture.Pm, new AddCompetitor(slug, "PayFast", "Fast **checkout**", "No wallets", "Budget shops"));
        await product.SendAsync(AppFixture.Dev, new AddBacklogComment(slug, access.BacklogItemId, "Which cards do we keep?"));

        var second = await product.BacklogItem("Show the card's last digits").ForRoadmapItem(access.RoadmapItemId).CreateAsync();
        await product.SendAsync(AppFixture.Sm, new Web.Features.Scrum.Sprints.PlanSprintItem(slug, access.ActiveSprintId, second));
        var dev = await App.QueryAsync(db => db.Users.Where(u => u.Email == AppFixture.Dev).Select(u => u.Id).SingleAsync());
        await product.SendAsync(AppFixture.Dev, new AddSprintTask(slug, access.ActiveSprintId, access.ActiveSprintItemId, "Store the token", dev, 5));
        await product.SendAsync(AppFixture.Dev, new AddSprintTask(slug, access.ActiveSprintId, second, "Mask the number", null, 3));
        var version = await App.QueryAsync(db => db.BacklogItems.Where(i => i.Id == second).Select(i => i.Version).SingleAsync());
        await product.SendAsync(AppFixture.Dev, new MoveSprintCard(slug, access.ActiveSprintId, second, BoardColumn.InProgress, version));
        await product.SendAsync(AppFixture.Sm, new RecordSprintProgress(slug, access.ActiveSprintId));

        await product.SendAsync(AppFixture.Sm, new SaveRetrospective(slug, access.ClosedSprintId, "Pairing on the **API**", "Smaller stories", 0));
        var review = await App.QueryAsync(db => db.SprintReviews.Where(r => r.SprintId == access.ClosedSprintId).Select(r => (int?)r.Version).SingleOrDefaultAsync());
        await product.SendAsync(AppFixture.Po, new RecordSprintReview(slug, access.ClosedSprintId, true, "Shoppers **liked** it.", review ?? 0));
        await product.SendAsync(AppFixture.Stakeholder, new GiveSprintReviewFeedback(slug, access.ClosedSprintId, "Can we have it on mobile too?"));

        // The mail outbox with a mail waiting after a failed try and one failed (mail is off here: rows as the sender leaves them).
        var mail = new Web.Features.Notifications.MailPayload(new Web.Features.Notifications.NotificationMail(
            Web.Domain.Notifications.NotificationKind.Mention, "Access product", "Oliver Owens (PO) mentioned you in a comment on #1 “Pay with a saved card”",
            $"/p/{slug}/backlog/{access.BacklogItemId}", "you were mentioned")).ToJson();
        await App.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var waiting = Web.Data.Outbox.OutboxMessage.New(Web.Features.Notifications.NotificationMailOutbox.Kind, dev, mail, now);
            (waiting.Attempts, waiting.NextAttemptAt, waiting.FirstAttemptAt, waiting.LastError) =
                (2, now.AddHours(1), now, "The mail server did not take it: Connection refused 127.0.0.1:25");
            var failed = Web.Data.Outbox.OutboxMessage.New(Web.Features.Notifications.NotificationMailOutbox.Kind, dev, mail, now.AddDays(-2));
            (failed.State, failed.Attempts, failed.LastError) = (Web.Data.Outbox.OutboxMessageState.Held, 31, "The mail server did not take it: 550 mailbox unavailable");
            db.OutboxMessages.AddRange(waiting, failed);
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts.Values)
        {
            await context.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _signIn.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

/// <summary>The sweeps share one app and one browser, and run alone: they visit every page of it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SweepCollection : ICollectionFixture<SweepApp>
{
    public const string Name = "sweeps";
}
