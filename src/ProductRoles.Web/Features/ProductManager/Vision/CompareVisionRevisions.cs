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

public sealed class CompareVisionRevisionsHandler(AppDbContext db)
    : IQueryHandler<CompareVisionRevisions, VisionComparison>
{
    public async ValueTask<VisionComparison> Handle(CompareVisionRevisions query, CancellationToken cancellationToken)
    {
        var visionId = await db.ProductVisions.Select(v => (int?)v.Id)
            .SingleOrNotFoundAsync(cancellationToken);
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
