using Microsoft.AspNetCore.Identity;
using ProductRoles.Web.Data.Identity;
using Zxcvbn.Matcher;

namespace ProductRoles.Web.Infrastructure.Security;

/// <summary>
/// Refuses passwords an attacker would guess early (NIST SP 800-63B 5.1.1.2): common passwords,
/// repeats, sequences, keyboard walks, dates and words from the user's own email or name, as
/// zxcvbn estimates them. Registered with Identity, so every path that sets a password uses it.
/// </summary>
public sealed class GuessablePasswordValidator : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "PasswordTooGuessable";

    /// <summary>zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more.</summary>
    public const int MinimumScore = 3;

    private const string UserInputs = "user_inputs";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            // Identity's own length rule speaks for an empty password.
            return Task.FromResult(IdentityResult.Success);
        }

        var result = Zxcvbn.Zxcvbn.MatchPassword(password, UserInputsOf(user));
        return Task.FromResult(result.Score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = Explain(result.MatchSequence) }));
    }

    /// <summary>The user's email, its name part, display name, and their words: what an attacker who knows the user tries first.</summary>
    internal static IReadOnlyList<string> UserInputsOf(AppUser user)
    {
        var inputs = new List<string>();
        void Add(string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                inputs.Add(value.Trim().ToLowerInvariant());
            }
        }

        var email = user.Email ?? user.UserName;
        Add(email);
        var name = email?.Split('@')[0];
        Add(name);
        Add(user.DisplayName);
        foreach (var word in $"{name} {user.DisplayName}".Split([' ', '.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 3)
            {
                Add(word);
            }
        }

        return inputs.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Names the weakness that covers most of the password, so the user knows what to change.</summary>
    internal static string Explain(IEnumerable<Zxcvbn.Match> matches)
    {
        var weakest = matches
            .Select(m => (Weakness: WeaknessOf(m), m.Token.Length))
            .Where(m => m.Weakness is not Weakness.None)
            .GroupBy(m => m.Weakness)
            // Anything taken from the user's own details is named first: it is the easiest guess for someone who knows them.
            .OrderByDescending(g => g.Key == Weakness.Personal)
            .ThenByDescending(g => g.Sum(m => m.Length))
            .Select(g => g.Key)
            .FirstOrDefault();

        return weakest switch
        {
            Weakness.Personal => "This password is based on your email or name, which is among the first things an attacker tries. Choose one that has nothing to do with you.",
            Weakness.Common => "This password is too common: it is on the lists of passwords attackers try first. Add a few uncommon words; a phrase of unrelated words is strong and easy to remember.",
            Weakness.Repeat => "This password is a repeated pattern (like “aaaa” or “abcabc”), which is quick to guess. Avoid repeated words and characters.",
            Weakness.Sequence => "This password is a sequence (like “abcd” or “1234”), which is quick to guess. Avoid sequences.",
            Weakness.Keyboard => "This password is a keyboard pattern (like “qwerty”), which is quick to guess. Use a phrase of unrelated words instead.",
            Weakness.Date => "This password is mostly a date or year, which is quick to guess. Avoid dates and years that are connected to you.",
            _ => "This password is too easy to guess. Make it longer with a few uncommon words; a phrase of unrelated words is strong and easy to remember.",
        };
    }

    private static Weakness WeaknessOf(Zxcvbn.Match match) => match switch
    {
        DictionaryMatch { DictionaryName: UserInputs } => Weakness.Personal,
        DictionaryMatch => Weakness.Common,
        RepeatMatch => Weakness.Repeat,
        SequenceMatch => Weakness.Sequence,
        SpatialMatch => Weakness.Keyboard,
        DateMatch => Weakness.Date,
        _ => Weakness.None,
    };

    private enum Weakness
    {
        None,
        Personal,
        Common,
        Repeat,
        Sequence,
        Keyboard,
        Date,
    }
}
