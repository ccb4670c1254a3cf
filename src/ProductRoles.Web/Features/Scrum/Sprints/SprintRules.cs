using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Web.Features.Scrum.Sprints;

/// <summary>The fields every sprint form shares, and the rules they obey.</summary>
public interface ISprintFields
{
    string Name { get; }
    string Goal { get; }
    DateOnly? StartDate { get; }
    DateOnly? EndDate { get; }
    int Capacity { get; }
    bool AllowOverlap { get; }
}

public static class SprintRules
{
    public const int MaxLengthInDays = 31;

    public static void AddSprintFieldRules<T>(this AbstractValidator<T> validator)
        where T : ISprintFields
    {
        validator.RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the sprint a name.")
            .MaximumLength(Sprint.NameMaxLength).WithMessage($"Keep the name within {Sprint.NameMaxLength} characters.");
        validator.RuleFor(c => c.Goal).Must(g => !string.IsNullOrWhiteSpace(g))
            .WithMessage("Every sprint needs a sprint goal: the one objective its increment must meet.")
            .MaximumLength(Sprint.GoalMaxLength).WithMessage($"Keep the goal within {Sprint.GoalMaxLength} characters.");
        validator.RuleFor(c => c.StartDate).NotNull().WithMessage("Choose the first day of the sprint.");
        validator.RuleFor(c => c.EndDate).NotNull().WithMessage("Choose the last day of the sprint.");
        validator.RuleFor(c => c.EndDate)
            .Must((c, end) => end > c.StartDate).WithMessage("The sprint must end after it starts.")
            .Must((c, end) => end!.Value.DayNumber - c.StartDate!.Value.DayNumber < MaxLengthInDays)
            .WithMessage($"A sprint is a time-box of at most {MaxLengthInDays} days.")
            .When(c => c.StartDate is not null && c.EndDate is not null);
        validator.RuleFor(c => c.Capacity).GreaterThanOrEqualTo(0).WithMessage("Capacity can't be negative.")
            .LessThanOrEqualTo(1000).WithMessage("Capacity is in story points; keep it at most 1000.");
    }

    /// <summary>Refuses dates that overlap another sprint of the product, unless the product owner allows it.</summary>
    public static async Task EnsureNoOverlapAsync(
        AppDbContext db, int productId, int? sprintId, ISprintFields fields, CancellationToken cancellationToken)
    {
        if (fields.AllowOverlap)
        {
            return;
        }

        var start = fields.StartDate!.Value;
        var end = fields.EndDate!.Value;
        var other = await db.Sprints.AsNoTracking()
            .Where(s => s.ProductId == productId && s.Id != sprintId && s.StartDate <= end && s.EndDate >= start)
            .Select(s => new { s.Name, s.StartDate, s.EndDate })
            .FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            throw RequestValidationException.For(nameof(ISprintFields.StartDate),
                $"These dates overlap {other.Name} ({other.StartDate:d MMM} – {other.EndDate:d MMM yyyy}). " +
                "Choose other dates, or tick “allow overlap” if two sprints really run side by side.");
        }
    }
}
