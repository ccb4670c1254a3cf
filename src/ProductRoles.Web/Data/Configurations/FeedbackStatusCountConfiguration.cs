using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Feedback;

namespace ProductRoles.Web.Data.Configurations;

public sealed class FeedbackStatusCountConfiguration : IEntityTypeConfiguration<FeedbackStatusCount>
{
    public void Configure(EntityTypeBuilder<FeedbackStatusCount> builder)
    {
        builder.HasKey(c => new { c.ProductId, c.Status });
        // Stored as the feedback item's own status column is, so the recount can group by it as it stands.
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
