using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Tests.Access;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Data.Seeding;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Administration;

namespace ProductRoles.Tests.Security.HostileInput;

/// <summary>
/// An app of the walk's own with a product of its own: created by the administrator through the
/// app's commands (CreateProduct, SetMemberRole for a demo user per role), then filled by the app's
/// own demo seed steps (vision, goals, insights, roadmap, backlog, feedback, Definition of Done, an
/// active and a closed sprint with tasks, review and retrospective), so every page with an id has
/// something to show. Hostile posts never touch the demo product.
/// </summary>
public sealed class HostileWalkFixture : IAsyncLifetime
{
    public const string Slug = "hostile-walk";

    public AppFixture App { get; } = new();

    /// <summary>A signed-in client per role, plus an anonymous one (the sign-in page).</summary>
    public Dictionary<string, TestClient> Clients { get; } = [];

    public static readonly IReadOnlyDictionary<Who, string> Emails = new Dictionary<Who, string>
    {
        [Who.Admin] = AppFixture.Admin,
        [Who.ProductManager] = AppFixture.Pm,
        [Who.ProductOwner] = AppFixture.Po,
        [Who.ScrumMaster] = AppFixture.Sm,
        [Who.Developer] = AppFixture.Dev,
        [Who.Stakeholder] = AppFixture.Stakeholder,
    };

    private static readonly Dictionary<Who, ProductRole> RoleOf = new()
    {
        [Who.ProductManager] = ProductRole.ProductManager,
        [Who.ProductOwner] = ProductRole.ProductOwner,
        [Who.ScrumMaster] = ProductRole.ScrumMaster,
        [Who.Developer] = ProductRole.Developer,
        [Who.Stakeholder] = ProductRole.Stakeholder,
    };

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await App.AsUserAsync(AppFixture.Admin, async sender =>
        {
            await sender.Send(new CreateProduct("Hostile walk", Slug, LifecycleStage.Growth, "The hostile-input walk's own product."));
            foreach (var (who, role) in RoleOf)
            {
                await sender.Send(new SetMemberRole(Slug, Emails[who], role));
            }
        });

        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var product = await db.Products.SingleAsync(p => p.Slug == Slug);
            var byRole = new Dictionary<ProductRole, AppUser>();
            foreach (var (who, role) in RoleOf)
            {
                byRole[role] = (await users.FindByEmailAsync(Emails[who]))!;
            }

            var context = new DemoSeedContext(db, product, byRole, (await users.FindByEmailAsync(AppFixture.Admin))!,
                services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            foreach (var step in services.GetServices<IDemoSeedStep>().OrderBy(s => s.Order))
            {
                await step.SeedAsync(context, CancellationToken.None);
            }
        }

        // A webhook, so the walk reaches its page and forms (a public literal address; this app sends nothing).
        await App.AsUserAsync(AppFixture.Pm, sender => sender.Send(new ProductRoles.Web.Features.Webhooks.SubscribeWebhook(
            Slug, "https://192.0.2.10/hooks", [.. ProductRoles.Web.Domain.Webhooks.WebhookEvents.All])).AsTask());

        await AddImportsAsync();
        foreach (var (who, email) in Emails)
        {
            Clients[who.ToString()] = await App.SignInAsync(email);
        }

        Clients["Anonymous"] = App.CreateClient();
    }

    // Two backlog imports, so the walk reaches their pages from the import list: one waiting on its preview (a bad
    // row under "stop", so a walked Start is refused) and one that has finished (its progress page).
    private async Task AddImportsAsync()
    {
        foreach (var (csv, finished) in new[]
                 {
                     ("Summary,Issue key,Issue Type,Status,Custom field (Story Points)\r\nPay by card,HW-1,Story,In Review,three\r\nRefund,HW-2,Bug,Done,3\r\n", false),
                     ("Summary,Issue key,Issue Type,Status\r\nShow the receipt,HW-3,Story,To Do\r\n", true),
                 })
        {
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
            var id = await App.AsUserAsync(AppFixture.Po, sender => sender.Send(new ProductRoles.Web.Features.ProductOwner.Import.UploadBacklogImport(Slug, "jira.csv", content)));
            if (finished)
            {
                await App.QueryAsync(db => db.BacklogImports.Where(i => i.Id == id).ExecuteUpdateAsync(u => u
                    .SetProperty(i => i.State, ProductRoles.Web.Domain.Backlog.Import.ImportState.Failed)
                    .SetProperty(i => i.Message, "The walk's finished import.")));
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in Clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }

    /// <summary>What a refused post must leave alone: the product's history and the admin's counts.</summary>
    public Task<string> FingerprintAsync() => App.QueryAsync(async db =>
        $"history {await db.Activities.CountAsync(a => db.Products.Any(p => p.Slug == Slug && p.Id == a.ProductId))}, " +
        $"users {await db.Users.CountAsync()}, products {await db.Products.CountAsync()}, members {await db.ProductMembers.CountAsync()}");
}

/// <summary>The hostile tests share the walk's app: it is theirs alone, so what they post never reaches the shared demo app.</summary>
[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileWalkFixture>
{
    public const string Name = "hostile";
}
