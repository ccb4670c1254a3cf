using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog.Import;

namespace ProductRoles.Web.Data.Configurations;

public sealed class BacklogImportConfiguration : IEntityTypeConfiguration<BacklogImport>
{
    public void Configure(EntityTypeBuilder<BacklogImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(BacklogImport.FileNameMaxLength);
        builder.Property(i => i.StoredFileName).HasMaxLength(100).IsUnicode(false);
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Message).HasMaxLength(BacklogImport.MessageMaxLength);
        builder.Property(i => i.CreatedById).HasMaxLength(450);
        builder.Property(i => i.CreatedByName).HasMaxLength(200);
        builder.Ignore(i => i.Percent);
        builder.Ignore(i => i.IsFinished);
        builder.HasIndex(i => new { i.ProductId, i.CreatedAt });
        builder.HasIndex(i => i.State);
        builder.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Reverts).WithOne(r => r.BacklogImport).HasForeignKey(r => r.BacklogImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BacklogImportRevertConfiguration : IEntityTypeConfiguration<BacklogImportRevert>
{
    public void Configure(EntityTypeBuilder<BacklogImportRevert> builder) => builder.HasIndex(r => new { r.BacklogImportId, r.BacklogItemId });
}
