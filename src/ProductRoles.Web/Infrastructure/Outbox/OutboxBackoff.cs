namespace ProductRoles.Web.Infrastructure.Outbox;

/// <summary>
/// When to try again after the n-th failed try: the base delay doubled per try, capped, with the upper
/// half jittered ("equal jitter") so that receivers coming back after an outage are not hit by every
/// retry in the same second.
/// </summary>
public sealed record OutboxBackoff(TimeSpan First, TimeSpan Longest)
{
    public TimeSpan After(int failedAttempts, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var full = Math.Min(First.TotalSeconds * Math.Pow(2, exponent), Longest.TotalSeconds);
        return TimeSpan.FromSeconds((full / 2) + (random.NextDouble() * full / 2));
    }
}
