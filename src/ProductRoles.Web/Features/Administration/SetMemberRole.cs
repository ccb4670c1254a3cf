using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Administration;

/// <summary>An administrator gives a user a role in the product, or changes the role they have.</summary>
[Requires(Permission.ManageMembers)]
public sealed record SetMemberRole(string ProductSlug, string Email, ProductRole Role) : ICommand<Unit>, IProductRequest;

public sealed class SetMemberRoleValidator : AbstractValidator<SetMemberRole>
{
    public SetMemberRoleValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Choose a user.");
        RuleFor(c => c.Role).IsInEnum().WithMessage("Choose a role.");
    }
}

public sealed class SetMemberRoleHandler(AppDbContext db, ProductContext product, ICurrentUser currentUser, DomainEvents events, TimeProvider clock)
    : ICommandHandler<SetMemberRole, Unit>
{
    public async ValueTask<Unit> Handle(SetMemberRole command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var email = command.Email.Trim();
        var user = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant())
            .Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(cancellationToken)
            ?? throw RequestValidationException.For(nameof(command.Email), "No user has this email address.");

        var member = await db.ProductMembers.SingleOrDefaultAsync(m => m.UserId == user.Id, cancellationToken);
        var from = member?.Role;
        if (member is null)
        {
            db.ProductMembers.Add(new ProductMember
            {
                ProductId = productId,
                UserId = user.Id,
                UserEmail = user.Email!,
                Role = command.Role,
                AddedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        else
        {
            member.Role = command.Role;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (from != command.Role)
        {
            events.Raise(new ProductMemberRoleChanged(productId, user.Id, currentUser.UserId, from, command.Role));
        }

        return Unit.Value;
    }
}
