using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Goals;

namespace ProductRoles.Web.Data.Configurations;

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Title).HasMaxLength(Goal.TitleMaxLength);
        builder.Property(g => g.Description).HasMaxLength(Goal.DescriptionMaxLength);
        builder.Property(g => g.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Product>().WithMany().HasForeignKey(g => g.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.CompanyGoal).WithMany().HasForeignKey(g => g.CompanyGoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.KeyResults).WithOne(k => k.Goal).HasForeignKey(k => k.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.ProductId, g.IsArchived });
    }
}
