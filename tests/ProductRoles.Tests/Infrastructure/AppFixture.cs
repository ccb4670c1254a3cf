using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Administration;

namespace ProductRoles.Tests.Infrastructure;

/// <summary>
/// One running app shared by a test collection: the demo product with a user per role, plus an
/// "outsider" who belongs only to another product. Tests that change data make a product of their
/// own (<see cref="NewProduct"/>); only tests about the demo seed read the demo product.
/// </summary>
public sealed class AppFixture : IAsyncLifetime, TestData.ITestApp
{
    public const string DemoSlug = "acme-checkout";
    public const string OtherSlug = "outsiders-product";
    public const string Admin = "admin@demo.local";
    public const string Pm = "pm@demo.local";
    public const string Po = "po@demo.local";
    public const string Sm = "sm@demo.local";
    public const string Dev = "dev@demo.local";
    public const string Stakeholder = "stakeholder@demo.local";
    public const string Outsider = "outsider@test.local";

    /// <summary>The app under test; a fixture of its own may set one with extra services (e.g. a failure to inject).</summary>
    public AppFactory Factory { get; init; } = new();

    public async Task InitializeAsync()
    {
        _ = Factory.Server; // starts the app: migrations and demo seed run here
        await AsUserAsync(Admin, async sender =>
        {
            await sender.Send(new CreateUser(Outsider, "Olga Outsider", AppFactory.DemoPassword, false));
            await sender.Send(new CreateProduct("Outsider's product", OtherSlug, LifecycleStage.Development, null));
            await sender.Send(new SetMemberRole(OtherSlug, Outsider, ProductRole.ProductManager));
        });
    }

    public Task DisposeAsync()
    {
        foreach (var client in _sharedClients.Values)
        {
            client.Dispose();
        }

        Factory.Dispose();
        return Task.CompletedTask;
    }

    private readonly Dictionary<string, TestClient> _sharedClients = [];

    public TestClient CreateClient() => new(Factory);

    /// <summary>A product of the test's own (see <see cref="TestData.ProductBuilder"/>).</summary>
    public TestData.ProductBuilder NewProduct(string name) => new(this, name);

    /// <summary>
    /// A signed-in client kept for the whole collection, for tests that only read or are refused;
    /// a test that signs out or changes its session must use <see cref="SignInAsync"/>.
    /// </summary>
    public async Task<TestClient> SharedClientAsync(string email)
    {
        if (!_sharedClients.TryGetValue(email, out var client))
        {
            _sharedClients[email] = client = await SignInAsync(email);
        }

        return client;
    }

    public async Task<TestClient> SignInAsync(string email)
    {
        var client = CreateClient();
        await client.SignInAsync(email, AppFactory.DemoPassword);
        return client;
    }

    /// <summary>Runs handler code through the real mediator pipeline as the given user.</summary>
    public async Task AsUserAsync(string email, Func<ISender, Task> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        // As at sign-in: history names people by their display name.
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

    /// <summary>Reads the database directly, for assertions that nothing (or exactly something) changed.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The demo product's id, for the tests about the demo seed.</summary>
    public Task<int> DemoProductIdAsync() => QueryAsync(db => db.Products.Where(p => p.Slug == DemoSlug).Select(p => p.Id).SingleAsync());

    public Task<int> ActivityCountAsync(string slug) =>
        QueryAsync(db => db.Activities.CountAsync(a => db.Products.Any(p => p.Slug == slug && p.Id == a.ProductId)));
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
