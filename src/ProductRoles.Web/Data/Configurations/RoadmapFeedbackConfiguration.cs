using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain.Roadmap;

namespace ProductRoles.Web.Data.Configurations;

public sealed class RoadmapFeedbackConfiguration : IEntityTypeConfiguration<RoadmapFeedback>
{
    public void Configure(EntityTypeBuilder<RoadmapFeedback> builder)
    {
        builder.Property(f => f.Body).HasMaxLength(RoadmapFeedback.BodyMaxLength);
        builder.Property(f => f.Answer).HasMaxLength(RoadmapFeedback.AnswerMaxLength);
        builder.Property(f => f.AuthorName).HasMaxLength(200);
        builder.Property(f => f.AuthorId).HasMaxLength(450);
        builder.Property(f => f.AnsweredBy).HasMaxLength(200);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Origin).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(f => f.RoadmapItem).WithMany().HasForeignKey(f => f.RoadmapItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.ProductId, f.Status });
    }
}
