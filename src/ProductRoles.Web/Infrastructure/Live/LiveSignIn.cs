using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;

namespace ProductRoles.Web.Infrastructure.Live;

/// <summary>
/// Signs in the live hub's requests, in place of the authentication middleware, so that a WebSocket
/// left open for hours keeps only the user. The authentication middleware awaits the rest of the
/// request with the cookie handler, its ticket and the ticket's properties in hand, and the request's
/// scope caches the handler too; here the sign-in runs in a scope of its own that is gone before the
/// hub runs, and the user keeps only the claims a live connection needs (not the names, the e-mail, the security
/// stamp or the session id, which the sign-in itself has just checked), with the claim types shared.
/// Everything else is the same: the default scheme (the login cookie: live pages are the browser's; a script
/// with an access token follows changes through webhooks) and the session check. It also stands in for the authorization middleware, whose only rule here was
/// "signed in" (the hub checks membership and role when a page joins): whoever is not signed in is
/// challenged as that middleware would (401 for the hub, see the cookie's events). The framework's
/// middleware awaits the connection with its policy evaluator, authorization service, handlers and a
/// ticket of the user in hand, about 0.8 KB per idle connection.
/// </summary>
public sealed class LiveSignIn(RequestDelegate next, IServiceScopeFactory scopes)
{
    /// <summary>
    /// The claims the hub reads: who it is and whether an administrator. Not the names (the hub reads the
    /// display name when a page joins), the e-mail, the security stamp or the session id.
    /// </summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { ClaimTypes.NameIdentifier, ClaimTypes.Role };

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signIn = SignInAsync(context);
        // Not awaited in a method that then awaits the hub: nothing of the sign-in stays on the stack for the connection's life.
        return signIn.IsCompletedSuccessfully ? NextIfSignedIn(context) : ThenAsync(signIn, context);
    }

    private async Task ThenAsync(Task signIn, HttpContext context)
    {
        await signIn;
        await NextIfSignedIn(context);
    }

    private Task NextIfSignedIn(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? next(context) : context.ChallengeAsync();

    private async Task SignInAsync(HttpContext context)
    {
        // The request's own services are swapped out by feature, never read: reading them would create the request's
        // scope (with its cache of resolved services), which would then stay for the connection's life.
        var requestServices = context.Features.Get<IServiceProvidersFeature>();
        await using var scope = scopes.CreateAsyncScope();
        context.Features.Set<IServiceProvidersFeature>(new ServiceProvidersFeature { RequestServices = scope.ServiceProvider });
        try
        {
            var result = await context.AuthenticateAsync();
            if (result is { Succeeded: true, Principal: { } principal })
            {
                context.User = Slim(principal);
            }
        }
        finally
        {
            context.Features.Set(requestServices);
        }
    }

    /// <summary>The user with the claims a live connection reads (id and roles).</summary>
    public static ClaimsPrincipal Slim(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var slim = new ClaimsPrincipal();
        foreach (var identity in principal.Identities)
        {
            var kept = new ClaimsIdentity(Shared(identity.AuthenticationType), Shared(identity.NameClaimType), Shared(identity.RoleClaimType));
            foreach (var claim in identity.Claims)
            {
                if (Kept.Contains(claim.Type))
                {
                    kept.AddClaim(new Claim(Shared(claim.Type)!, claim.Value));
                }
            }

            slim.AddIdentity(kept);
        }

        return slim;
    }

    // A claim type read from the cookie is a new string per request; the same type in code is one string for all.
    private static string? Shared(string? text) => text is null ? null : string.IsInterned(text) ?? text;
}
