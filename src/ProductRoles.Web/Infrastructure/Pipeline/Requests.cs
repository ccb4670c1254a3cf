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

/// <summary>
/// A command the unit of work leaves alone: each of its writes is one atomic statement of its own,
/// and it does slow work (a password hash) that must not hold the database's write lock. Signing in.
/// </summary>
public interface IWritesAtomicallyItself;

/// <summary>Names the permission a product request needs. Every <see cref="IProductRequest"/> must carry one.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}
