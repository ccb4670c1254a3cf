using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Feedback;

namespace ProductRoles.Web.Data.Configurations;

public sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.Property(f => f.SourceKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(f => f.SourceName).HasMaxLength(FeedbackItem.SourceNameMaxLength);
        builder.Property(f => f.Account).HasMaxLength(FeedbackItem.AccountMaxLength);
        builder.Property(f => f.Text).HasMaxLength(FeedbackItem.TextMaxLength);
        builder.Property(f => f.Tags).HasMaxLength(FeedbackItem.TagsMaxLength);
        builder.HasIndex(f => new { f.ProductId, f.Status, f.ReceivedOn });
        // The inbox's order, newest first: its first page is read off this index, not sorted from every item.
        builder.HasIndex(f => new { f.ProductId, f.ReceivedOn, f.Id });
        builder.HasOne<Product>().WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FeedbackItem>().WithMany().HasForeignKey(f => f.DuplicateOfId).OnDelete(DeleteBehavior.NoAction);
    }
}
