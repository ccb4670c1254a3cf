using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Account.Tokens;

/// <summary>The owner revokes one of their tokens: it is refused from the next request on.</summary>
public sealed record RevokeAccessToken(int TokenId) : ICommand<Unit>;

public sealed class RevokeAccessTokenHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RevokeAccessToken, Unit>
{
    public async ValueTask<Unit> Handle(RevokeAccessToken command, CancellationToken cancellationToken)
    {
        var userId = user.UserId;
        // Someone else's token is simply not among yours.
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == command.TokenId && t.UserId == userId, cancellationToken)
            ?? throw RequestValidationException.For("tokenId", "That is not one of your tokens.");
        if (token.RevokedAt is not null)
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        token.RevokedAt = now;
        AccessTokenHistory.Record(db, token, "Revoked", now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
