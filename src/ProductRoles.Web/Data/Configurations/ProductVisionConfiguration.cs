using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Vision;

namespace ProductRoles.Web.Data.Configurations;

public sealed class ProductVisionConfiguration : IEntityTypeConfiguration<ProductVision>
{
    public void Configure(EntityTypeBuilder<ProductVision> builder)
    {
        builder.Property(v => v.Statement).HasMaxLength(ProductVision.StatementMaxLength);
        builder.Property(v => v.TargetGroup).HasMaxLength(ProductVision.SectionMaxLength);
        builder.Property(v => v.Needs).HasMaxLength(ProductVision.SectionMaxLength);
        builder.Property(v => v.ProductDetails).HasMaxLength(ProductVision.SectionMaxLength);
        builder.Property(v => v.BusinessGoals).HasMaxLength(ProductVision.SectionMaxLength);
        builder.HasIndex(v => v.ProductId).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Revisions).WithOne(r => r.ProductVision).HasForeignKey(r => r.ProductVisionId).OnDelete(DeleteBehavior.Cascade);
    }
}
