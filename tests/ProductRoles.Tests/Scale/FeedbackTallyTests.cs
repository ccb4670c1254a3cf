using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Features.ProductOwner.Feedback;

namespace ProductRoles.Tests.Scale;

/// <summary>
/// The feedback inbox's per-status counts and total come from the product's counter rows, kept in step by
/// the command that records, triages or removes feedback: what the status filter offers is always what the
/// feedback says.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FeedbackTallyTests(AppFixture app)
{
    [Fact]
    public async Task The_inbox_counts_follow_recording_triaging_turning_into_stories_and_deleting()
    {
        var product = await app.NewProduct("Feedback counts").WithMembers((AppFixture.Po, ProductRole.ProductOwner)).BuildAsync();
        var ids = new List<int>();
        for (var n = 0; n < 5; n++)
        {
            ids.Add(await product.Feedback($"Customers want receipts, take {n}.").CreateAsync());
        }

        var inbox = await InboxAsync(product.Slug);
        Assert.Equal(5, inbox.Total);
        Assert.Equal(Counts(@new: 5), inbox.CountsByStatus);

        await TriageAsync(product.Slug, ids[0], FeedbackStatus.Declined);
        await TriageAsync(product.Slug, ids[1], FeedbackStatus.Duplicate, duplicateOf: ids[2]);
        await product.SendAsync(AppFixture.Po, new TurnFeedbackIntoBacklogItems(product.Slug, ids[3], BacklogItemType.Story, "shopper", "get a receipt", "I can claim it"));
        inbox = await InboxAsync(product.Slug);
        Assert.Equal(Counts(@new: 2, accepted: 1, declined: 1, duplicate: 1), inbox.CountsByStatus);
        Assert.Equal(5, inbox.Total);
        Assert.Equal(2, (await InboxAsync(product.Slug, FeedbackStatus.New)).Total);

        // Triaged back to where it was: the counts go back too. No command deletes feedback; a save that removes it still counts.
        await TriageAsync(product.Slug, ids[0], FeedbackStatus.New);
        await app.QueryAsync(async db =>
        {
            db.FeedbackItems.Remove(await db.FeedbackItems.SingleAsync(f => f.Id == ids[4]));
            return await db.SaveChangesAsync();
        });

        inbox = await InboxAsync(product.Slug);
        Assert.Equal(Counts(@new: 2, accepted: 1, duplicate: 1), inbox.CountsByStatus);
        Assert.Equal(4, inbox.Total);
        Assert.Equal(await ActualCountsAsync(product.Id), inbox.CountsByStatus);
    }

    [Fact]
    public async Task The_kept_counts_are_what_a_recount_of_every_products_feedback_gives()
    {
        var product = await app.NewProduct("Feedback recount").WithMembers((AppFixture.Po, ProductRole.ProductOwner)).BuildAsync();
        var first = await product.Feedback("Invoices in Portuguese.").CreateAsync();
        await product.Feedback("Invoices in Spanish.").CreateAsync();
        await TriageAsync(product.Slug, first, FeedbackStatus.Accepted);

        // The migration's backfill (and the benchmark's bulk load) recount from the rows: in a transaction
        // never committed, so the counts compared are the ones the saves kept.
        var (kept, recounted) = await app.QueryAsync(async db =>
        {
            var before = await AllCountsAsync(db);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(FeedbackTally.RecountSql);
            var after = await AllCountsAsync(db);
            await transaction.RollbackAsync();
            return (before, after);
        });

        Assert.Equal(recounted, kept);
        Assert.Contains((product.Id, FeedbackStatus.Accepted, 1), kept);
        Assert.Contains((product.Id, FeedbackStatus.New, 1), kept);
    }

    private static Dictionary<FeedbackStatus, int> Counts(int @new = 0, int accepted = 0, int declined = 0, int duplicate = 0) =>
        new Dictionary<FeedbackStatus, int>
        {
            [FeedbackStatus.New] = @new, [FeedbackStatus.Accepted] = accepted, [FeedbackStatus.Declined] = declined, [FeedbackStatus.Duplicate] = duplicate,
        }.Where(c => c.Value > 0).ToDictionary();

    private Task<FeedbackInbox> InboxAsync(string slug, FeedbackStatus? status = null) =>
        app.AsUserAsync(AppFixture.Po, sender => sender.Send(new GetFeedbackInbox(slug, status, null, null)));

    private async Task TriageAsync(string slug, int feedbackId, FeedbackStatus status, int? duplicateOf = null)
    {
        var version = await app.QueryAsync(db => db.FeedbackItems.Where(f => f.Id == feedbackId).Select(f => f.Version).SingleAsync());
        await app.AsUserAsync(AppFixture.Po, sender => sender.Send(new TriageFeedback(slug, feedbackId, status, duplicateOf, null, version)));
    }

    private Task<Dictionary<FeedbackStatus, int>> ActualCountsAsync(int productId) =>
        app.QueryAsync(db => db.FeedbackItems.Where(f => f.ProductId == productId).GroupBy(f => f.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));

    private static async Task<List<(int ProductId, FeedbackStatus Status, int Count)>> AllCountsAsync(AppDbContext db) =>
        [.. (await db.FeedbackStatusCounts.AsNoTracking().Where(c => c.ItemCount > 0).ToListAsync())
            .Select(c => (c.ProductId, c.Status, c.ItemCount)).OrderBy(c => c.ProductId).ThenBy(c => c.Status)];
}
