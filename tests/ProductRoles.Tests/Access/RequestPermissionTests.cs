using System.Reflection;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Access;

public sealed class RequestPermissionTests
{
    /// <summary>
    /// A product request without [Requires] would fail only when someone first sends it; this finds it
    /// at test time, for requests no page or row happens to reach yet.
    /// </summary>
    [Fact]
    public void Every_product_request_names_the_permission_it_needs()
    {
        var missing = typeof(IProductRequest).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProductRequest).IsAssignableFrom(t)
                && t.GetCustomAttribute<RequiresAttribute>() is null)
            .Select(t => t.Name)
            .ToList();
        Assert.True(missing.Count == 0, "Product requests without [Requires]: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_request_is_never_both_for_administrators_and_anonymous()
    {
        var both = typeof(IProductRequest).Assembly.GetTypes()
            .Where(t => typeof(IAdministratorRequest).IsAssignableFrom(t) && typeof(IAnonymousRequest).IsAssignableFrom(t))
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(both);
    }
}
