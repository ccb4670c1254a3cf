using System.Text.RegularExpressions;
using FluentValidation;
using Mediator;
using ProductRoles.Web.Data;
using ProductRoles.Web.Domain;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Infrastructure.Events;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductOwner.Backlog;

/// <summary>A team member comments on a backlog item; "@name" mentions a product member.</summary>
[Requires(Permission.CommentOnBacklogItems)]
public sealed record AddBacklogComment(string ProductSlug, int ItemId, string Text) : ICommand<Unit>, IProductRequest;

public sealed class AddBacklogCommentValidator : AbstractValidator<AddBacklogComment>
{
    public AddBacklogCommentValidator() =>
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write a comment.")
            .MaximumLength(BacklogComment.TextMaxLength).WithMessage($"Keep the comment under {BacklogComment.TextMaxLength} characters.");
}

public sealed class AddBacklogCommentHandler(AppDbContext db, ProductContext product, ICurrentUser user, DomainEvents events, TimeProvider clock)
    : ICommandHandler<AddBacklogComment, Unit>
{
    public async ValueTask<Unit> Handle(AddBacklogComment command, CancellationToken cancellationToken)
    {
        await db.BacklogItems.EnsureExistsAsync(i => i.Id == command.ItemId, cancellationToken);

        var comment = new BacklogComment
        {
            BacklogItemId = command.ItemId,
            AuthorId = user.UserId!,
            AuthorName = user.Name.Length > UserProfile.DisplayNameMaxLength ? user.Name[..UserProfile.DisplayNameMaxLength] : user.Name,
            Text = command.Text.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.BacklogComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        events.Raise(new BacklogItemCommented(product.Id, command.ItemId, user.UserId, comment.Id, comment.Text));
        return Unit.Value;
    }
}

/// <summary>A product member as a comment can mention them: "@dev" or "@dev@demo.local".</summary>
public sealed record MentionableMember(string Handle, string Email, string DisplayName);

/// <summary>Splits comment text into plain text and mentions of actual product members.</summary>
public static partial class Mentions
{
    [GeneratedRegex(@"@(?<handle>[A-Za-z0-9._%+-]+(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MentionPattern();

    public static string HandleOf(string email) => email.Split('@')[0].ToLowerInvariant();

    /// <summary>Text segments in order; Member is set where the segment is a mention of a member, else it is plain text.</summary>
    public static IEnumerable<(string Text, MentionableMember? Member)> Split(string text, IReadOnlyList<MentionableMember> members)
    {
        var last = 0;
        foreach (Match match in MentionPattern().Matches(text))
        {
            var name = match.Groups["handle"].Value.TrimEnd('.').ToLowerInvariant();
            var member = members.FirstOrDefault(m => m.Handle == name || string.Equals(m.Email, name, StringComparison.OrdinalIgnoreCase));
            if (member is null)
            {
                continue;
            }

            if (match.Index > last)
            {
                yield return (text[last..match.Index], null);
            }

            var length = 1 + match.Groups["handle"].Value.TrimEnd('.').Length;
            yield return (text.Substring(match.Index, length), member);
            last = match.Index + length;
        }

        if (last < text.Length)
        {
            yield return (text[last..], null);
        }
    }
}
