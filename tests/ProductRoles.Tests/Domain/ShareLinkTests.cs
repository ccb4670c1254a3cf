using ProductRoles.Web.Domain.Sharing;

namespace ProductRoles.Tests.Domain;

/// <summary>Share link secrets, expiry and revocation, and when a view is news for the history.</summary>
public sealed class ShareLinkTests
{
    private static readonly DateTime Noon = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_secret_has_256_random_bits_in_43_url_safe_characters_and_only_its_hash_is_kept()
    {
        var (secret, hash) = ShareLink.NewSecret();
        var (other, _) = ShareLink.NewSecret();

        Assert.Equal(43, secret.Length);
        Assert.Equal(32, Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.True(ShareLink.LooksLikeSecret(secret));
        Assert.NotEqual(secret, other);
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, ShareLink.Hash(secret));
        Assert.DoesNotContain(secret, hash, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 42
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 44
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaé")]
    public void Text_that_is_not_a_secret_is_not_looked_up(string? text) => Assert.False(ShareLink.LooksLikeSecret(text));

    [Fact]
    public void A_link_opens_until_it_expires_or_is_revoked()
    {
        var link = new ShareLink { Label = "Finance", SecretHash = "x", CreatedBy = "Pat", ExpiresAt = Noon };

        Assert.True(link.IsOpenAt(Noon.AddTicks(-1)));
        Assert.False(link.IsOpenAt(Noon));

        link.ExpiresAt = null;
        Assert.True(link.IsOpenAt(Noon.AddYears(5)));

        link.RevokedAt = Noon;
        Assert.False(link.IsOpenAt(Noon.AddYears(-1)));
    }

    [Fact]
    public void Only_the_first_view_of_a_day_is_news_for_the_history()
    {
        Assert.True(ShareLink.IsFirstViewOfDay(null, Noon));
        Assert.False(ShareLink.IsFirstViewOfDay(Noon.Date, Noon));
        Assert.False(ShareLink.IsFirstViewOfDay(Noon.AddHours(-11), Noon));
        Assert.True(ShareLink.IsFirstViewOfDay(Noon.Date.AddTicks(-1), Noon));
    }
}
