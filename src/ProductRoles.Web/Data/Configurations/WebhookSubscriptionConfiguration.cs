using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Webhooks;

namespace ProductRoles.Web.Data.Configurations;

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
        builder.Property(s => s.Events).HasMaxLength(400);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        builder.Property(s => s.OwnerUserId).HasMaxLength(450);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(12);
        builder.Property(s => s.DisabledReason).HasMaxLength(WebhookSubscription.DisabledReasonMaxLength);
        builder.Ignore(s => s.ChosenEvents);
        builder.HasIndex(s => s.ProductId);
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
