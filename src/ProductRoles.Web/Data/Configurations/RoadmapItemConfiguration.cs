using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Ranking;
using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Web.Data.Configurations;

public sealed class RoadmapItemConfiguration : IEntityTypeConfiguration<RoadmapItem>
{
    public void Configure(EntityTypeBuilder<RoadmapItem> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(RoadmapItem.TitleMaxLength);
        builder.Property(r => r.Outcome).HasMaxLength(RoadmapItem.OutcomeMaxLength);
        builder.Property(r => r.Notes).HasMaxLength(RoadmapItem.NotesMaxLength);
        builder.Property(r => r.TargetQuarter).HasMaxLength(RoadmapItem.QuarterLength);
        builder.Property(r => r.Horizon).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        // Rank keys compare ordinally; SQL Server's default collation does not, so lists are ordered in
        // memory with string.CompareOrdinal and the index is not unique at the database level (keys
        // differing only in case would collide there). Moves make keys unique by construction.
        builder.Property(r => r.Rank).HasMaxLength(RankKey.MaxLength);
        builder.Property(r => r.Impact).HasPrecision(6, 2);
        builder.Property(r => r.Effort).HasPrecision(8, 2);
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ProductId, r.Horizon, r.Rank });
        builder.HasMany(r => r.Insights).WithOne(l => l.RoadmapItem).HasForeignKey(l => l.RoadmapItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Goals).WithOne(l => l.RoadmapItem).HasForeignKey(l => l.RoadmapItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
