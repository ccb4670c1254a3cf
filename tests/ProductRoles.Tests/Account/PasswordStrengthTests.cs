using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Infrastructure.Pipeline;

namespace ProductRoles.Tests.Account;

/// <summary>Passwords long enough but easy to guess are refused with the reason, wherever a password is set.</summary>
[Collection(AppCollection.Name)]
public sealed class PasswordStrengthTests(AppFixture app)
{
    [Theory]
    [InlineData("password1234", "too common")]
    [InlineData("iloveyou12345", "too common")]
    [InlineData("aaaaaaaaaaaa", "a repeated pattern")]
    [InlineData("123456789012", "a sequence")]
    [InlineData("abcdefghijklm", "a sequence")]
    [InlineData("{email name}", "based on your email")]
    [InlineData("{display name}2026", "based on your email or name")]
    public async Task A_guessable_password_is_refused_beside_the_field_with_the_reason(string password, string reason)
    {
        var name = "dana" + Guid.NewGuid().ToString("N")[..6];
        var email = $"{name}.lopez@test.local";
        password = password.Replace("{email name}", $"{name}.lopez", StringComparison.Ordinal)
            .Replace("{display name}", $"Lopez{name}", StringComparison.Ordinal);
        using var admin = await app.SignInAsync(AppFixture.Admin);
        var users = await admin.GetPageAsync("/admin/users");

        using var response = await admin.SubmitAsync(users, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = $"Lopez {name}", ["Input.Password"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await TestClient.ParseAsync(response)).FieldError("Input.Password");
        Assert.Contains(reason, message);
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task The_same_rule_applies_to_a_user_created_through_the_command()
    {
        var email = $"command-{Guid.NewGuid():N}@test.local";
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            app.AsUserAsync(AdminEmail, s => s.Send(new CreateUser(email, "Command User", "password1234", false)).AsTask()));
        Assert.Contains("too common", Assert.Single(refused.Errors[nameof(CreateUser.Password)]));
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_phrase_of_unrelated_words_is_accepted_and_signs_in()
    {
        var email = $"phrase-{Guid.NewGuid():N}@test.local";
        const string password = "tide marble kettle orbit";
        await app.AsUserAsync(AdminEmail, s => s.Send(new CreateUser(email, "Phrase User", password, false)).AsTask());

        using var client = app.CreateClient();
        await client.SignInAsync(email, password);
        var home = await client.GetPageAsync("/");
        Assert.Equal("My products", home.Heading());
    }

    [Fact]
    public async Task The_demo_password_passes_the_rule_so_every_demo_user_was_seeded()
    {
        var seeded = await app.QueryAsync(db => db.Users.Where(u => u.Email!.EndsWith("@demo.local")).CountAsync());
        Assert.Equal(6, seeded);
    }

    private const string AdminEmail = AppFixture.Admin;
}
