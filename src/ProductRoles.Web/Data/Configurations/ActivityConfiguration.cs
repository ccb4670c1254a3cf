using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Data.Configurations;

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.EntityId).HasMaxLength(60);
        builder.Property(a => a.EntityLabel).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.Field).HasMaxLength(60);
        builder.Property(a => a.OldValue).HasMaxLength(Activity.ValueMaxLength);
        builder.Property(a => a.NewValue).HasMaxLength(Activity.ValueMaxLength);
        builder.Property(a => a.Note).HasMaxLength(Activity.ValueMaxLength);
        // History is read newest first, per product and per entity.
        builder.HasIndex(a => new { a.ProductId, a.Id });
        builder.HasIndex(a => new { a.ProductId, a.EntityType, a.EntityId, a.Id });
        builder.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
