namespace ProductRoles.Web.Infrastructure.Events;

/// <summary>
/// Work that must wait until the command's transaction has committed, such as telling live pages
/// what changed: a message sent before the commit could describe a change that then rolls back.
/// The unit of work calls <see cref="CommittedAsync"/> once the outermost command committed, and
/// <see cref="Discard"/> when an attempt starts or fails. Scoped: one per request.
/// </summary>
public interface ICommitListener
{
    void Discard();

    /// <summary>Runs after the commit; a failure here must not fail the command, whose changes are saved.</summary>
    Task CommittedAsync(CancellationToken cancellationToken);
}
