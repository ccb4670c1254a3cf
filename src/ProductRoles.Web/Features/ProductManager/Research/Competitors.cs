using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Research;

/// <summary>The competitors view: each competitor's strengths, weaknesses and positioning.</summary>
[Requires(Permission.ViewStrategy)]
public sealed record GetCompetitors(string ProductSlug) : IQuery<CompetitorList>, IProductRequest;

public sealed record CompetitorList(IReadOnlyList<CompetitorView> Competitors)
{
    /// <summary>Whether the caller may change it (the permission table, for the caller's role).</summary>
    public bool CanEdit { get; init; }
}

public sealed record CompetitorView(int Id, string Name, string Strengths, string Weaknesses, string Positioning, int Version, int InsightCount);

public sealed class GetCompetitorsHandler(AppDbContext db, ProductContext product)
    : IQueryHandler<GetCompetitors, CompetitorList>
{
    public async ValueTask<CompetitorList> Handle(GetCompetitors query, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var competitors = await db.Competitors.AsNoTracking().OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);
        var competitorInsights = await db.Insights.AsNoTracking()
            .Where(i => i.Kind == InsightKind.Competitor).Select(i => i.Title + " " + i.Tags)
            .ToListAsync(cancellationToken);
        return new CompetitorList([.. competitors.Select(c => new CompetitorView(c.Id, c.Name, c.Strengths, c.Weaknesses, c.Positioning, c.Version,
            competitorInsights.Count(t => t.Contains(c.Name, StringComparison.OrdinalIgnoreCase))))])
        {
            CanEdit = product.Can(Permission.EditStrategy),
        };
    }
}

/// <summary>The product manager adds a competitor (CompetitorId 0) or updates what is known about one.</summary>
[Requires(Permission.EditStrategy)]
public sealed record SaveCompetitor(
    string ProductSlug, int CompetitorId, string Name, string? Strengths, string? Weaknesses, string? Positioning, int Version)
    : ICommand<int>, IProductRequest;

public sealed class SaveCompetitorValidator : AbstractValidator<SaveCompetitor>
{
    public SaveCompetitorValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the competitor.")
            .MaximumLength(Competitor.NameMaxLength).WithMessage($"Keep the name to {Competitor.NameMaxLength} characters.");
        RuleFor(c => c.Strengths).MaximumLength(Competitor.TextMaxLength).WithMessage($"Keep this to {Competitor.TextMaxLength} characters.");
        RuleFor(c => c.Weaknesses).MaximumLength(Competitor.TextMaxLength).WithMessage($"Keep this to {Competitor.TextMaxLength} characters.");
        RuleFor(c => c.Positioning).NotEmpty().WithMessage("Describe how they position themselves.")
            .MaximumLength(Competitor.TextMaxLength).WithMessage($"Keep this to {Competitor.TextMaxLength} characters.");
    }
}

public sealed class SaveCompetitorHandler(AppDbContext db, ProductContext product) : ICommandHandler<SaveCompetitor, int>
{
    public async ValueTask<int> Handle(SaveCompetitor command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var name = command.Name.Trim();
        var duplicates = await db.Competitors.Where(c => c.Id != command.CompetitorId)
            .Select(c => c.Name).ToListAsync(cancellationToken);
        if (duplicates.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw RequestValidationException.For(nameof(SaveCompetitor.Name), $"{name} is already listed.");
        }

        Competitor competitor;
        if (command.CompetitorId == 0)
        {
            competitor = new Competitor { ProductId = productId, Name = name };
            db.Competitors.Add(competitor);
        }
        else
        {
            competitor = await db.Competitors.SingleOrNotFoundAsync(c => c.Id == command.CompetitorId, cancellationToken);
            db.ExpectVersion(competitor, command.Version);
        }

        competitor.Name = name;
        competitor.Strengths = command.Strengths?.Trim() ?? "";
        competitor.Weaknesses = command.Weaknesses?.Trim() ?? "";
        competitor.Positioning = command.Positioning!.Trim();
        await db.SaveChangesCheckedAsync(cancellationToken);
        return competitor.Id;
    }
}
