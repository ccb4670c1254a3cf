using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Data.Outbox;

namespace ProductRoles.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMaxLength);
        builder.Property(m => m.Partition).HasMaxLength(OutboxMessage.PartitionMaxLength);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(12);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        // The sender asks for the oldest undelivered message of each partition.
        builder.HasIndex(m => new { m.State, m.Kind, m.Partition, m.Id });
    }
}
