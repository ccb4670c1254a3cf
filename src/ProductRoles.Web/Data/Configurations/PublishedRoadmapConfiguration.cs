using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Web.Data.Configurations;

public sealed class PublishedRoadmapConfiguration : IEntityTypeConfiguration<PublishedRoadmap>
{
    public void Configure(EntityTypeBuilder<PublishedRoadmap> builder)
    {
        builder.Property(p => p.PublishedBy).HasMaxLength(200);
        builder.Property(p => p.Note).HasMaxLength(PublishedRoadmap.NoteMaxLength);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Items).WithOne(i => i.PublishedRoadmap).HasForeignKey(i => i.PublishedRoadmapId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ProductId, p.PublishedAt });
    }
}
