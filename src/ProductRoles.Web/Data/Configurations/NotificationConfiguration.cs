using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain.Notifications;

namespace ProductRoles.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    /// <summary>The table's name: the notification writer inserts into it with one INSERT … SELECT.</summary>
    public const string Table = "Notifications";

    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable(Table);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength);
        builder.Property(n => n.SubjectLabel).HasMaxLength(Notification.SubjectLabelMaxLength);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        builder.Property(n => n.Url).HasMaxLength(Notification.UrlMaxLength);
        builder.Property(n => n.Audience).HasMaxLength(Notification.AudienceMaxLength);
        builder.HasOne<Domain.Product>().WithMany().HasForeignKey(n => n.ProductId).OnDelete(DeleteBehavior.Cascade);
        // The bell's unread count (every page) and the inbox, newest first.
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.UpdatedAt });
        // Coalescing looks for the recent unread notification of one subject.
        builder.HasIndex(n => new { n.Subject, n.UserId });
    }
}

public sealed class NotificationWatchConfiguration : IEntityTypeConfiguration<NotificationWatch>
{
    public const string Table = "NotificationWatches";

    public void Configure(EntityTypeBuilder<NotificationWatch> builder)
    {
        builder.ToTable(Table);
        builder.Property(w => w.UserId).HasMaxLength(450);
        builder.HasOne<Domain.Product>().WithMany().HasForeignKey(w => w.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.Subject, w.SubjectId, w.UserId }).IsUnique();
    }
}

public sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.ToTable("NotificationSettings");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.TimeZoneId).HasMaxLength(NotificationSettings.TimeZoneMaxLength);
        builder.Property(s => s.Channels).HasMaxLength(NotificationSettings.ChannelsMaxLength);
    }
}
