using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.DefinitionOfDone;

namespace ProductRoles.Web.Data.Configurations;

public sealed class DefinitionOfDoneVersionConfiguration : IEntityTypeConfiguration<DefinitionOfDoneVersion>
{
    public void Configure(EntityTypeBuilder<DefinitionOfDoneVersion> builder)
    {
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        // Two editors saving at once cannot both make version n.
        builder.HasIndex(v => new { v.ProductId, v.Number }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Criteria).WithOne(c => c.DefinitionOfDoneVersion).HasForeignKey(c => c.DefinitionOfDoneVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DefinitionOfDoneCriterionConfiguration : IEntityTypeConfiguration<DefinitionOfDoneCriterion>
{
    public void Configure(EntityTypeBuilder<DefinitionOfDoneCriterion> builder) =>
        builder.Property(c => c.Text).HasMaxLength(DefinitionOfDoneCriterion.TextMaxLength);
}
