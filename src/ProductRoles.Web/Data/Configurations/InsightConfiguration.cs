using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Research;

namespace ProductRoles.Web.Data.Configurations;

public sealed class InsightConfiguration : IEntityTypeConfiguration<Insight>
{
    public void Configure(EntityTypeBuilder<Insight> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(Insight.TitleMaxLength);
        builder.Property(i => i.Summary).HasMaxLength(Insight.SummaryMaxLength);
        builder.Property(i => i.Source).HasMaxLength(Insight.SourceMaxLength);
        builder.Property(i => i.Tags).HasMaxLength(Insight.TagsMaxLength + 2);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(i => i.TagList);
        builder.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ProductId, i.ObservedOn });
    }
}
