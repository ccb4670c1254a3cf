using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Web.Data.Configurations;

public sealed class RoadmapItemInsightConfiguration : IEntityTypeConfiguration<RoadmapItemInsight>
{
    public void Configure(EntityTypeBuilder<RoadmapItemInsight> builder)
    {
        builder.HasKey(l => new { l.RoadmapItemId, l.InsightId });
        builder.HasOne(l => l.Insight).WithMany().HasForeignKey(l => l.InsightId).OnDelete(DeleteBehavior.Restrict);
    }
}
