using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.AccessTokens;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Account.Tokens;

/// <summary>The signed-in user's tokens for their settings page (never the secrets: only hashes are kept), and their products to restrict one to.</summary>
public sealed record GetMyAccessTokens : IQuery<MyAccessTokens>;

public sealed record MyAccessTokens(
    IReadOnlyList<AccessTokenRow> Tokens, IReadOnlyList<TokenProductChoice> Products, IReadOnlyList<AccountHistoryEntry> History,
    DateOnly LatestExpiry, DateOnly DefaultExpiry);

/// <summary>A line of the user's account history: "Created token “CI” …".</summary>
public sealed record AccountHistoryEntry(DateTime OccurredAt, string Action, string Subject);

public sealed record TokenProductChoice(string Slug, string Name);

public sealed record AccessTokenRow(
    int Id, string Name, string Hint, AccessTokenScope Scope, string? ProductName, DateTime CreatedAt, DateTime ExpiresAt,
    DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsActive { get; init; }
}

public sealed class GetMyAccessTokensHandler(AppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetMyAccessTokens, MyAccessTokens>
{
    public const int HistoryShown = 50;

    public async ValueTask<MyAccessTokens> Handle(GetMyAccessTokens query, CancellationToken cancellationToken)
    {
        var userId = user.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new AccessTokenRow(t.Id, t.Name, t.Hint, t.Scope,
                db.Products.Where(p => p.Id == t.RestrictedToProductId).Select(p => p.Name).FirstOrDefault(),
                t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt) { IsActive = t.RevokedAt == null && t.ExpiresAt > now })
            .ToListAsync(cancellationToken);
        var products = await db.ProductMembers.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.Product!.Name).Select(m => new TokenProductChoice(m.Product!.Slug, m.Product.Name)).ToListAsync(cancellationToken);
        var history = await db.AccountActivities.AsNoTracking().Where(a => a.UserId == userId).OrderByDescending(a => a.Id).Take(HistoryShown)
            .Select(a => new AccountHistoryEntry(a.OccurredAt, a.Action, a.Subject)).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now);
        return new MyAccessTokens(tokens, products, history, PersonalAccessToken.LatestExpiry(now), today.AddDays(90));
    }
}
