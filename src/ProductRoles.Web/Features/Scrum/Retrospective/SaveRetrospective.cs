using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;
using RetrospectiveEntity = ProductRoles.Web.Domain.Sprints.Retrospective;

namespace ProductRoles.Web.Features.Scrum.Retrospective;

/// <summary>The Scrum team writes down what went well and what to improve in a sprint that has started.</summary>
[Requires(Permission.EditRetrospective)]
public sealed record SaveRetrospective(string ProductSlug, int SprintId, string? WentWell, string? ToImprove, int Version)
    : ICommand<Unit>, IProductRequest;

public sealed class SaveRetrospectiveValidator : AbstractValidator<SaveRetrospective>
{
    public SaveRetrospectiveValidator()
    {
        RuleFor(c => c.WentWell).MaximumLength(RetrospectiveEntity.TextMaxLength)
            .WithMessage($"Keep this within {RetrospectiveEntity.TextMaxLength} characters.");
        RuleFor(c => c.ToImprove).MaximumLength(RetrospectiveEntity.TextMaxLength)
            .WithMessage($"Keep this within {RetrospectiveEntity.TextMaxLength} characters.");
        RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.WentWell) || !string.IsNullOrWhiteSpace(c.ToImprove))
            .WithName("WentWell").OverridePropertyName("WentWell")
            .WithMessage("Write down at least one thing that went well or one thing to improve.");
    }
}

public sealed class SaveRetrospectiveHandler(AppDbContext db, ProductContext product)
    : ICommandHandler<SaveRetrospective, Unit>
{
    public async ValueTask<Unit> Handle(SaveRetrospective command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var sprint = await RetrospectiveGuard.StartedSprintAsync(db, command.SprintId, cancellationToken);
        var retro = await db.Retrospectives.SingleOrDefaultAsync(r => r.SprintId == sprint.Id, cancellationToken);
        if (retro is null)
        {
            retro = new RetrospectiveEntity { ProductId = productId, SprintId = sprint.Id, Sprint = sprint };
            db.Retrospectives.Add(retro);
        }
        else
        {
            db.ExpectVersion(retro, command.Version);
        }

        retro.WentWell = Clean(command.WentWell);
        retro.ToImprove = Clean(command.ToImprove);
        await db.SaveChangesCheckedAsync(cancellationToken);
        return Unit.Value;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public static class RetrospectiveGuard
{
    /// <summary>The sprint, if it belongs to the product and has started; a retrospective looks back at work done.</summary>
    public static async Task<Sprint> StartedSprintAsync(AppDbContext db, int sprintId, CancellationToken cancellationToken)
    {
        var sprint = await db.Sprints.SingleOrNotFoundAsync(s => s.Id == sprintId, cancellationToken);
        if (sprint.State == SprintState.Planned)
        {
            throw RequestValidationException.For("", "This sprint hasn't started yet; hold its retrospective once there is work to look back on.");
        }

        return sprint;
    }
}
