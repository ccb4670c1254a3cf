using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Data.Leases;

namespace ProductRoles.Web.Data.Configurations;

public sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        // The name is the key, so two instances can never both insert the same lease.
        builder.ToTable("Leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(Lease.NameMaxLength);
        builder.Property(l => l.Holder).HasMaxLength(Lease.HolderMaxLength);
    }
}
