using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain.Goals;

namespace ProductRoles.Web.Data.Configurations;

public sealed class KeyResultConfiguration : IEntityTypeConfiguration<KeyResult>
{
    public void Configure(EntityTypeBuilder<KeyResult> builder)
    {
        builder.Property(k => k.Metric).HasMaxLength(KeyResult.MetricMaxLength);
        builder.Property(k => k.Baseline).HasPrecision(18, 4);
        builder.Property(k => k.Target).HasPrecision(18, 4);
        builder.Property(k => k.Current).HasPrecision(18, 4);
    }
}
