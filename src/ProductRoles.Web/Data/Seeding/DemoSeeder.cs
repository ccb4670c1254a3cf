using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Data.Seeding;

/// <summary>
/// One part of the demo data (e.g. the roadmap). Steps run in <see cref="Order"/> after the demo
/// product and users exist, and each must be idempotent on its own: a restart, or a database seeded
/// by an older version of the app, must neither duplicate nor fail.
/// </summary>
public interface IDemoSeedStep
{
    int Order { get; }

    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}

public sealed record DemoSeedContext(
    AppDbContext Db, Product Product, IReadOnlyDictionary<ProductRole, AppUser> Users, AppUser Administrator, DateTime Now);

/// <summary>Seeds the demo product "Acme Checkout" and one demo user per role.</summary>
public sealed class DemoSeeder(
    AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, IConfiguration configuration,
    IHostEnvironment environment, TimeProvider clock, IEnumerable<IDemoSeedStep> steps)
{
    public const string DemoSlug = "acme-checkout";

    public static readonly IReadOnlyList<(string Email, string Name, ProductRole? Role)> DemoUsers =
    [
        ("admin@demo.local", "Avery Admin", null),
        ("pm@demo.local", "Priya Sharma (PM)", ProductRole.ProductManager),
        ("po@demo.local", "Oliver Owens (PO)", ProductRole.ProductOwner),
        ("sm@demo.local", "Sam Martinez (Scrum master)", ProductRole.ScrumMaster),
        ("dev@demo.local", "Dana Kim (Developer)", ProductRole.Developer),
        ("stakeholder@demo.local", "Stella Brooks (Finance)", ProductRole.Stakeholder),
    ];

    public async Task SeedAsync(ILogger logger, CancellationToken cancellationToken = default)
    {
        var password = configuration["Demo:Password"];
        if (string.IsNullOrWhiteSpace(password) || password.Length < 12)
        {
            throw new InvalidOperationException("Demo:Seed is on but Demo:Password is missing or shorter than 12 characters.");
        }

        if (!await roles.RoleExistsAsync(AppRoles.Administrator))
        {
            await roles.CreateAsync(new IdentityRole(AppRoles.Administrator));
        }

        var byRole = new Dictionary<ProductRole, AppUser>();
        AppUser? admin = null;
        foreach (var (email, name, role) in DemoUsers)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Demo user not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                }
            }

            if (role is { } r)
            {
                byRole[r] = user;
            }
            else
            {
                admin = user;
                if (!await users.IsInRoleAsync(user, AppRoles.Administrator))
                {
                    await users.AddToRoleAsync(user, AppRoles.Administrator);
                }
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var product = await db.Products.SingleOrDefaultAsync(p => p.Slug == DemoSlug, cancellationToken);
        if (product is null)
        {
            product = new Product
            {
                Name = "Acme Checkout",
                Slug = DemoSlug,
                Stage = LifecycleStage.Growth,
                Description = "One-page checkout for Acme's web shop: wallets, saved cards and instant refunds for 40,000 merchants.",
                CreatedAt = now.AddMonths(-14),
            };
            foreach (var (role, user) in byRole)
            {
                product.Members.Add(new ProductMember { UserId = user.Id, UserEmail = user.Email!, Role = role, AddedAt = now.AddMonths(-14) });
            }

            db.Products.Add(product);
            db.Products.Add(new Product
            {
                Name = "Acme Loyalty",
                Slug = "acme-loyalty",
                Stage = LifecycleStage.Discovery,
                Description = "Points and rewards for returning shoppers: still finding out what merchants need.",
                CreatedAt = now.AddMonths(-1),
                Members =
                {
                    new ProductMember
                    {
                        UserId = byRole[ProductRole.ProductManager].Id, UserEmail = byRole[ProductRole.ProductManager].Email!,
                        Role = ProductRole.ProductManager, AddedAt = now.AddMonths(-1),
                    },
                },
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        var context = new DemoSeedContext(db, product, byRole, admin!, now);
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            await step.SeedAsync(context, cancellationToken);
        }

        logger.LogInformation(
            "Demo data ready: product \"{Product}\" at /p/{Slug}. Sign in as {Users} with the password from Demo:Password: {Password}.",
            product.Name, product.Slug, string.Join(", ", DemoUsers.Select(u => u.Email)),
            // The documented development password is shown; any other environment's is not.
            environment.IsDevelopment() ? password : "not shown outside Development");
    }
}
