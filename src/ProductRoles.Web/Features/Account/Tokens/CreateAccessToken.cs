using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.AccessTokens;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Account.Tokens;

/// <summary>
/// A signed-in user makes a personal access token for a script: a name, read or read-write, optionally one of
/// their products, an expiry within a year. The answer holds the token text, shown this once and never again.
/// </summary>
public sealed record CreateAccessToken(string Name, AccessTokenScope Scope, string? ProductSlug, DateOnly? ExpiresOn)
    : ICommand<CreatedAccessToken>;

public sealed record CreatedAccessToken(int Id, string Token);

public sealed class CreateAccessTokenValidator : AbstractValidator<CreateAccessToken>
{
    public CreateAccessTokenValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the token, e.g. after the script that uses it.")
            .MaximumLength(PersonalAccessToken.NameMaxLength).WithMessage($"Keep the name under {PersonalAccessToken.NameMaxLength} characters.");
        RuleFor(c => c.Scope).IsInEnum().WithMessage("Choose read only or read and write.");
        RuleFor(c => c.ExpiresOn).NotNull().WithMessage("Choose when the token expires.")
            .Must(d => d > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The expiry must be after today.")
            .Must(d => d <= PersonalAccessToken.LatestExpiry(clock.GetUtcNow().UtcDateTime))
            .WithMessage($"A token lasts at most {PersonalAccessToken.MaxLifetimeDays} days.");
    }
}

public sealed class CreateAccessTokenHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateAccessToken, CreatedAccessToken>
{
    public async ValueTask<CreatedAccessToken> Handle(CreateAccessToken command, CancellationToken cancellationToken)
    {
        var userId = user.UserId!;
        int? productId = null;
        if (!string.IsNullOrWhiteSpace(command.ProductSlug))
        {
            // Only a product the user belongs to: a token never reaches further than its owner.
            productId = await db.ProductMembers.Where(m => m.UserId == userId && m.Product!.Slug == command.ProductSlug)
                .Select(m => (int?)m.ProductId).FirstOrDefaultAsync(cancellationToken)
                ?? throw RequestValidationException.For(nameof(CreateAccessToken.ProductSlug), "Choose one of your products.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (token, hash) = PersonalAccessToken.NewSecret();
        var entity = new PersonalAccessToken
        {
            UserId = userId,
            Name = command.Name.Trim(),
            Scope = command.Scope,
            RestrictedToProductId = productId,
            SecretHash = hash,
            Hint = token[..(PersonalAccessToken.Prefix.Length + 4)],
            CreatedAt = now,
            ExpiresAt = command.ExpiresOn!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        db.PersonalAccessTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        AccessTokenHistory.Record(db, entity, "Created", now);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessToken(entity.Id, token);
    }
}
