namespace ProductRoles.Web.Domain;

/// <summary>
/// When a member last looked at a product's home, for "since your last visit". A visit is a run of home
/// page loads with no gap longer than <see cref="VisitGap"/>: while it lasts the home keeps listing what was
/// published since the previous visit ended (<see cref="Since"/>), and <see cref="LastSeenAt"/> is written at
/// most once every <see cref="WriteEvery"/>, not on every load.
/// </summary>
public sealed class ProductVisit : IProductOwned
{
    public static readonly TimeSpan VisitGap = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan WriteEvery = TimeSpan.FromMinutes(5);

    /// <summary>On a first visit the home lists what was published in this many days before it.</summary>
    public static readonly TimeSpan FirstVisitLookBack = TimeSpan.FromDays(14);

    public int ProductId { get; set; }
    public required string UserId { get; set; }

    /// <summary>The latest home page load that was written down.</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>Where the current visit's "since your last visit" starts: the end of the previous visit.</summary>
    public DateTime Since { get; set; }

    public static ProductVisit First(int productId, string userId, DateTime now) =>
        new() { ProductId = productId, UserId = userId, LastSeenAt = now, Since = now - FirstVisitLookBack };

    /// <summary>
    /// Where "since your last visit" starts for a home page load at <paramref name="now"/>, whether or not this
    /// load is written down: a load after a long enough gap starts a new visit, which begins where the last one ended.
    /// </summary>
    public static DateTime ShownSince(ProductVisit? visit, DateTime now) =>
        visit is null ? now - FirstVisitLookBack
        : now - visit.LastSeenAt > VisitGap ? visit.LastSeenAt
        : visit.Since;

    /// <summary>Whether a home page load at <paramref name="now"/> needs writing: the first ever, or a few minutes after the last write.</summary>
    public static bool NeedsWrite(ProductVisit? visit, DateTime now) => visit is null || now - visit.LastSeenAt >= WriteEvery;

    /// <summary>A home page load being written down: a new visit after a long enough gap moves <see cref="Since"/> to where the previous one ended.</summary>
    public void Seen(DateTime now)
    {
        Since = ShownSince(this, now);
        LastSeenAt = now;
    }
}
