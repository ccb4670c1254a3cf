namespace ProductRoles.Web.Infrastructure.Webhooks;

public static class WebhookServices
{
    public const string HttpClientName = "webhooks";

    /// <summary>
    /// The target rules, the secrets, and the HTTP client every delivery goes through: no redirects
    /// followed (a redirect could lead anywhere), no proxy, no cookies, short timeouts, and every
    /// connection made by <see cref="WebhookTargets.ConnectAsync"/>.
    /// </summary>
    public static IServiceCollection AddWebhookSending(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookSecrets>();
        services.AddHttpClient(HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(configuration.GetValue("Webhooks:TimeoutSeconds", 10.0));
                client.DefaultRequestHeaders.UserAgent.ParseAdd("ProductRoles-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = services.GetRequiredService<WebhookTargets>().ConnectAsync,
            });
        return services;
    }
}
