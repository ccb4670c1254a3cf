using Mediator;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>The empty form for a new insight (for product managers only), dated today.</summary>
[Requires(Permission.EditStrategy)]
public sealed record NewInsightForm(string ProductSlug) : IQuery<DateOnly>, IProductRequest;

public sealed class NewInsightFormHandler(TimeProvider clock) : IQueryHandler<NewInsightForm, DateOnly>
{
    public ValueTask<DateOnly> Handle(NewInsightForm query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}
