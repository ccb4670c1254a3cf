using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.DefinitionOfDone;
using ProductRoles.Web.Features.ProductOwner.Backlog;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.DefinitionOfDone;

/// <summary>
/// The product owner saves the Definition of Done: an ordered list of criteria, one per line. Each
/// save makes the next version; <paramref name="BasedOnNumber"/> is the version the editor started
/// from, so two editors cannot silently overwrite each other.
/// </summary>
[Requires(Permission.EditDefinitionOfDone)]
public sealed record EditDefinitionOfDone(string ProductSlug, string? Criteria, int BasedOnNumber) : ICommand<int>, IProductRequest;

public sealed class EditDefinitionOfDoneValidator : AbstractValidator<EditDefinitionOfDone>
{
    public EditDefinitionOfDoneValidator() =>
        RuleFor(c => c.Criteria).Must(c => BacklogRules.ParseLines(c).Count > 0).WithMessage("Write at least one criterion, one per line.")
            .Must(c => BacklogRules.ParseLines(c).Count <= DefinitionOfDoneVersion.MaxCriteria)
            .WithMessage($"Keep the Definition of Done to {DefinitionOfDoneVersion.MaxCriteria} criteria or fewer.")
            .Must(c => BacklogRules.ParseLines(c).All(l => l.Length <= DefinitionOfDoneCriterion.TextMaxLength))
            .WithMessage($"Keep each criterion under {DefinitionOfDoneCriterion.TextMaxLength} characters.");
}

public sealed class EditDefinitionOfDoneHandler(AppDbContext db, ProductContext product, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<EditDefinitionOfDone, int>
{
    public async ValueTask<int> Handle(EditDefinitionOfDone command, CancellationToken cancellationToken)
    {
        var productId = product.Id;
        var current = await db.DefinitionOfDoneVersions.OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.CreatedBy, v.CreatedAt, Criteria = v.Criteria.OrderBy(c => c.Position).Select(c => c.Text).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        var currentNumber = current?.Number ?? 0;
        var lines = BacklogRules.ParseLines(command.Criteria);
        if (currentNumber != command.BasedOnNumber)
        {
            throw Conflict(lines, current?.Criteria ?? [], currentNumber,
                current is null ? null : new ConflictingSave(current.CreatedBy, current.CreatedAt, [new ConflictingChange("criteria", null, string.Join("; ", current.Criteria))]));
        }

        if (current is not null && current.Criteria.SequenceEqual(lines, StringComparer.Ordinal))
        {
            throw RequestValidationException.For(nameof(EditDefinitionOfDone.Criteria), "Nothing changed: this is the current version.");
        }

        var version = new DefinitionOfDoneVersion
        {
            ProductId = productId,
            Number = currentNumber + 1,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.Name,
        };
        version.Criteria.AddRange(lines.Select((text, n) => new DefinitionOfDoneCriterion { Position = n + 1, Text = text }));
        db.DefinitionOfDoneVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (BacklogRules.IsUniqueViolation(ex))
        {
            // Someone saved version n+1 between our read and our write.
            throw Conflict(lines, [], currentNumber + 1, null);
        }

        return version.Number;
    }

    private static ConcurrencyConflictException Conflict(IReadOnlyList<string> yours, IReadOnlyList<string> theirs, int number, ConflictingSave? save) =>
        new([new ConflictingValue("Criteria", "criteria", string.Join("; ", yours), theirs.Count == 0 ? "(a newer version)" : string.Join("; ", theirs))], number, save);
}
