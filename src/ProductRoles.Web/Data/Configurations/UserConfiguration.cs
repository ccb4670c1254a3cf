using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductRoles.Web.Data.Identity;
using ProductRoles.Web.Domain;

namespace ProductRoles.Web.Data.Configurations;

public sealed class UserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder) =>
        builder.Property(u => u.DisplayName).HasMaxLength(UserProfile.DisplayNameMaxLength);
}

/// <summary>
/// The domain's view of a user is the identity users table read as a view: queries may join it for
/// a display name, migrations leave it alone, and the foreign keys that protect the links point at
/// <see cref="AppUser"/> (see <see cref="UserLinks"/>).
/// </summary>
public sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> builder)
    {
        builder.ToView("AspNetUsers");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.DisplayName).HasMaxLength(UserProfile.DisplayNameMaxLength);
    }
}

public static class UserLinks
{
    /// <summary>
    /// Links an entity's user id to a person twice: to the domain's <see cref="UserProfile"/> for the
    /// navigation queries use, and to the identity user for the database's foreign key.
    /// </summary>
    public static void LinksToUser<T>(this EntityTypeBuilder<T> builder,
        System.Linq.Expressions.Expression<Func<T, UserProfile?>> navigation,
        System.Linq.Expressions.Expression<Func<T, object?>> userId, DeleteBehavior onDelete)
        where T : class
    {
        builder.HasOne(navigation).WithMany().HasForeignKey(userId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(userId).OnDelete(onDelete);
    }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
