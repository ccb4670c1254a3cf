using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Infrastructure.Security;

/// <summary>
/// The product the current request is about, already resolved and checked by the authorization
/// behaviour: handlers of product requests take it instead of looking the product up. It also scopes
/// the data layer (<see cref="IProductScope"/>), so product-owned rows of other products stay invisible.
/// </summary>
public sealed class ProductContext : IProductScope
{
    private ProductAccess? _access;

    /// <summary>The caller's standing in the product. Reading it outside a product request is a programming error.</summary>
    public ProductAccess Access => _access ?? throw new InvalidOperationException(
        "ProductContext was read outside a product request. Only handlers of IProductRequest messages may use it; " +
        "the authorization behaviour fills it before they run.");

    public int Id => Access.ProductId;
    public string Slug => Access.Slug;
    public string Name => Access.ProductName;
    public LifecycleStage Stage => Access.Stage;
    public ProductRole? Role => Access.Role;
    public bool IsAdministrator => Access.IsAdministrator;

    public bool Can(Permission permission) => Access.Can(permission);

    int? IProductScope.ScopedProductId => _access?.ProductId;

    /// <summary>Called by the authorization behaviour once it has resolved and checked the product.</summary>
    internal void Enter(ProductAccess access) => _access = access;

    /// <summary>Called for requests that are not about one product: they read across products.</summary>
    internal void Leave() => _access = null;
}

public static class ProductAccessServices
{
    /// <summary>Per request: the resolver that checks the product, and the context (and data scope) it fills.</summary>
    public static IServiceCollection AddProductAccess(this IServiceCollection services)
    {
        services.AddScoped<ProductAccessResolver>();
        services.AddScoped<ProductContext>();
        return services.AddScoped<IProductScope>(s => s.GetRequiredService<ProductContext>());
    }
}
