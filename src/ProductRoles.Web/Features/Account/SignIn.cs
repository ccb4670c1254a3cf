using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Account;

/// <summary>Signs a user in with email and password; five wrong passwords lock the account for 15 minutes.</summary>
/// <remarks>
/// Outside the unit of work's transaction: on SQLite that would hold the write lock through the
/// password hash and queue every sign-in behind the others. Each write here is one statement.
/// </remarks>
public sealed record SignIn(string Email, string Password) : ICommand<SignInOutcome>, IAnonymousRequest, IWritesAtomicallyItself
{
    public override string ToString() => $"SignIn {{ Email = {Email} }}";
}

/// <summary>
/// What happened, for the log. The page shows one message for every refusal, so that nobody can
/// tell an unknown email from a wrong password or a locked account.
/// </summary>
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

/// <remarks>
/// A refusal costs the same work whatever the email: one user lookup, one password hash check
/// (against a stand-in hash for an unknown email, and before the lockout is looked at), one read
/// and one UPDATE (matching no row for an unknown email or a locked account; only a counted failure
/// writes). Failures are counted by <see cref="FailedSignIns"/> with conditional
/// UPDATEs in the database, so concurrent wrong guesses can neither be lost nor pass the limit.
/// </remarks>
public sealed class SignInHandler(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    AppDbContext db,
    IOptions<IdentityOptions> identity,
    TimeProvider clock)
    : ICommandHandler<SignIn, SignInOutcome>
{
    public async ValueTask<SignInOutcome> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var lockout = identity.Value.Lockout;
        var failures = new FailedSignIns(db, clock, lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan);
        var user = await users.FindByEmailAsync(command.Email.Trim());
        if (user is null)
        {
            StandInPassword.Verify(users.PasswordHasher, command.Password);
            await failures.CountForNobodyAsync(cancellationToken);
            return SignInOutcome.WrongCredentials;
        }

        var passwordRight = await users.CheckPasswordAsync(user, command.Password);
        if (!passwordRight)
        {
            return await failures.CountAsync(user.Id, cancellationToken) ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials;
        }

        if (await failures.IsLockedOutAsync(user.Id, cancellationToken))
        {
            return SignInOutcome.LockedOut;
        }

        await failures.ResetAsync(user.Id, cancellationToken);
        var sessionId = await SessionValidation.StartAsync(db, user.Id, clock.GetUtcNow().UtcDateTime);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
        [
            new Claim(SessionValidation.SessionIdClaim, sessionId.ToString()),
            new Claim("display_name", user.DisplayName),
        ]);
        return SignInOutcome.SignedIn;
    }
}

/// <summary>A hash to check an unknown email's password against, so that it costs as long as a known one's.</summary>
internal static class StandInPassword
{
    private static readonly AppUser Nobody = new() { DisplayName = "" };
    private static string? _hash;

    public static void Verify(IPasswordHasher<AppUser> hasher, string password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
