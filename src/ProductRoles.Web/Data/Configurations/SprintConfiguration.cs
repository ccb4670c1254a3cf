using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Web.Data.Configurations;

public sealed class SprintConfiguration : IEntityTypeConfiguration<Sprint>
{
    public void Configure(EntityTypeBuilder<Sprint> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Sprint.NameMaxLength);
        builder.Property(s => s.Goal).HasMaxLength(Sprint.GoalMaxLength);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(s => s.Product).WithMany().HasForeignKey(s => s.ProductId);
        builder.HasIndex(s => new { s.ProductId, s.StartDate });
        builder.HasMany(s => s.Days).WithOne(d => d.Sprint).HasForeignKey(d => d.SprintId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.LengthInDays);
    }
}

public sealed class SprintDaySnapshotConfiguration : IEntityTypeConfiguration<SprintDaySnapshot>
{
    public void Configure(EntityTypeBuilder<SprintDaySnapshot> builder) =>
        builder.HasIndex(d => new { d.SprintId, d.Day }).IsUnique();
}

public sealed class RetrospectiveConfiguration : IEntityTypeConfiguration<Retrospective>
{
    public void Configure(EntityTypeBuilder<Retrospective> builder)
    {
        builder.Property(r => r.WentWell).HasMaxLength(Retrospective.TextMaxLength);
        builder.Property(r => r.ToImprove).HasMaxLength(Retrospective.TextMaxLength);
        builder.HasOne(r => r.Sprint).WithMany().HasForeignKey(r => r.SprintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.SprintId).IsUnique();
    }
}

public sealed class RetrospectiveActionConfiguration : IEntityTypeConfiguration<RetrospectiveAction>
{
    public void Configure(EntityTypeBuilder<RetrospectiveAction> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(RetrospectiveAction.TitleMaxLength);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(a => a.Sprint).WithMany().HasForeignKey(a => a.SprintId).OnDelete(DeleteBehavior.Cascade);
        builder.LinksToUser(a => a.Owner, a => a.OwnerId, DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.ProductId, a.State });
    }
}

public sealed class SprintItemConfiguration : IEntityTypeConfiguration<SprintItem>
{
    public void Configure(EntityTypeBuilder<SprintItem> builder)
    {
        builder.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.HasOne(i => i.Sprint).WithMany(s => s.Items).HasForeignKey(i => i.SprintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.BacklogItem).WithMany().HasForeignKey(i => i.BacklogItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.SprintId, i.BacklogItemId }).IsUnique();
        builder.Ignore(i => i.Counts);
    }
}

public sealed class SprintTaskConfiguration : IEntityTypeConfiguration<SprintTask>
{
    public void Configure(EntityTypeBuilder<SprintTask> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(SprintTask.TitleMaxLength);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(t => t.SprintItem).WithMany(i => i.Tasks).HasForeignKey(t => t.SprintItemId).OnDelete(DeleteBehavior.Cascade);
        builder.LinksToUser(t => t.Owner, t => t.OwnerId, DeleteBehavior.SetNull);
    }
}

public sealed class SprintReviewConfiguration : IEntityTypeConfiguration<SprintReview>
{
    public void Configure(EntityTypeBuilder<SprintReview> builder)
    {
        builder.Property(r => r.Notes).HasMaxLength(SprintReview.NotesMaxLength);
        builder.HasOne(r => r.Sprint).WithMany().HasForeignKey(r => r.SprintId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.SprintId).IsUnique();
    }
}

public sealed class SprintReviewFeedbackConfiguration : IEntityTypeConfiguration<SprintReviewFeedback>
{
    public void Configure(EntityTypeBuilder<SprintReviewFeedback> builder)
    {
        builder.HasKey(f => new { f.SprintReviewId, f.FeedbackItemId });
        builder.HasOne(f => f.SprintReview).WithMany(r => r.Feedback).HasForeignKey(f => f.SprintReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.FeedbackItem).WithMany().HasForeignKey(f => f.FeedbackItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.FeedbackItemId).IsUnique();
    }
}
