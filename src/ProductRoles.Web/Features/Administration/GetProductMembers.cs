using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Administration;

/// <summary>Who belongs to a product and in what role; administrators also get the users they could add.</summary>
[Requires(Permission.ViewMembers)]
public sealed record GetProductMembers(string ProductSlug) : IQuery<ProductMembers>, IProductRequest;

public sealed record ProductMembers(IReadOnlyList<MemberView> Members, IReadOnlyList<UserOption> OtherUsers, bool CanManage);

public sealed record MemberView(string UserId, string Email, string DisplayName, ProductRole Role, DateTime AddedAt);

public sealed record UserOption(string Email, string DisplayName);

public sealed class GetProductMembersHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<GetProductMembers, ProductMembers>
{
    public async ValueTask<ProductMembers> Handle(GetProductMembers query, CancellationToken cancellationToken)
    {
        var members = await db.ProductMembers.AsNoTracking()
            .OrderBy(m => m.Role).ThenBy(m => m.User!.DisplayName)
            .Select(m => new MemberView(m.UserId, m.UserEmail, m.User!.DisplayName, m.Role, m.AddedAt))
            .ToListAsync(cancellationToken);

        var canManage = product.Can(Permission.ManageMembers);
        IReadOnlyList<UserOption> others = canManage
            ? await db.Users.AsNoTracking()
                .Where(u => !db.ProductMembers.Any(m => m.UserId == u.Id))
                .OrderBy(u => u.Email)
                .Select(u => new UserOption(u.Email!, u.DisplayName))
                .ToListAsync(cancellationToken)
            : [];
        return new ProductMembers(members, others, canManage);
    }
}
