using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain.Webhooks;

namespace ProductRoles.Web.Data.Configurations;

public sealed class WebhookDeliveryAttemptConfiguration : IEntityTypeConfiguration<WebhookDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryAttempt> builder)
    {
        builder.Property(a => a.Event).HasMaxLength(WebhookDeliveryAttempt.EventMaxLength);
        builder.Property(a => a.ResponseExcerpt).HasMaxLength(WebhookDeliveryAttempt.ResponseExcerptMaxLength);
        builder.Property(a => a.Error).HasMaxLength(WebhookDeliveryAttempt.ErrorMaxLength);
        // The log is read newest first per subscription.
        builder.HasIndex(a => new { a.SubscriptionId, a.Id });
        builder.HasOne(a => a.Subscription).WithMany().HasForeignKey(a => a.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
