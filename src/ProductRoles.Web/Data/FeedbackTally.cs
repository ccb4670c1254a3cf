using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ProductRoles.Web.Domain.Feedback;

namespace ProductRoles.Web.Data;

/// <summary>
/// Keeps <see cref="FeedbackStatusCount"/> in step with the feedback, in the transaction of the save that
/// changes it, as <see cref="BacklogTally"/> does for tags: feedback recorded, triaged to another status and
/// removed, read from the change tracker before the save, written after it as one statement of relative
/// updates (so two saves never lose each other's counts).
/// </summary>
public sealed class FeedbackTally
{
    private readonly Dictionary<(int ProductId, FeedbackStatus Status), int> _counts = [];

    public bool IsEmpty => _counts.Count == 0;

    public static FeedbackTally Capture(ChangeTracker tracker)
    {
        var tally = new FeedbackTally();
        foreach (var entry in tracker.Entries<FeedbackItem>())
        {
            var item = entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    tally.Add(item.ProductId, item.Status, 1);
                    break;
                case EntityState.Deleted:
                    tally.Add(item.ProductId, entry.Property(f => f.Status).OriginalValue, -1);
                    break;
                case EntityState.Modified when entry.Property(f => f.Status).OriginalValue is var was && was != item.Status:
                    tally.Add(item.ProductId, was, -1);
                    tally.Add(item.ProductId, item.Status, 1);
                    break;
            }
        }

        foreach (var zero in tally._counts.Where(c => c.Value == 0).Select(c => c.Key).ToList())
        {
            tally._counts.Remove(zero);
        }

        return tally;
    }

    private void Add(int productId, FeedbackStatus status, int delta) =>
        _counts[(productId, status)] = _counts.GetValueOrDefault((productId, status)) + delta;

    /// <summary>Applies the counted changes: one command, run inside the save's transaction.</summary>
    public Task ApplyAsync(AppDbContext db, CancellationToken cancellationToken) => Build().ExecuteAsync(db, cancellationToken);

    public void Apply(AppDbContext db) => Build().Execute(db);

    // A count that falls to zero keeps its row (the inbox lists every status, with its count).
    private CounterSql Build()
    {
        var sql = new CounterSql();
        foreach (var ((productId, status), delta) in _counts)
        {
            sql.AddToKeyedCount("FeedbackStatusCounts", "Status", productId, status.ToString(), delta, dropAtZero: false);
        }

        return sql;
    }

    /// <summary>Counts every product's feedback afresh (the migration's backfill, and a bulk load's).</summary>
    public const string RecountSql = """
        DELETE FROM "FeedbackStatusCounts";
        INSERT INTO "FeedbackStatusCounts" ("ProductId", "Status", "ItemCount")
            SELECT f."ProductId", f."Status", COUNT(*) FROM "FeedbackItems" f GROUP BY f."ProductId", f."Status";
        """;
}
