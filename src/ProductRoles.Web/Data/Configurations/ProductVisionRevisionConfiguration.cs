using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain.Vision;

namespace ProductRoles.Web.Data.Configurations;

public sealed class ProductVisionRevisionConfiguration : IEntityTypeConfiguration<ProductVisionRevision>
{
    public void Configure(EntityTypeBuilder<ProductVisionRevision> builder)
    {
        builder.Property(r => r.Statement).HasMaxLength(ProductVision.StatementMaxLength);
        builder.Property(r => r.TargetGroup).HasMaxLength(ProductVision.SectionMaxLength);
        builder.Property(r => r.Needs).HasMaxLength(ProductVision.SectionMaxLength);
        builder.Property(r => r.ProductDetails).HasMaxLength(ProductVision.SectionMaxLength);
        builder.Property(r => r.BusinessGoals).HasMaxLength(ProductVision.SectionMaxLength);
        builder.Property(r => r.SavedBy).HasMaxLength(200);
        builder.HasIndex(r => new { r.ProductVisionId, r.Number }).IsUnique();
    }
}
