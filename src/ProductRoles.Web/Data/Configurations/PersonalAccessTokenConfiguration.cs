using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.AccessTokens;

namespace ProductRoles.Web.Data.Configurations;

public sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.Name).HasMaxLength(PersonalAccessToken.NameMaxLength);
        builder.Property(t => t.Scope).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.Property(t => t.Hint).HasMaxLength(20);
        // Every bearer request finds its token by the hash.
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(t => t.RestrictedToProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AccountActivityConfiguration : IEntityTypeConfiguration<AccountActivity>
{
    public void Configure(EntityTypeBuilder<AccountActivity> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.Subject).HasMaxLength(300);
        // Read newest first, per user.
        builder.HasIndex(a => new { a.UserId, a.Id });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
