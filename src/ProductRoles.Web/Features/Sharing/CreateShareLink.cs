using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sharing;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Sharing;

/// <summary>
/// The product manager shares the published roadmap, or the product owner a sprint review, with someone who
/// has no account: a link with a label, optionally an expiry. The answer holds the link's secret, shown this
/// once: only its hash is stored.
/// </summary>
[Requires(Permission.ManageShareLinks)]
public sealed record CreateShareLink(string ProductSlug, ShareLinkKind Kind, int? SprintId, string Label, DateOnly? ExpiresOn)
    : ICommand<CreatedShareLink>, IProductRequest;

public sealed record CreatedShareLink(int Id, string Secret);

public sealed class CreateShareLinkValidator : AbstractValidator<CreateShareLink>
{
    public CreateShareLinkValidator(TimeProvider clock)
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose what to share.");
        RuleFor(c => c.Label).Must(l => !string.IsNullOrWhiteSpace(l)).WithMessage("Say who the link is for, e.g. “Finance” or “Customer advisory board”.")
            .MaximumLength(ShareLink.LabelMaxLength).WithMessage($"Keep the label to {ShareLink.LabelMaxLength} characters.");
        RuleFor(c => c.SprintId).NotNull().When(c => c.Kind == ShareLinkKind.SprintReview).WithMessage("Choose the sprint review to share.");
        RuleFor(c => c.ExpiresOn)
            .Must(d => d > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).When(c => c.ExpiresOn is not null)
            .WithMessage("The expiry must be after today.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(ShareLink.MaxLifetimeDays)).When(c => c.ExpiresOn is not null)
            .WithMessage($"A link can last at most {ShareLink.MaxLifetimeDays} days; leave it empty for no expiry.");
    }
}

public sealed class CreateShareLinkHandler(AppDbContext db, ProductContext product, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateShareLink, CreatedShareLink>
{
    public async ValueTask<CreatedShareLink> Handle(CreateShareLink command, CancellationToken cancellationToken)
    {
        ShareLinkRules.EnsureMayShare(product, command.Kind);
        int? sprintId = null;
        if (command.Kind == ShareLinkKind.PublishedRoadmap)
        {
            if (!await db.PublishedRoadmaps.AnyAsync(cancellationToken))
            {
                throw RequestValidationException.For(nameof(CreateShareLink.Kind), "Publish the roadmap first: a link shows the published roadmap.");
            }
        }
        else
        {
            sprintId = await db.Sprints.Where(s => s.Id == command.SprintId && s.State == SprintState.Closed)
                .Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw RequestValidationException.For(nameof(CreateShareLink.SprintId), "Choose the review of a closed sprint.");
        }

        var (secret, hash) = ShareLink.NewSecret();
        var link = new ShareLink
        {
            ProductId = product.Id,
            Kind = command.Kind,
            SprintId = sprintId,
            Label = command.Label.Trim(),
            SecretHash = hash,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.Name,
            ExpiresAt = command.ExpiresOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedShareLink(link.Id, secret);
    }
}

public static class ShareLinkRules
{
    /// <summary>The published roadmap is the product manager's to share, a sprint review the product owner's.</summary>
    public static bool MayShare(ProductContext product, ShareLinkKind kind) =>
        product.Can(kind == ShareLinkKind.PublishedRoadmap ? Permission.ShareRoadmap : Permission.ShareSprintReview);

    public static void EnsureMayShare(ProductContext product, ShareLinkKind kind)
    {
        if (!MayShare(product, kind))
        {
            throw new ForbiddenException();
        }
    }
}
