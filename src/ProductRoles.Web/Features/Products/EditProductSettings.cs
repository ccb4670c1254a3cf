using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Products;

/// <summary>The product manager renames the product, describes it, or moves it to another lifecycle stage.</summary>
[Requires(Permission.EditProductSettings)]
public sealed record EditProductSettings(string ProductSlug, string Name, string? Description, LifecycleStage Stage, int Version)
    : ICommand<Unit>, IProductRequest;

public sealed class EditProductSettingsValidator : AbstractValidator<EditProductSettings>
{
    public EditProductSettingsValidator()
    {
        RuleFor(c => c.Name).ValidProductName();
        RuleFor(c => c.Description).ValidDescription();
        RuleFor(c => c.Stage).IsInEnum().WithMessage("Choose a lifecycle stage.");
    }
}

public sealed class EditProductSettingsHandler(AppDbContext db, ProductContext product, ProductAccessResolver access)
    : ICommandHandler<EditProductSettings, Unit>
{
    public async ValueTask<Unit> Handle(EditProductSettings command, CancellationToken cancellationToken)
    {
        var settings = await db.Products.SingleAsync(p => p.Id == product.Id, cancellationToken);
        db.ExpectVersion(settings, command.Version);
        settings.Name = command.Name.Trim();
        settings.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        settings.Stage = command.Stage;
        await db.SaveChangesCheckedAsync(cancellationToken);
        access.Reset();
        return Unit.Value;
    }
}
