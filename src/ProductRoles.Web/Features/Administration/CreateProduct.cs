using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Features.Products;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.Administration;

/// <summary>An administrator creates a product; its slug is its address and must be unique.</summary>
public sealed record CreateProduct(string Name, string Slug, LifecycleStage Stage, string? Description)
    : ICommand<string>, IAdministratorRequest;

public sealed class CreateProductValidator : AbstractValidator<CreateProduct>
{
    public CreateProductValidator()
    {
        RuleFor(c => c.Name).ValidProductName();
        RuleFor(c => c.Slug).ValidSlug();
        RuleFor(c => c.Stage).IsInEnum().WithMessage("Choose a lifecycle stage.");
        RuleFor(c => c.Description).ValidDescription();
    }
}

public sealed class CreateProductHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<CreateProduct, string>
{
    public async ValueTask<string> Handle(CreateProduct command, CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(p => p.Slug == command.Slug, cancellationToken))
        {
            throw RequestValidationException.For(nameof(command.Slug), $"Another product already uses the slug “{command.Slug}”.");
        }

        db.Products.Add(new Product
        {
            Name = command.Name.Trim(),
            Slug = command.Slug,
            Stage = command.Stage,
            Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return command.Slug;
    }
}
