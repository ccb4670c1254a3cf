using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ProductRoles.Web.Data;
using ProductRoles.Web.Data.Outbox;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Infrastructure.Outbox;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>
/// Sends one mail row of the outbox over SMTP (MailKit): to its one recipient only (the partition: nobody
/// sees anybody else's address), HTML and plain text, saying why it came, with a one-click unsubscribe for
/// its kind (RFC 8058 <c>List-Unsubscribe</c> + <c>List-Unsubscribe-Post</c>). A mail whose recipient has
/// since turned its kind off, or left, is dropped. The Message-Id is the outbox row's, so a resend after a
/// crash between "sent" and "recorded" is recognisable. After the retry window the row is held as failed;
/// the outbox page shows it.
/// </summary>
public sealed class NotificationMailDelivery(MailSettings settings, UnsubscribeTokens tokens, TimeProvider clock) : IOutboxDelivery
{
    public string Kind => NotificationMailOutbox.Kind;

    public TimeSpan RetryWindow => settings.RetryWindow;

    public async Task<OutboxAttempt> DeliverAsync(AppDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        if (!settings.Enabled)
        {
            return OutboxAttempt.Failed("Mail is not configured (Smtp:Host).");
        }

        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == message.Partition)
            .Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (recipient?.Email is null)
        {
            return OutboxAttempt.Dropped;
        }

        var preferences = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == message.Partition, cancellationToken)
            ?? new NotificationSettings { UserId = message.Partition };
        var payload = MailPayload.FromJson(message.Payload);
        MimeMessage? mail = null;
        if (payload.Notification is { } one)
        {
            if (preferences.ChannelFor(one.Kind) != NotificationChannel.Email)
            {
                return OutboxAttempt.Dropped;
            }

            mail = Compose(message, recipient.DisplayName, recipient.Email, one.Kind, $"[{one.Product}] {one.Text}",
                [new MailLine(one.Product, one.Text, one.Url)], $"You got this because {one.Why}, and you chose to get “{one.Kind.Display()}” by email.");
        }
        else if (payload.Digest is { } digest)
        {
            mail = await DigestAsync(db, message, recipient.DisplayName, recipient.Email, preferences, digest, cancellationToken);
        }

        if (mail is null)
        {
            return OutboxAttempt.Dropped;
        }

        try
        {
            using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
            if (settings.UserName is { } user)
            {
                await client.AuthenticateAsync(user, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return OutboxAttempt.Delivered;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && ex is SocketException or IOException or TimeoutException or ProtocolException or CommandException or MailKit.Security.AuthenticationException
                or OperationCanceledException)
        {
            return OutboxAttempt.Failed("The mail server did not take it: " + ex.Message);
        }
    }

    /// <summary>Given up: the row is held, so the outbox lists it as failed and nothing more is tried.</summary>
    public Task GiveUpAsync(AppDbContext db, OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.State = OutboxMessageState.Held;
        return Task.CompletedTask;
    }

    private async Task<MimeMessage?> DigestAsync(
        AppDbContext db, OutboxMessage message, string name, string email, NotificationSettings preferences, DigestMail digest, CancellationToken cancellationToken)
    {
        var kinds = Enum.GetValues<NotificationKind>().Where(k => preferences.ChannelFor(k) == NotificationChannel.Digest).ToList();
        var rows = await db.Notifications.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.UserId == message.Partition && n.ReadAt == null && n.UpdatedAt > digest.From && n.UpdatedAt <= digest.To && kinds.Contains(n.Kind))
            .OrderBy(n => n.UpdatedAt).Take(100)
            .Select(n => new { n.Text, n.SubjectLabel, n.Count, n.Url, Product = db.Products.Where(p => p.Id == n.ProductId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var lines = rows.Select(r => new MailLine(r.Product ?? "", Notification.Shown(r.Text, r.SubjectLabel, r.Count), r.Url)).ToList();
        var subject = string.Create(CultureInfo.InvariantCulture, $"Your ProductRoles digest: {rows.Count} notification{(rows.Count == 1 ? "" : "s")}");
        return Compose(message, name, email, null, subject, lines,
            "You got this because you chose a daily digest for some kinds of notification in your notification settings.");
    }

    private sealed record MailLine(string Product, string Text, string Url);

    private MimeMessage Compose(
        OutboxMessage message, string name, string email, NotificationKind? kind, string subject, IReadOnlyList<MailLine> lines, string why)
    {
        var baseUri = settings.LinkBase;
        var settingsUrl = new Uri(baseUri, "/settings/notifications").ToString();
        var unsubscribeUrl = kind is { } k
            ? new Uri(baseUri, "/notifications/unsubscribe?token=" + Uri.EscapeDataString(tokens.For(message.Partition, k))).ToString()
            : settingsUrl;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(new MailboxAddress(name, email));
        mail.Subject = subject.Length > 200 ? subject[..200] : subject;
        mail.MessageId = string.Create(CultureInfo.InvariantCulture, $"outbox-{message.Id}@productroles");
        mail.Date = clock.GetUtcNow();
        if (kind is not null)
        {
            mail.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        var e = HtmlEncoder.Default;
        foreach (var line in lines)
        {
            var url = new Uri(baseUri, line.Url).ToString();
            text.Append(line.Product).Append(": ").AppendLine(line.Text).AppendLine(url).AppendLine();
            html.Append("<p><strong>").Append(e.Encode(line.Product)).Append("</strong>: <a href=\"").Append(e.Encode(url)).Append("\">")
                .Append(e.Encode(line.Text)).Append("</a></p>");
        }

        var stop = kind is { } kk ? $"Stop these emails ({kk.Display()}): {unsubscribeUrl}" : $"Change what you get: {settingsUrl}";
        text.AppendLine("--").AppendLine(why).AppendLine(stop).AppendLine($"All your notification settings: {settingsUrl}");
        html.Append("<hr><p style=\"color:#555;font-size:small\">").Append(e.Encode(why)).Append("<br>");
        if (kind is { } kind2)
        {
            html.Append("<a href=\"").Append(e.Encode(unsubscribeUrl)).Append("\">Stop these emails (").Append(e.Encode(kind2.Display())).Append(")</a> · ");
        }

        html.Append("<a href=\"").Append(e.Encode(settingsUrl)).Append("\">All your notification settings</a></p></body></html>");
        mail.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return mail;
    }
}
