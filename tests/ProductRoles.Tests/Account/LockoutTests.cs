using System.Net;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Tests.Infrastructure;
using ProductRoles.Web.Features.Administration;
using ProductRoles.Web.Pages.Account;

namespace ProductRoles.Tests.Account;

/// <summary>
/// Exactly five wrong passwords lock an account, however many guesses arrive at once, and the sign-in
/// page answers a locked account, a wrong password and an unknown email alike.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LockoutTests(AppFixture app)
{
    [Fact]
    public async Task Twenty_concurrent_wrong_guesses_count_exactly_five_and_lock_out_the_right_password()
    {
        var email = await NewUserAsync();

        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(n => GuessAsync(email, $"wrong-guess-{n}-{Guid.NewGuid():N}")));

        Assert.All(guesses, g => Assert.Equal(HttpStatusCode.OK, g.Status));
        var (failures, lockoutEnd) = await LockoutStateAsync(email);
        Assert.Equal(5, failures);
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"Locked until {lockoutEnd}, expected about 15 minutes.");

        var right = await GuessAsync(email, AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal(LoginModel.RefusedMessage, right.Message);
        Assert.False(right.SignedIn);
    }

    [Fact]
    public async Task Four_concurrent_wrong_guesses_are_all_counted_and_the_fifth_locks()
    {
        var email = await NewUserAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(n => GuessAsync(email, $"wrong-guess-{n}-{Guid.NewGuid():N}")));
        Assert.Equal((4, (DateTimeOffset?)null), await LockoutStateAsync(email));

        await GuessAsync(email, "one-wrong-guess-too-many");
        var (failures, lockoutEnd) = await LockoutStateAsync(email);
        Assert.Equal(5, failures);
        Assert.NotNull(lockoutEnd);
        Assert.False((await GuessAsync(email, AppFactory.DemoPassword)).SignedIn);
    }

    [Fact]
    public async Task Four_wrong_guesses_then_the_right_password_signs_in_and_starts_the_count_again()
    {
        var email = await NewUserAsync();
        for (var n = 0; n < 4; n++)
        {
            await GuessAsync(email, $"wrong-guess-{n}");
        }

        Assert.True((await GuessAsync(email, AppFactory.DemoPassword)).SignedIn);
        Assert.Equal((0, (DateTimeOffset?)null), await LockoutStateAsync(email));
    }

    [Fact]
    public async Task When_the_lockout_has_run_out_the_right_password_signs_in_again()
    {
        var email = await NewUserAsync();
        for (var n = 0; n < 5; n++)
        {
            await GuessAsync(email, $"wrong-guess-{n}");
        }

        Assert.False((await GuessAsync(email, AppFactory.DemoPassword)).SignedIn);
        // Fifteen minutes pass.
        await app.QueryAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));

        Assert.True((await GuessAsync(email, AppFactory.DemoPassword)).SignedIn);
    }

    [Fact]
    public async Task A_locked_account_a_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var locked = await NewUserAsync();
        for (var n = 0; n < 5; n++)
        {
            await GuessAsync(locked, $"wrong-guess-{n}");
        }

        var lockedAnswer = await GuessAsync(locked, AppFactory.DemoPassword);
        var wrongAnswer = await GuessAsync(await NewUserAsync(), "not-the-password-at-all");
        var unknownAnswer = await GuessAsync($"nobody-{Guid.NewGuid():N}@test.local", AppFactory.DemoPassword);

        foreach (var answer in new[] { lockedAnswer, wrongAnswer, unknownAnswer })
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(LoginModel.RefusedMessage, answer.Message);
            Assert.False(answer.SignedIn);
        }

        Assert.DoesNotContain("locked after", lockedAnswer.Message);
    }

    private async Task<string> NewUserAsync()
    {
        var email = $"lockout-{Guid.NewGuid():N}@test.local";
        await app.AsUserAsync(AppFixture.Admin, s => s.Send(new CreateUser(email, "Lockout Test", AppFactory.DemoPassword, false)).AsTask());
        return email;
    }

    private Task<(int Failures, DateTimeOffset? LockoutEnd)> LockoutStateAsync(string email) =>
        app.QueryAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
            return (user.AccessFailedCount, user.LockoutEnd);
        });

    /// <summary>One sign-in attempt from a client of its own, as an attacker's parallel requests would be.</summary>
    private async Task<(HttpStatusCode Status, string Message, bool SignedIn)> GuessAsync(string email, string password)
    {
        using var client = app.CreateClient();
        var login = await client.GetPageAsync("/Account/Login");
        using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return (response.StatusCode, "", true);
        }

        var page = await TestClient.ParseAsync(response);
        return (response.StatusCode, page.Text(".alert-error"), false);
    }
}
