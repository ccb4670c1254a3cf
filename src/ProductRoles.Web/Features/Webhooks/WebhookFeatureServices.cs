using ProductRoles.Web.Infrastructure.Outbox;
using ProductRoles.Web.Infrastructure.Webhooks;

namespace ProductRoles.Web.Features.Webhooks;

public static class WebhookFeatureServices
{
    /// <summary>Webhooks: the outbox writer the event handlers use, and the outbox kind that sends them.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWebhookSending(configuration);
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<IOutboxDelivery, WebhookDelivery>();
        return services;
    }
}
