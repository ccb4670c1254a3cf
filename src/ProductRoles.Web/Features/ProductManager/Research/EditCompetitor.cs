using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>The product manager updates what is known about a competitor.</summary>
[Requires(Permission.EditStrategy)]
public sealed record EditCompetitor(
    string ProductSlug, int CompetitorId, string Name, string? Strengths, string? Weaknesses, string? Positioning, int Version)
    : ICommand<Unit>, IProductRequest, ICompetitorInput;

public sealed class EditCompetitorValidator : AbstractValidator<EditCompetitor>
{
    public EditCompetitorValidator() => Include(new CompetitorInputValidator());
}

public sealed class EditCompetitorHandler(AppDbContext db) : ICommandHandler<EditCompetitor, Unit>
{
    public async ValueTask<Unit> Handle(EditCompetitor command, CancellationToken cancellationToken)
    {
        var competitor = await db.Competitors.SingleOrNotFoundAsync(c => c.Id == command.CompetitorId, cancellationToken);
        db.ExpectVersion(competitor, command.Version);
        await CompetitorInputs.EnsureNotListedAsync(db, command, competitor.Id, cancellationToken);
        competitor.DescribeFrom(command);
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }
}
