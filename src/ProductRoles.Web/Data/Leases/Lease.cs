namespace ProductRoles.Web.Data.Leases;

/// <summary>
/// A named job that at most one app instance may run at a time (see
/// <see cref="Infrastructure.Leases.DatabaseLease"/>): who holds it, and until when.
/// </summary>
public sealed class Lease
{
    public const int NameMaxLength = 100;
    public const int HolderMaxLength = 200;

    public required string Name { get; set; }
    public required string Holder { get; set; }

    /// <summary>UTC; after this anyone may take the lease over.</summary>
    public DateTime ExpiresAt { get; set; }
}
