using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Web.Data.Configurations;

public sealed class PublishedRoadmapItemConfiguration : IEntityTypeConfiguration<PublishedRoadmapItem>
{
    public void Configure(EntityTypeBuilder<PublishedRoadmapItem> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(RoadmapItem.TitleMaxLength);
        builder.Property(i => i.Outcome).HasMaxLength(RoadmapItem.OutcomeMaxLength);
        builder.Property(i => i.TargetQuarter).HasMaxLength(RoadmapItem.QuarterLength);
        builder.Property(i => i.Horizon).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
    }
}
