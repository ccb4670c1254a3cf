using System.Text.RegularExpressions;
using FluentValidation;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Features.Products;

/// <summary>Rules shared by every form that names or renames a product.</summary>
public static partial class ProductRules
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SlugPattern();

    public static IRuleBuilderOptions<T, string> ValidProductName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter the product's name.")
            .MaximumLength(Product.NameMaxLength).WithMessage($"Keep the name to {Product.NameMaxLength} characters.");

    public static IRuleBuilderOptions<T, string> ValidSlug<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter a slug for the product's address.")
            .MaximumLength(Product.SlugMaxLength).WithMessage($"Keep the slug to {Product.SlugMaxLength} characters.")
            .Must(s => s is null || SlugPattern().IsMatch(s))
            .WithMessage("Use lower-case letters, digits and single dashes, e.g. acme-checkout.");

    public static IRuleBuilderOptions<T, string?> ValidDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Product.DescriptionMaxLength)
            .WithMessage($"Keep the description to {Product.DescriptionMaxLength} characters.");
}
