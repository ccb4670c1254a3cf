using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Features.ProductManager.Goals;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Tests.Data;

/// <summary>
/// Product-owned data is reachable only through the request's product: every entity of the model
/// is either filtered by the product scope or one of the few that belong to no product.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProductScopeTests(AppFixture app)
{
    /// <summary>The only entities that belong to no product: products themselves, users and their sign-in data (sessions, access tokens), keys, leases, the outbox, each user's notification settings.</summary>
    private static readonly string[] GlobalEntities =
    [
        "Product", "AppUser", "UserProfile", "UserSession", "PersonalAccessToken", "AccountActivity", "DataProtectionKey", "Lease", "OutboxMessage",
        "NotificationSettings",
        "IdentityRole", "IdentityRoleClaim<string>", "IdentityUserClaim<string>", "IdentityUserLogin<string>",
        "IdentityUserRole<string>", "IdentityUserToken<string>",
    ];

    [Fact]
    public async Task Every_entity_with_a_product_id_is_product_owned_and_every_other_entity_is_filtered_or_global()
    {
        var model = await app.QueryAsync(db => Task.FromResult(db.Model));
        var entityTypes = model.GetEntityTypes().Where(e => !e.IsOwned()).ToList();

        var withProductIdButNotOwned = entityTypes
            .Where(e => e.FindProperty(nameof(IProductOwned.ProductId)) is not null && !typeof(IProductOwned).IsAssignableFrom(e.ClrType))
            .Select(Name).ToList();
        Assert.Empty(withProductIdButNotOwned);

        var unfiltered = entityTypes.Where(e => e.GetDeclaredQueryFilters().Count == 0).Select(Name).Order().ToList();
        Assert.Equal(GlobalEntities.Order(), unfiltered);

        // Each filtered entity reaches a ProductId: its own, or its parent's through navigations.
        foreach (var entityType in entityTypes.Where(e => e.GetDeclaredQueryFilters().Count > 0))
        {
            var path = ProductScopeFilters.PathToOwner(entityType);
            Assert.NotNull(path);
            var owner = path.Count == 0 ? entityType : path[^1].TargetEntityType;
            Assert.True(typeof(IProductOwned).IsAssignableFrom(owner.ClrType), Name(entityType));
        }
    }

    [Fact]
    public async Task Scoped_to_each_product_in_turn_every_entity_s_rows_split_into_disjoint_parts_that_add_up_to_all_rows()
    {
        await AddRowsTheDemoDataLacksAsync();
        await app.QueryAsync(async db =>
        {
            var productIds = await db.Products.Select(p => p.Id).ToListAsync();
            Assert.True(productIds.Count >= 2, "the fixture has the demo product and the outsider's product");
            var entityTypes = db.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList();
            var filtered = entityTypes.Where(e => !GlobalEntities.Contains(Name(e))).ToList();
            Assert.Contains(filtered, e => e.ClrType == typeof(BacklogComment));
            var empty = new List<string>();
            foreach (var entityType in filtered)
            {
                db.ProductScope = null;
                var all = Count(db, entityType.ClrType);
                var perProduct = productIds.Select(id =>
                {
                    db.ProductScope = new FixedScope(id);
                    return Count(db, entityType.ClrType);
                }).ToList();

                // Without the filter every product would see all rows, and the parts would add up to a multiple.
                Assert.True(all == perProduct.Sum(), $"{Name(entityType)}: {all} rows, {string.Join(" + ", perProduct)} by product");
                if (all == 0)
                {
                    empty.Add(Name(entityType));
                }
            }

            // With the demo data and the rows above every product-owned table has rows, so the check covers each of them.
            Assert.Empty(empty);
            return true;
        });
    }

    [Fact]
    public async Task A_request_that_is_not_about_one_product_reads_across_products_after_a_product_request_in_the_same_scope()
    {
        var slug = "scope-members-" + Guid.NewGuid().ToString("N")[..8];
        await app.AsUserAsync(AppFixture.Admin, async s =>
        {
            await s.Send(new CreateProduct("Scope members", slug, LifecycleStage.Development, null));
            await s.Send(new SetMemberRole(slug, AppFixture.Pm, ProductRole.Stakeholder));
            await s.Send(new SetMemberRole(slug, AppFixture.Dev, ProductRole.Developer));
        });

        var products = await app.AsUserAsync(AppFixture.Pm, async sender =>
        {
            await sender.Send(new GetGoals(AppFixture.DemoSlug));
            return await sender.Send(new GetMyProducts());
        });

        // Membership rows are product-owned: had the demo product's scope stayed, the other product would show no members.
        Assert.Equal(2, products.Single(p => p.Slug == slug).MemberCount);
        Assert.Equal(await app.QueryAsync(db => db.ProductMembers.CountAsync(m => m.Product!.Slug == AppFixture.DemoSlug)),
            products.Single(p => p.Slug == AppFixture.DemoSlug).MemberCount);
    }

    [Fact]
    public void Reading_the_product_context_outside_a_product_request_is_a_programming_error()
    {
        var context = new ProductContext();

        var error = Assert.Throws<InvalidOperationException>(() => context.Id);
        Assert.Contains("outside a product request", error.Message, StringComparison.Ordinal);
        Assert.Null(((IProductScope)context).ScopedProductId);
    }

    /// <summary>A product of its own with a backlog comment and stakeholder feedback on a sprint review.</summary>
    private Task AddRowsTheDemoDataLacksAsync() => app.QueryAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var product = new Product { Name = "Scope rows", Slug = "scope-rows-" + Guid.NewGuid().ToString("N")[..8], CreatedAt = now };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        var item = new BacklogItem { ProductId = product.Id, Title = "Commented item", Rank = "V", CreatedAt = now, UpdatedAt = now };
        item.Comments.Add(new BacklogComment { AuthorId = "someone", AuthorName = "Someone", Text = "Looks good", CreatedAt = now });
        var sprint = new Sprint { ProductId = product.Id, Name = "Sprint 1", Goal = "Ship", StartDate = today, EndDate = today, State = SprintState.Closed };
        var feedback = new FeedbackItem { ProductId = product.Id, SourceName = "Review", Text = "Nice", ReceivedOn = today, CreatedAt = now, UpdatedAt = now };
        var review = new SprintReview { ProductId = product.Id, Sprint = sprint };
        review.Feedback.Add(new SprintReviewFeedback { FeedbackItem = feedback });
        var import = new ProductRoles.Web.Domain.Backlog.Import.BacklogImport
        {
            ProductId = product.Id, FileName = "jira.csv", StoredFileName = "gone.csv", MappingJson = "{}", ScanJson = "{}",
            CreatedById = "someone", CreatedByName = "Someone", CreatedAt = now, State = ProductRoles.Web.Domain.Backlog.Import.ImportState.Completed,
        };
        var webhook = new ProductRoles.Web.Domain.Webhooks.WebhookSubscription
        {
            ProductId = product.Id, Url = "https://192.0.2.10/hooks", Events = "BacklogItemCreated", ProtectedSecret = "x", OwnerUserId = "someone", CreatedAt = now,
        };
        var delivery = new ProductRoles.Web.Domain.Webhooks.WebhookDeliveryAttempt { Subscription = webhook, Event = "ping", AttemptedAt = now, StatusCode = 200 };
        db.AddRange(item, sprint, feedback, review, webhook, delivery, import);
        await db.SaveChangesAsync();
        import.Reverts.Add(new ProductRoles.Web.Domain.Backlog.Import.BacklogImportRevert { BacklogItemId = item.Id, BeforeJson = "{}" });
        await db.SaveChangesAsync();
        return true;
    });

    private static int Count(AppDbContext db, Type entityType)
    {
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entityType).Invoke(db, null)!;
        var count = typeof(Queryable).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == nameof(Queryable.Count) && m.GetParameters().Length == 1)
            .MakeGenericMethod(entityType);
        return (int)count.Invoke(null, [set])!;
    }

    private static string Name(IReadOnlyEntityType entityType) =>
        entityType.ClrType.IsGenericType
            ? $"{entityType.ClrType.Name[..entityType.ClrType.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", entityType.ClrType.GetGenericArguments().Select(a => a == typeof(string) ? "string" : a.Name))}>"
            : entityType.ClrType.Name;

    private sealed record FixedScope(int? ScopedProductId) : IProductScope;
}
