using FluentValidation;
using ProductRoles.Web.Domain.Webhooks;
using ProductRoles.Web.Infrastructure.Webhooks;

namespace ProductRoles.Web.Features.Webhooks;

/// <summary>The rules a subscription's input keeps, shared by subscribing and editing.</summary>
public static class WebhookRules
{
    /// <summary>A public http(s) URL: checked on the URL and on what its host name resolves to (SSRF).</summary>
    public static void ValidTarget<T>(this IRuleBuilderInitial<T, string> rule, WebhookTargets targets) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the URL that should receive the deliveries.")
            .MaximumLength(WebhookSubscription.UrlMaxLength).WithMessage($"Keep the URL under {WebhookSubscription.UrlMaxLength} characters.")
            .CustomAsync(async (url, context, cancellationToken) =>
            {
                if (await targets.RefusalAsync(url, cancellationToken) is { } refusal)
                {
                    context.AddFailure(refusal);
                }
            });

    public static void ValidEvents<T>(this IRuleBuilderInitial<T, IReadOnlyList<WebhookEvent>> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose at least one event.")
            .Must(events => events.All(Enum.IsDefined)).WithMessage("Choose events from the list.");
}
