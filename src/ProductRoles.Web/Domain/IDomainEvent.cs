namespace ProductRoles.Web.Domain;

/// <summary>
/// Something that happened in the domain that other areas may react to (the burndown, later
/// notifications, outbox rows, live updates). Named in the past tense, by what happened, never by
/// who should react. Handled inside the command's transaction, after its changes are saved.
/// </summary>
public interface IDomainEvent;
