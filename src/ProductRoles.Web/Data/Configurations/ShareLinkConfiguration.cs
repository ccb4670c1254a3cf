using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Sharing;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Web.Data.Configurations;

public sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Label).HasMaxLength(ShareLink.LabelMaxLength);
        builder.Property(l => l.SecretHash).HasMaxLength(64);
        builder.Property(l => l.CreatedBy).HasMaxLength(200);
        builder.Property(l => l.RevokedBy).HasMaxLength(200);
        // Every view finds its link by the hash.
        builder.HasIndex(l => l.SecretHash).IsUnique();
        builder.HasIndex(l => new { l.ProductId, l.CreatedAt });
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        // NoAction: the product's cascade removes both; SQL Server refuses two cascade paths to one row.
        builder.HasOne<Sprint>().WithMany().HasForeignKey(l => l.SprintId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class ProductVisitConfiguration : IEntityTypeConfiguration<ProductVisit>
{
    public void Configure(EntityTypeBuilder<ProductVisit> builder)
    {
        builder.HasKey(v => new { v.ProductId, v.UserId });
        builder.Property(v => v.UserId).HasMaxLength(450);
        builder.HasOne<Product>().WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
