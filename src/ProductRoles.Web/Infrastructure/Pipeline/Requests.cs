using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Infrastructure.Pipeline;

/// <summary>A request about one product. The authorization behaviour checks membership and permission.</summary>
public interface IProductRequest
{
    string ProductSlug { get; }
}

/// <summary>A request only an administrator may send.</summary>
public interface IAdministratorRequest;

/// <summary>A request anyone may send, signed in or not (signing in itself).</summary>
public interface IAnonymousRequest;

/// <summary>Names the permission a product request needs. Every <see cref="IProductRequest"/> must carry one.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}
