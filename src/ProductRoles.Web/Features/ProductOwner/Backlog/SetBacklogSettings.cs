using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>The product owner chooses where new backlog items go: the top or the bottom.</summary>
[Requires(Permission.OrderBacklog)]
public sealed record SetBacklogSettings(string ProductSlug, bool NewItemsOnTop) : ICommand<Unit>, IProductRequest;

public sealed class SetBacklogSettingsHandler(AppDbContext db, ProductContext product) : ICommandHandler<SetBacklogSettings, Unit>
{
    public async ValueTask<Unit> Handle(SetBacklogSettings command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var settings = await db.BacklogSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            db.BacklogSettings.Add(settings = new BacklogSettings { ProductId = productId });
        }

        settings.NewItemsOnTop = command.NewItemsOnTop;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Whether new backlog items go to the top (true) or the bottom.</summary>
[Requires(Permission.CreateBacklogItems)]
public sealed record GetBacklogSettings(string ProductSlug) : IQuery<bool>, IProductRequest;

public sealed class GetBacklogSettingsHandler(AppDbContext db) : IQueryHandler<GetBacklogSettings, bool>
{
    public async ValueTask<bool> Handle(GetBacklogSettings query, CancellationToken cancellationToken) =>
        await db.BacklogSettings.AsNoTracking()
            .Select(s => s.NewItemsOnTop).FirstOrDefaultAsync(cancellationToken);
}
