using Mediator;
using Microsoft.AspNetCore.Identity;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Account;

/// <summary>Signs out and revokes the session, so a copy of the cookie no longer works anywhere.</summary>
public sealed record SignOut : ICommand<Unit>, IAnonymousRequest;

public sealed class SignOutHandler(
    SignInManager<AppUser> signIn, IHttpContextAccessor http, AppDbContext db, TimeProvider clock)
    : ICommandHandler<SignOut, Unit>
{
    public async ValueTask<Unit> Handle(SignOut command, CancellationToken cancellationToken)
    {
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } principal)
        {
            await SessionValidation.RevokeAsync(db, principal, clock.GetUtcNow().UtcDateTime);
        }

        await signIn.SignOutAsync();
        return Unit.Value;
    }
}
