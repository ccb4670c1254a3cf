using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Account;

/// <summary>Signs a user in with email and password; five wrong passwords lock the account for 15 minutes.</summary>
public sealed record SignIn(string Email, string Password) : ICommand<SignInOutcome>, IAnonymousRequest
{
    public override string ToString() => $"SignIn {{ Email = {Email} }}";
}

public enum SignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
}

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password.");
    }
}

public sealed class SignInHandler(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, TimeProvider clock)
    : ICommandHandler<SignIn, SignInOutcome>
{
    public async ValueTask<SignInOutcome> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email.Trim());
        if (user is null)
        {
            return SignInOutcome.WrongCredentials;
        }

        // CheckPasswordSignInAsync counts failures and locks out; the stock login page's call does not.
        var result = await signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return SignInOutcome.LockedOut;
        }

        if (!result.Succeeded)
        {
            return SignInOutcome.WrongCredentials;
        }

        var sessionId = await SessionValidation.StartAsync(db, user.Id, clock.GetUtcNow().UtcDateTime);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
        [
            new Claim(SessionValidation.SessionIdClaim, sessionId.ToString()),
            new Claim("display_name", user.DisplayName),
        ]);
        return SignInOutcome.SignedIn;
    }
}
