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
        builder.Property(k => k.MeasuredBy).HasConversion<string>().HasMaxLength(12);
    }
}

public sealed class KeyResultCheckInConfiguration : IEntityTypeConfiguration<KeyResultCheckIn>
{
    public void Configure(EntityTypeBuilder<KeyResultCheckIn> builder)
    {
        builder.Property(c => c.Value).HasPrecision(18, 4);
        builder.Property(c => c.Note).HasMaxLength(KeyResult.NoteMaxLength);
        builder.Property(c => c.ByUserId).HasMaxLength(450);
        builder.Property(c => c.ByName).HasMaxLength(200);
        builder.HasOne(c => c.KeyResult).WithMany().HasForeignKey(c => c.KeyResultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.KeyResultId, c.On });
    }
}
