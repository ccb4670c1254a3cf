using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Web.Data.Configurations;

public sealed class RoadmapItemGoalConfiguration : IEntityTypeConfiguration<RoadmapItemGoal>
{
    public void Configure(EntityTypeBuilder<RoadmapItemGoal> builder)
    {
        builder.HasKey(l => new { l.RoadmapItemId, l.GoalId });
        builder.HasOne(l => l.Goal).WithMany().HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Restrict);
    }
}
