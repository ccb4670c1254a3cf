using Mediator;
using Microsoft.EntityFrameworkCore;
using ProductRoles.Web.Data;
using ProductRoles.Web.Infrastructure.Pipeline;
using ProductRoles.Web.Infrastructure.Security;

namespace ProductRoles.Web.Features.ProductManager.Vision;

/// <summary>
/// What changed in the vision board between two revisions, section by section, word by word.
/// Without numbers (0) it compares the latest revision with the one before it.
/// </summary>
[Requires(Permission.ViewStrategy)]
public sealed record CompareVisionRevisions(string ProductSlug, int From, int To) : IQuery<VisionComparison>, IProductRequest;

public sealed record VisionComparison(
    int From, int To, DateTime FromSavedAt, string FromSavedBy, DateTime ToSavedAt, string ToSavedBy,
    IReadOnlyList<VisionSectionChange> Sections, IReadOnlyList<int> RevisionNumbers);

public sealed record VisionSectionChange(string Section, bool Changed, IReadOnlyList<DiffSegment> Segments);

public sealed class CompareVisionRevisionsHandler(AppDbContext db, ProductAccessResolver access)
    : IQueryHandler<CompareVisionRevisions, VisionComparison>
{
    public async ValueTask<VisionComparison> Handle(CompareVisionRevisions query, CancellationToken cancellationToken)
    {
        var productId = access.Current!.ProductId;
        var visionId = await db.ProductVisions.Where(v => v.ProductId == productId).Select(v => (int?)v.Id)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        var numbers = await db.ProductVisionRevisions.Where(r => r.ProductVisionId == visionId)
            .OrderByDescending(r => r.Number).Select(r => r.Number).ToListAsync(cancellationToken);
        if (numbers.Count == 0)
        {
            throw new NotFoundException();
        }

        var toNumber = query.To == 0 ? numbers[0] : query.To;
        var fromNumber = query.From == 0 ? Math.Max(1, toNumber - 1) : query.From;
        var revisions = await db.ProductVisionRevisions.AsNoTracking()
            .Where(r => r.ProductVisionId == visionId && (r.Number == fromNumber || r.Number == toNumber))
            .ToListAsync(cancellationToken);
        var from = revisions.SingleOrDefault(r => r.Number == fromNumber) ?? throw new NotFoundException();
        var to = revisions.SingleOrDefault(r => r.Number == toNumber) ?? throw new NotFoundException();

        return new VisionComparison(from.Number, to.Number, from.SavedAt, from.SavedBy, to.SavedAt, to.SavedBy,
        [
            Section("Vision statement", from.Statement, to.Statement),
            Section("Target group", from.TargetGroup, to.TargetGroup),
            Section("Needs", from.Needs, to.Needs),
            Section("Product", from.ProductDetails, to.ProductDetails),
            Section("Business goals", from.BusinessGoals, to.BusinessGoals),
        ], numbers);
    }

    private static VisionSectionChange Section(string name, string before, string after) =>
        new(name, !string.Equals(before, after, StringComparison.Ordinal), WordDiff.Compare(before, after));
}

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>A word-level diff (longest common subsequence) of two texts; whitespace stays with the word before it.</summary>
public static class WordDiff
{
    private const int MaxTokens = 2000;

    public static IReadOnlyList<DiffSegment> Compare(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        if (a.Count > MaxTokens || b.Count > MaxTokens)
        {
            return [new DiffSegment(DiffKind.Removed, before), new DiffSegment(DiffKind.Added, after)];
        }

        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal)
                    ? lcs[i + 1, j + 1] + 1
                    : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var segments = new List<DiffSegment>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                Append(segments, DiffKind.Same, a[x]);
                x++;
                y++;
            }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                Append(segments, DiffKind.Added, b[y]);
                y++;
            }
            else
            {
                Append(segments, DiffKind.Removed, a[x]);
                x++;
            }
        }

        return segments;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var endOfWord = !char.IsWhiteSpace(text[i]) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]));
            if (endOfWord)
            {
                var end = i + 1;
                while (end < text.Length && char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                tokens.Add(text[start..end]);
                start = end;
                i = end - 1;
            }
        }

        if (start < text.Length)
        {
            tokens.Add(text[start..]);
        }

        return tokens;
    }

    private static void Append(List<DiffSegment> segments, DiffKind kind, string text)
    {
        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text));
        }
    }
}
