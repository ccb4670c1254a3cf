using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>The product manager adds a competitor with its strengths, weaknesses and positioning. Returns its id.</summary>
[Requires(Permission.EditStrategy)]
public sealed record AddCompetitor(string ProductSlug, string Name, string? Strengths, string? Weaknesses, string? Positioning)
    : ICommand<int>, IProductRequest, ICompetitorInput;

public sealed class AddCompetitorValidator : AbstractValidator<AddCompetitor>
{
    public AddCompetitorValidator() => Include(new CompetitorInputValidator());
}

public sealed class AddCompetitorHandler(AppDbContext db, ProductContext product) : ICommandHandler<AddCompetitor, int>
{
    public async ValueTask<int> Handle(AddCompetitor command, CancellationToken cancellationToken)
    {
        await CompetitorInputs.EnsureNotListedAsync(db, command, null, cancellationToken);
        var competitor = new Competitor { ProductId = product.Id, Name = "" };
        competitor.DescribeFrom(command);
        db.Competitors.Add(competitor);
        await db.SaveChangesCheckedAsync(cancellationToken);
        return competitor.Id;
    }
}
