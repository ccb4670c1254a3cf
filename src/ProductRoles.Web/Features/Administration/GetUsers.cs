using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.Administration;

/// <summary>Every user account, with how many products each belongs to.</summary>
public sealed record GetUsers : IQuery<IReadOnlyList<UserSummary>>, IAdministratorRequest;

public sealed record UserSummary(string Id, string Email, string DisplayName, bool IsAdministrator, bool IsLockedOut, int ProductCount);

public sealed class GetUsersHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetUsers, IReadOnlyList<UserSummary>>
{
    public async ValueTask<IReadOnlyList<UserSummary>> Handle(GetUsers query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var adminRoleId = db.Roles.Where(r => r.Name == AppRoles.Administrator).Select(r => r.Id);
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                IsAdministrator = db.UserRoles.Any(ur => ur.UserId == u.Id && adminRoleId.Contains(ur.RoleId)),
                u.LockoutEnd,
                ProductCount = db.ProductMembers.Count(m => m.UserId == u.Id),
            })
            .ToListAsync(cancellationToken);
        return users.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, u.IsAdministrator,
            u.LockoutEnd is { } end && end > now, u.ProductCount)).ToList();
    }
}
