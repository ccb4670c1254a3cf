using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Data.Configurations;

public sealed class ProductMemberConfiguration : IEntityTypeConfiguration<ProductMember>
{
    public void Configure(EntityTypeBuilder<ProductMember> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.UserEmail).HasMaxLength(256);
        // One role per user per product; the access check looks members up by (product, user).
        builder.HasIndex(m => new { m.ProductId, m.UserId }).IsUnique();
        builder.LinksToUser(m => m.User, m => m.UserId, DeleteBehavior.Cascade);
    }
}
