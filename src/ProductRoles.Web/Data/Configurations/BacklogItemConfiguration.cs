using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Ranking;

namespace ProductRoles.Web.Data.Configurations;

public sealed class BacklogItemConfiguration : IEntityTypeConfiguration<BacklogItem>
{
    public void Configure(EntityTypeBuilder<BacklogItem> builder)
    {
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(i => i.Title).HasMaxLength(BacklogItem.TitleMaxLength);
        builder.Property(i => i.AsA).HasMaxLength(BacklogItem.StoryPartMaxLength);
        builder.Property(i => i.IWant).HasMaxLength(BacklogItem.StoryPartMaxLength);
        builder.Property(i => i.SoThat).HasMaxLength(BacklogItem.StoryPartMaxLength);
        builder.Property(i => i.Description).HasMaxLength(BacklogItem.DescriptionMaxLength);
        // Ordinal comparison on both providers: binary collation on SQL Server, SQLite's default BINARY.
        builder.Property(i => i.Rank).HasMaxLength(RankKey.MaxLength).IsUnicode(false);
        // The order itself: each product's keys are unique, and the index serves "top of the backlog" and "position N".
        builder.HasIndex(i => new { i.ProductId, i.Rank }).IsUnique();
        // By status in order: sprint planning's candidates are the first Ready and New items, read off this index.
        builder.HasIndex(i => new { i.ProductId, i.Status, i.Rank });
        builder.HasIndex(i => i.RoadmapItemId);
        // An imported item is found again by its key on the next import of the same file.
        builder.Property(i => i.ExternalKey).HasMaxLength(BacklogItem.ExternalKeyMaxLength);
        builder.HasIndex(i => new { i.ProductId, i.ExternalKey }).IsUnique();
        builder.HasIndex(i => i.ImportId);
        // A roadmap item cannot be deleted while backlog items point at it (no second cascade path from Product).
        builder.HasOne(i => i.RoadmapItem).WithMany().HasForeignKey(i => i.RoadmapItemId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.AcceptanceCriteria).WithOne(c => c.BacklogItem).HasForeignKey(c => c.BacklogItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Tags).WithOne(t => t.BacklogItem).HasForeignKey(t => t.BacklogItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.SourceFeedback).WithOne(l => l.BacklogItem).HasForeignKey(l => l.BacklogItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.DoneChecks).WithOne(d => d.BacklogItem).HasForeignKey(d => d.BacklogItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Comments).WithOne(c => c.BacklogItem).HasForeignKey(c => c.BacklogItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AcceptanceCriterionConfiguration : IEntityTypeConfiguration<AcceptanceCriterion>
{
    public void Configure(EntityTypeBuilder<AcceptanceCriterion> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(AcceptanceCriterion.TextMaxLength);
        builder.HasIndex(c => new { c.BacklogItemId, c.Position });
    }
}

public sealed class BacklogItemTagConfiguration : IEntityTypeConfiguration<BacklogItemTag>
{
    public void Configure(EntityTypeBuilder<BacklogItemTag> builder)
    {
        builder.HasKey(t => new { t.BacklogItemId, t.Name });
        builder.Property(t => t.Name).HasMaxLength(BacklogItemTag.NameMaxLength);
        builder.HasIndex(t => t.Name);
    }
}

public sealed class ProductTagConfiguration : IEntityTypeConfiguration<ProductTag>
{
    public void Configure(EntityTypeBuilder<ProductTag> builder)
    {
        builder.HasKey(t => new { t.ProductId, t.Name });
        builder.Property(t => t.Name).HasMaxLength(BacklogItemTag.NameMaxLength);
        builder.HasOne<Product>().WithMany().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BacklogItemFeedbackLinkConfiguration : IEntityTypeConfiguration<BacklogItemFeedbackLink>
{
    public void Configure(EntityTypeBuilder<BacklogItemFeedbackLink> builder)
    {
        builder.HasKey(l => new { l.BacklogItemId, l.FeedbackItemId });
        builder.HasIndex(l => l.FeedbackItemId);
        // Deleting a product cascades through the backlog; feedback links then go with their item.
        builder.HasOne(l => l.FeedbackItem).WithMany(f => f.BacklogLinks).HasForeignKey(l => l.FeedbackItemId)
            .OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class BacklogCommentConfiguration : IEntityTypeConfiguration<BacklogComment>
{
    public void Configure(EntityTypeBuilder<BacklogComment> builder)
    {
        builder.Property(c => c.AuthorId).HasMaxLength(450);
        builder.Property(c => c.AuthorName).HasMaxLength(UserProfile.DisplayNameMaxLength);
        builder.Property(c => c.Text).HasMaxLength(BacklogComment.TextMaxLength);
        builder.HasIndex(c => new { c.BacklogItemId, c.Id });
    }
}

public sealed class BacklogSettingsConfiguration : IEntityTypeConfiguration<BacklogSettings>
{
    public void Configure(EntityTypeBuilder<BacklogSettings> builder)
    {
        builder.HasKey(s => s.ProductId);
        builder.Property(s => s.ProductId).ValueGeneratedNever();
        builder.HasOne<Product>().WithOne().HasForeignKey<BacklogSettings>(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BacklogItemDoneCheckConfiguration : IEntityTypeConfiguration<BacklogItemDoneCheck>
{
    public void Configure(EntityTypeBuilder<BacklogItemDoneCheck> builder)
    {
        builder.Property(d => d.CheckedBy).HasMaxLength(256);
        builder.HasMany(d => d.Criteria).WithOne(c => c.DoneCheck).HasForeignKey(c => c.BacklogItemDoneCheckId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.DefinitionOfDone.DefinitionOfDoneVersion>().WithMany()
            .HasForeignKey(d => d.DefinitionOfDoneVersionId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class DoneCriterionCheckConfiguration : IEntityTypeConfiguration<DoneCriterionCheck>
{
    public void Configure(EntityTypeBuilder<DoneCriterionCheck> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(Domain.DefinitionOfDone.DefinitionOfDoneCriterion.TextMaxLength);
        builder.Property(c => c.WaiverReason).HasMaxLength(DoneCriterionCheck.ReasonMaxLength);
    }
}
