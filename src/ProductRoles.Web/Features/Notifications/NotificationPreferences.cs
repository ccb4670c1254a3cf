using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>The signed-in user's notification settings, for the settings page.</summary>
public sealed record GetNotificationPreferences : IQuery<NotificationPreferences>;

public sealed record NotificationPreferences(
    IReadOnlyDictionary<NotificationKind, NotificationChannel> Channels, string TimeZoneId, TimeOnly DigestAt, bool MailEnabled);

public sealed class GetNotificationPreferencesHandler(AppDbContext db, ICurrentUser user, MailSettings mail)
    : IQueryHandler<GetNotificationPreferences, NotificationPreferences>
{
    public async ValueTask<NotificationPreferences> Handle(GetNotificationPreferences query, CancellationToken cancellationToken)
    {
        var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == user.UserId, cancellationToken)
            ?? new NotificationSettings { UserId = user.UserId! };
        var channels = Enum.GetValues<NotificationKind>().ToDictionary(k => k, settings.ChannelFor);
        return new NotificationPreferences(channels, settings.TimeZoneId, settings.DigestAt, mail.Enabled);
    }
}

/// <summary>
/// The user saves their settings: a channel per kind, the digest's local time ("08:00") and their time zone
/// (an IANA id such as "Europe/Berlin"). Kinds left out stay as they were.
/// </summary>
public sealed record SaveNotificationPreferences(IReadOnlyDictionary<NotificationKind, NotificationChannel> Channels, string? TimeZoneId, string? DigestAt)
    : ICommand<Unit>;

public sealed class SaveNotificationPreferencesValidator : AbstractValidator<SaveNotificationPreferences>
{
    public SaveNotificationPreferencesValidator()
    {
        RuleFor(c => c.TimeZoneId).Must(id => NotificationSettings.FindTimeZone(id) is not null)
            .WithMessage("Choose a time zone by its IANA name, e.g. Europe/Berlin or America/New_York.");
        RuleFor(c => c.DigestAt).Must(t => ParseTime(t) is not null).WithMessage("Give the digest time as hours and minutes, e.g. 08:00.");
        RuleForEach(c => c.Channels).Must(c => Enum.IsDefined(c.Key) && Enum.IsDefined(c.Value))
            .WithMessage("Choose in the app only, at once by email, or in a daily digest.");
    }

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

public sealed class SaveNotificationPreferencesHandler(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SaveNotificationPreferences, Unit>
{
    public async ValueTask<Unit> Handle(SaveNotificationPreferences command, CancellationToken cancellationToken)
    {
        var settings = await db.NotificationSettings.SingleOrDefaultAsync(s => s.UserId == user.UserId, cancellationToken);
        if (settings is null)
        {
            settings = new NotificationSettings { UserId = user.UserId! };
            db.NotificationSettings.Add(settings);
        }

        settings.TimeZoneId = NotificationSettings.FindTimeZone(command.TimeZoneId)!.Id;
        settings.DigestAt = SaveNotificationPreferencesValidator.ParseTime(command.DigestAt)!.Value;
        foreach (var (kind, channel) in command.Channels)
        {
            settings.Choose(kind, channel);
        }

        // The first digest holds what comes after the user chose one, not everything they ever had.
        if (settings.LastDigestAt is null && command.Channels.Values.Contains(NotificationChannel.Digest))
        {
            settings.LastDigestAt = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// One-click unsubscribe from a mail's link (RFC 8058): the signed token says whose mail of which kind; no
/// sign-in is needed, nothing else changes. The answer names the kind, for the page to confirm it.
/// </summary>
public sealed record UnsubscribeFromMail(string? Token) : ICommand<NotificationKind>, Infrastructure.Pipeline.IAnonymousRequest;

public sealed class UnsubscribeFromMailHandler(AppDbContext db, UnsubscribeTokens tokens) : ICommandHandler<UnsubscribeFromMail, NotificationKind>
{
    public async ValueTask<NotificationKind> Handle(UnsubscribeFromMail command, CancellationToken cancellationToken)
    {
        var (userId, kind) = tokens.Read(command.Token) ?? throw Infrastructure.Pipeline.RequestValidationException.For(
            nameof(UnsubscribeFromMail.Token), "This unsubscribe link is not valid. Change what you get in your notification settings instead.");
        var settings = await db.NotificationSettings.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is not null)
        {
            settings.Choose(kind, NotificationChannel.InApp);
            await db.SaveChangesAsync(cancellationToken);
        }

        return kind;
    }
}

/// <summary>What an unsubscribe link would stop, to show before the click (null: not a link of ours).</summary>
public sealed record ReadUnsubscribeLink(string? Token) : IQuery<NotificationKind?>, Infrastructure.Pipeline.IAnonymousRequest;

public sealed class ReadUnsubscribeLinkHandler(UnsubscribeTokens tokens) : IQueryHandler<ReadUnsubscribeLink, NotificationKind?>
{
    public ValueTask<NotificationKind?> Handle(ReadUnsubscribeLink query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(tokens.Read(query.Token)?.Kind);
}
