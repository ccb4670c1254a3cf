using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Goals;

/// <summary>
/// The product manager (or an analytics job through the API) checks in a measured value for a key
/// result: it joins the history and, unless a later day was already checked in, becomes the current value.
/// </summary>
/// <param name="On">The day it was measured; today when not given.</param>
[Requires(Permission.EditStrategy)]
public sealed record CheckInKeyResult(string ProductSlug, int KeyResultId, decimal? Value, DateOnly? On = null, string? Note = null)
    : ICommand<int>, IProductRequest;

public sealed class CheckInKeyResultValidator : AbstractValidator<CheckInKeyResult>
{
    private const decimal Limit = 1_000_000_000m;

    public CheckInKeyResultValidator()
    {
        RuleFor(c => c.Value).NotNull().WithMessage("Enter the measured value.")
            .InclusiveBetween(-Limit, Limit).WithMessage("Enter a number between -1,000,000,000 and 1,000,000,000.");
        RuleFor(c => c.On).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("Enter a date between 2000 and 2100.");
        RuleFor(c => c.Note).MaximumLength(KeyResult.NoteMaxLength).WithMessage($"Keep the note to {KeyResult.NoteMaxLength} characters.");
    }
}

public sealed class CheckInKeyResultHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<CheckInKeyResult, int>
{
    public async ValueTask<int> Handle(CheckInKeyResult command, CancellationToken cancellationToken)
    {
        var keyResult = await db.KeyResults.SingleOrNotFoundAsync(k => k.Id == command.KeyResultId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var on = command.On ?? DateOnly.FromDateTime(now);
        if (on > DateOnly.FromDateTime(now))
        {
            throw new Domain.DomainRuleException("On", "A check-in records a value already measured: choose today or an earlier day.");
        }

        var checkIn = keyResult.CheckIn(command.Value!.Value, on, command.Note, user.UserId ?? "", user.Name, now);
        db.KeyResultCheckIns.Add(checkIn);
        await db.SaveChangesCheckedAsync(cancellationToken);
        events.Raise(new KeyResultCheckedIn(product.Id, keyResult.GoalId, keyResult.Id, checkIn.Id, user.UserId, checkIn.Value, checkIn.On));
        return checkIn.Id;
    }
}
