using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data.Auditing;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Data.Search;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.AccessTokens;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.DefinitionOfDone;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sprints;
using ProductRoles.Web.Domain.Vision;
using ProductRoles.Web.Domain.Webhooks;

namespace ProductRoles.Web.Data;

/// <summary>
/// The one DbContext. Each provider has a thin subclass (<see cref="SqliteAppDbContext"/>,
/// <see cref="SqlServerAppDbContext"/>) that owns its migration set; everything else uses this type.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    /// <summary>Only options: contexts are pooled (see <see cref="DataServices"/>), so per-request state is set on lease.</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Who is saving, for history rows; set each time the context is leased to a request scope.</summary>
    public IChangeAuthor? CurrentUser { get; set; }

    /// <summary>
    /// The product the request is scoped to (see <see cref="ProductScopeFilters"/>); set each time the context is
    /// leased to a request scope. Unset, queries read across products.
    /// </summary>
    public IProductScope? ProductScope { get; set; }

    /// <summary>Read by the product query filters on every query; null means "not scoped".</summary>
    public int? ScopedProductId => ProductScope?.ScopedProductId;

    /// <summary>The clock for history rows; set each time the context is leased to a request scope.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductMember> ProductMembers => Set<ProductMember>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<AccountActivity> AccountActivities => Set<AccountActivity>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<FeedbackItem> FeedbackItems => Set<FeedbackItem>();
    public DbSet<BacklogItem> BacklogItems => Set<BacklogItem>();
    public DbSet<AcceptanceCriterion> AcceptanceCriteria => Set<AcceptanceCriterion>();
    public DbSet<BacklogItemTag> BacklogItemTags => Set<BacklogItemTag>();
    public DbSet<ProductTag> ProductTags => Set<ProductTag>();
    public DbSet<FeedbackStatusCount> FeedbackStatusCounts => Set<FeedbackStatusCount>();
    public DbSet<BacklogItemFeedbackLink> BacklogItemFeedbackLinks => Set<BacklogItemFeedbackLink>();
    public DbSet<BacklogComment> BacklogComments => Set<BacklogComment>();
    public DbSet<BacklogSettings> BacklogSettings => Set<BacklogSettings>();
    public DbSet<BacklogItemDoneCheck> BacklogItemDoneChecks => Set<BacklogItemDoneCheck>();
    public DbSet<DefinitionOfDoneVersion> DefinitionOfDoneVersions => Set<DefinitionOfDoneVersion>();
    public DbSet<Domain.Backlog.Import.BacklogImport> BacklogImports => Set<Domain.Backlog.Import.BacklogImport>();
    public DbSet<Domain.Backlog.Import.BacklogImportRevert> BacklogImportReverts => Set<Domain.Backlog.Import.BacklogImportRevert>();
    public DbSet<Sprint> Sprints => Set<Sprint>();
    public DbSet<SprintDaySnapshot> SprintDaySnapshots => Set<SprintDaySnapshot>();
    public DbSet<Retrospective> Retrospectives => Set<Retrospective>();
    public DbSet<RetrospectiveAction> RetrospectiveActions => Set<RetrospectiveAction>();
    public DbSet<SprintItem> SprintItems => Set<SprintItem>();
    public DbSet<SprintTask> SprintTasks => Set<SprintTask>();
    public DbSet<SprintReview> SprintReviews => Set<SprintReview>();
    public DbSet<SprintReviewFeedback> SprintReviewFeedback => Set<SprintReviewFeedback>();

    // Product manager area
    public DbSet<ProductVision> ProductVisions => Set<ProductVision>();
    public DbSet<ProductVisionRevision> ProductVisionRevisions => Set<ProductVisionRevision>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<KeyResult> KeyResults => Set<KeyResult>();
    public DbSet<KeyResultCheckIn> KeyResultCheckIns => Set<KeyResultCheckIn>();
    public DbSet<Insight> Insights => Set<Insight>();
    public DbSet<Competitor> Competitors => Set<Competitor>();
    public DbSet<RoadmapItem> RoadmapItems => Set<RoadmapItem>();
    public DbSet<RoadmapItemInsight> RoadmapItemInsights => Set<RoadmapItemInsight>();
    public DbSet<RoadmapItemGoal> RoadmapItemGoals => Set<RoadmapItemGoal>();
    public DbSet<RoadmapFeedback> RoadmapFeedback => Set<RoadmapFeedback>();
    public DbSet<PublishedRoadmap> PublishedRoadmaps => Set<PublishedRoadmap>();
    public DbSet<PublishedRoadmapItem> PublishedRoadmapItems => Set<PublishedRoadmapItem>();

    // Sharing with stakeholders: links for people without an account, and each member's last visit
    public DbSet<Domain.Sharing.ShareLink> ShareLinks => Set<Domain.Sharing.ShareLink>();
    public DbSet<ProductVisit> ProductVisits => Set<ProductVisit>();

    // Outgoing: webhooks and the outbox every sender shares
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts => Set<WebhookDeliveryAttempt>();
    public DbSet<Outbox.OutboxMessage> OutboxMessages => Set<Outbox.OutboxMessage>();

    // Notifications: the inbox, what members watch, and how each user wants to be told
    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();
    public DbSet<Domain.Notifications.NotificationWatch> NotificationWatches => Set<Domain.Notifications.NotificationWatch>();
    public DbSet<Domain.Notifications.NotificationSettings> NotificationSettings => Set<Domain.Notifications.NotificationSettings>();

    /// <summary>Reason the current command gave for its change (e.g. "customer escalation"); stored on its activity rows.</summary>
    public string? ActivityNote { get; set; }

    /// <summary>The word history uses for new rows: "Created" unless the command says otherwise (an import says "Imported").</summary>
    public string? AddedAction { get; set; }

    /// <summary>
    /// Records that the user moved an existing entity (a backlog or roadmap item) from one place to another,
    /// e.g. "moved … position 40 → 5", with the reason they gave. One readable row, saved with the move; the
    /// entity's raw field changes in the same save (its rank key, its horizon) are then not recorded.
    /// </summary>
    public void RecordMove(IAudited entity, string from, string to, string? reason = null) =>
        Activities.Add(ActivityRecorder.Describe(Entry((object)entity), Clock.GetUtcNow().UtcDateTime, CurrentUser,
            "Moved", "Position", from, to, reason));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        ProductScopeFilters.Apply(builder, this);

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entityType.ClrType))
            {
                builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        // Framework code (e.g. Data Protection's key store) saves synchronously; history still applies.
        using var detected = DetectChangesOnce();
        var audit = PrepareSave();
        var search = SearchIndexChanges.Capture(ChangeTracker);
        var tally = BacklogTally.Capture(ChangeTracker);
        var feedback = FeedbackTally.Capture(ChangeTracker);
        if (!audit.HasChanges && !search.HasChanges && tally.IsEmpty && feedback.IsEmpty)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        audit.ResolveReferences(this);
        search.FindCascades(this);

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var written = base.SaveChanges(acceptAllChangesOnSuccess);
        search.Write(this);
        if (!tally.IsEmpty)
        {
            tally.Apply(this);
        }

        if (!feedback.IsEmpty)
        {
            feedback.Apply(this);
        }

        if (audit.HasChanges)
        {
            if (ActivityRows.Handles(this))
            {
                ActivityRows.Write(this, [.. audit.Complete()]);
            }
            else
            {
                Activities.AddRange(audit.Complete());
                base.SaveChanges(acceptAllChangesOnSuccess);
            }
        }

        transaction?.Commit();
        return written;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detected = DetectChangesOnce();
        var audit = PrepareSave();
        var search = SearchIndexChanges.Capture(ChangeTracker);
        var tally = BacklogTally.Capture(ChangeTracker);
        var feedback = FeedbackTally.Capture(ChangeTracker);
        if (!audit.HasChanges && !search.HasChanges && tally.IsEmpty && feedback.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await audit.ResolveReferencesAsync(this, cancellationToken);
        await search.FindCascadesAsync(this, cancellationToken);

        // Rows for added entities only know their keys after the insert, so history is written in a
        // second statement inside the same transaction: either both land or neither does.
        await using var transaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The full-text index, the counters and the history after the rows (added rows know their ids only now), in the same transaction.
        await search.WriteAsync(this, cancellationToken);
        if (!tally.IsEmpty)
        {
            await tally.ApplyAsync(this, cancellationToken);
        }

        if (!feedback.IsEmpty)
        {
            await feedback.ApplyAsync(this, cancellationToken);
        }

        if (audit.HasChanges)
        {
            // On SQLite one statement (ActivityRows); elsewhere a second save of tracked rows.
            if (ActivityRows.Handles(this))
            {
                await ActivityRows.WriteAsync(this, [.. audit.Complete()], cancellationToken);
            }
            else
            {
                Activities.AddRange(audit.Complete());
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Compares every tracked entity with its snapshot once, then turns the automatic comparison off until the save
    /// is done. Each read of <c>ChangeTracker.Entries()</c> (history, the search index, the counters) and each
    /// <c>base.SaveChanges</c> would otherwise compare them all again: six passes over the tracker per save, which
    /// was a third of an import batch's time. Nothing between here and the end of the save changes an entity
    /// behind the tracker's back (versions are bumped through the tracker, history rows are added through it).
    /// </summary>
    private AutoDetectScope DetectChangesOnce()
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
        {
            return new AutoDetectScope(null);
        }

        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return new AutoDetectScope(ChangeTracker);
    }

    private readonly struct AutoDetectScope(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker? tracker) : IDisposable
    {
        public void Dispose()
        {
            if (tracker is not null)
            {
                tracker.AutoDetectChangesEnabled = true;
            }
        }
    }

    /// <summary>Bumps concurrency versions and captures history before anything is written.</summary>
    private ActivityRecorder PrepareSave()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                // Through the tracker: changes are not detected again before the save (DetectChangesOnce).
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = entry.Entity.Version + 1;
            }
        }

        return ActivityRecorder.Capture(ChangeTracker, now, CurrentUser, ActivityNote, AddedAction);
    }
}
