using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Data.Configurations;

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Product.NameMaxLength);
        builder.Property(p => p.Slug).HasMaxLength(Product.SlugMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Product.DescriptionMaxLength);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasMany(p => p.Members).WithOne(m => m.Product).HasForeignKey(m => m.ProductId);
    }
}
