namespace ProductRoles.Web.Domain;

// Membership's domain events, raised by the administration handlers right after their save: whatever
// holds a member's access open (live connections, later subscriptions) re-checks it.

/// <summary>A user was given a role in a product, or their role there changed (<paramref name="From"/> null: newly added).</summary>
public sealed record ProductMemberRoleChanged(int ProductId, string UserId, string? ActorId, ProductRole? From, ProductRole To)
    : IProductEvent;

/// <summary>A user was taken out of a product: they lose access to it at once.</summary>
public sealed record ProductMemberRemoved(int ProductId, string UserId, string? ActorId) : IProductEvent;
