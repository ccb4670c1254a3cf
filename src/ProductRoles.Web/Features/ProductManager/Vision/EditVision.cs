using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Vision;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Vision;

/// <summary>The product manager saves the vision board; every save becomes a new revision.</summary>
[Requires(Permission.EditStrategy)]
public sealed record EditVision(
    string ProductSlug, string Statement, string? TargetGroup, string? Needs, string? ProductDetails, string? BusinessGoals, int Version)
    : ICommand<int>, IProductRequest;

public sealed class EditVisionValidator : AbstractValidator<EditVision>
{
    public EditVisionValidator()
    {
        RuleFor(c => c.Statement).NotEmpty().WithMessage("Write the vision statement: why the product exists.")
            .MaximumLength(ProductVision.StatementMaxLength).WithMessage($"Keep the vision statement to {ProductVision.StatementMaxLength} characters.");
        RuleFor(c => c.TargetGroup).MaximumLength(ProductVision.SectionMaxLength).WithMessage($"Keep this to {ProductVision.SectionMaxLength} characters.");
        RuleFor(c => c.Needs).MaximumLength(ProductVision.SectionMaxLength).WithMessage($"Keep this to {ProductVision.SectionMaxLength} characters.");
        RuleFor(c => c.ProductDetails).MaximumLength(ProductVision.SectionMaxLength).WithMessage($"Keep this to {ProductVision.SectionMaxLength} characters.");
        RuleFor(c => c.BusinessGoals).MaximumLength(ProductVision.SectionMaxLength).WithMessage($"Keep this to {ProductVision.SectionMaxLength} characters.");
    }
}

/// <summary>Returns the number of the revision the save created.</summary>
public sealed class EditVisionHandler(AppDbContext db, ProductContext product, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<EditVision, int>
{
    public async ValueTask<int> Handle(EditVision command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var vision = await db.ProductVisions.SingleOrDefaultAsync(cancellationToken);
        if (vision is null)
        {
            vision = new ProductVision { ProductId = productId, Statement = "" };
            db.ProductVisions.Add(vision);
        }
        else
        {
            db.ExpectVersion(vision, command.Version);
        }

        vision.Statement = command.Statement.Trim();
        vision.TargetGroup = Clean(command.TargetGroup);
        vision.Needs = Clean(command.Needs);
        vision.ProductDetails = Clean(command.ProductDetails);
        vision.BusinessGoals = Clean(command.BusinessGoals);
        vision.UpdatedAt = now;

        var last = vision.Id == 0 ? 0
            : await db.ProductVisionRevisions.Where(r => r.ProductVisionId == vision.Id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        vision.Revisions.Add(new ProductVisionRevision
        {
            Number = last + 1, Statement = vision.Statement, TargetGroup = vision.TargetGroup, Needs = vision.Needs,
            ProductDetails = vision.ProductDetails, BusinessGoals = vision.BusinessGoals, SavedAt = now, SavedBy = user.Name,
        });
        await db.SaveChangesCheckedAsync(cancellationToken);
        return last + 1;
    }

    private static string Clean(string? value) => value?.Trim().ReplaceLineEndings("\n") ?? string.Empty;
}
