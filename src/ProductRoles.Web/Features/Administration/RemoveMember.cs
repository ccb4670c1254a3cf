using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Administration;

/// <summary>An administrator takes a user out of the product; they lose access to it at once.</summary>
[Requires(Permission.ManageMembers)]
public sealed record RemoveMember(string ProductSlug, string UserId) : ICommand<Unit>, IProductRequest;

public sealed class RemoveMemberHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events) : ICommandHandler<RemoveMember, Unit>
{
    public async ValueTask<Unit> Handle(RemoveMember command, CancellationToken cancellationToken)
    {
        var member = await db.ProductMembers.SingleOrDefaultAsync(
            m => m.UserId == command.UserId, cancellationToken)
            ?? throw RequestValidationException.For(string.Empty, "That user is not a member of this product (any more).");
        db.ProductMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new ProductMemberRemoved(product.Id, member.UserId, user.UserId));
        return Unit.Value;
    }
}
