namespace ProductRoles.Web.Infrastructure.Outbox;

/// <summary>
/// Wakes this instance's sender early when a command wrote outbox rows, so a delivery does not wait for
/// the next poll. Only a hint: other instances, and a wake-up that came before the commit, still find
/// the rows on the next poll.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Someone else woke it in between: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
