using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Research;

namespace ProductRoles.Web.Data.Configurations;

public sealed class CompetitorConfiguration : IEntityTypeConfiguration<Competitor>
{
    public void Configure(EntityTypeBuilder<Competitor> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Competitor.NameMaxLength);
        builder.Property(c => c.Strengths).HasMaxLength(Competitor.TextMaxLength);
        builder.Property(c => c.Weaknesses).HasMaxLength(Competitor.TextMaxLength);
        builder.Property(c => c.Positioning).HasMaxLength(Competitor.TextMaxLength);
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ProductId, c.Name }).IsUnique();
    }
}
