namespace ProductRoles.Web.Domain.Goals;

/// <summary>A value was checked in for a key result, by hand or posted by an analytics job through the API.</summary>
public sealed record KeyResultCheckedIn(int ProductId, int GoalId, int KeyResultId, int CheckInId, string? ActorId, decimal Value, DateOnly On)
    : IProductEvent;
