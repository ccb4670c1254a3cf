using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Notifications;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.Notifications;

/// <summary>A product member as the notification rules see them: role, mention handle, and their chosen channels.</summary>
public sealed record NotifiableMember(string UserId, ProductRole Role, string Handle, string Email, string Channels)
{
    public bool Can(Permission permission) => ProductPermissions.Allows(Role, false, permission);

    public NotificationChannel ChannelFor(NotificationKind kind) =>
        NotificationSettings.ParseChannels(Channels).TryGetValue(kind, out var channel) ? channel : NotificationChannel.InApp;
}

/// <summary>
/// Who could be told, per product: the members with their roles and channels, read once per request (one
/// statement, whatever the number of events or recipients), and the watchers of one subject (one
/// statement per subject). The rules pick from these in memory.
/// </summary>
public sealed class NotificationAudience(AppDbContext db)
{
    private readonly Dictionary<int, IReadOnlyList<NotifiableMember>> _members = [];

    public async Task<IReadOnlyList<NotifiableMember>> MembersAsync(int productId, CancellationToken cancellationToken)
    {
        if (!_members.TryGetValue(productId, out var members))
        {
            var rows = await db.ProductMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.ProductId == productId)
                .Select(m => new
                {
                    m.UserId, m.Role, m.UserEmail,
                    Channels = db.NotificationSettings.Where(s => s.UserId == m.UserId).Select(s => s.Channels).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            _members[productId] = members =
                [.. rows.Select(r => new NotifiableMember(r.UserId, r.Role, MentionHandles.Of(r.UserEmail), r.UserEmail.ToLowerInvariant(), r.Channels ?? ""))];
        }

        return members;
    }

    /// <summary>The members mentioned in <paramref name="text"/> (by handle or email).</summary>
    public async Task<IReadOnlyList<NotifiableMember>> MentionedAsync(int productId, string? text, CancellationToken cancellationToken)
    {
        var handles = MentionHandles.In(text);
        if (handles.Count == 0)
        {
            return [];
        }

        var members = await MembersAsync(productId, cancellationToken);
        return [.. members.Where(m => handles.Contains(m.Handle) || handles.Contains(m.Email))];
    }

    /// <summary>The members mentioned in <paramref name="text"/> but not already in <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<NotifiableMember>> NewlyMentionedAsync(int productId, string? text, string? before, CancellationToken cancellationToken)
    {
        var already = await MentionedAsync(productId, before, cancellationToken);
        var now = await MentionedAsync(productId, text, cancellationToken);
        return [.. now.Where(m => !already.Contains(m))];
    }

    public async Task<IReadOnlyList<NotifiableMember>> WatchersAsync(int productId, WatchSubject subject, int subjectId, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(productId, cancellationToken);
        var watching = await db.NotificationWatches.IgnoreQueryFilters().AsNoTracking()
            .Where(w => w.ProductId == productId && w.Subject == subject && w.SubjectId == subjectId)
            .Select(w => w.UserId).ToListAsync(cancellationToken);
        var set = watching.ToHashSet(StringComparer.Ordinal);
        return [.. members.Where(m => set.Contains(m.UserId))];
    }

    public async Task<IReadOnlyList<NotifiableMember>> WithRoleAsync(int productId, Func<ProductRole, bool> role, CancellationToken cancellationToken) =>
        [.. (await MembersAsync(productId, cancellationToken)).Where(m => role(m.Role))];

    public async Task<NotifiableMember?> MemberAsync(int productId, string? userId, CancellationToken cancellationToken) =>
        userId is null ? null : (await MembersAsync(productId, cancellationToken)).FirstOrDefault(m => m.UserId == userId);
}
