using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Outbox;

namespace ProductRoles.Web.Features.Notifications;

public static class NotificationServices
{
    /// <summary>Notifications: the audience and writer the event handlers use, the bells' after-commit push, mail through the outbox, the digest.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NotificationAudience>();
        services.AddScoped<NotificationWriter>();
        services.AddScoped<NotificationPush>();
        services.AddScoped<ICommitListener>(s => s.GetRequiredService<NotificationPush>());
        services.AddSingleton<MailSettings>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<IOutboxDelivery, NotificationMailDelivery>();
        if (configuration.GetValue("Notifications:DigestEnabled", true))
        {
            services.AddHostedService<NotificationDigestJob>();
        }

        return services;
    }
}
