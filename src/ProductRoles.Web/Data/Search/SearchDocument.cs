using System.ComponentModel.DataAnnotations;
using ProductRoles.Web.Domain.Backlog;
using ProductRoles.Web.Domain.Feedback;
using ProductRoles.Web.Domain.Goals;
using ProductRoles.Web.Domain.Research;
using ProductRoles.Web.Domain.Roadmap;
using ProductRoles.Web.Domain.Sprints;

namespace ProductRoles.Web.Data.Search;

/// <summary>What a search finds. The numbers are stored in the index: never renumber.</summary>
public enum SearchKind
{
    [Display(Name = "Backlog item")]
    BacklogItem = 1,
    [Display(Name = "Roadmap item")]
    RoadmapItem = 2,
    [Display(Name = "Insight")]
    Insight = 3,
    [Display(Name = "Customer feedback")]
    Feedback = 4,
    [Display(Name = "Goal")]
    Goal = 5,
    [Display(Name = "Comment")]
    Comment = 6,
    [Display(Name = "Sprint")]
    Sprint = 7,
}

/// <summary>
/// One row of the full-text index: the searchable text of one entity. Its id is derived from the
/// entity's (kind, id), so replacing or removing it is a lookup by key on both engines, never a scan.
/// </summary>
public sealed record SearchDocument(
    SearchKind Kind, int EntityId, int ProductId, int? ParentId, string Title, string Body, string ExternalKey)
{
    /// <summary>Room for 8 kinds below each entity id.</summary>
    public const int KindBits = 3;

    public long Id => IdOf(Kind, EntityId);

    public static long IdOf(SearchKind kind, int entityId) => ((long)entityId << KindBits) | (long)kind;

    /// <summary>The kinds of entity the index holds, and which of their properties it reads.</summary>
    public static readonly IReadOnlyDictionary<Type, (SearchKind Kind, string[] Properties)> Indexed = new Dictionary<Type, (SearchKind, string[])>
    {
        [typeof(BacklogItem)] = (SearchKind.BacklogItem,
            [nameof(BacklogItem.Title), nameof(BacklogItem.AsA), nameof(BacklogItem.IWant), nameof(BacklogItem.SoThat), nameof(BacklogItem.Description), nameof(BacklogItem.ExternalKey)]),
        [typeof(RoadmapItem)] = (SearchKind.RoadmapItem, [nameof(RoadmapItem.Title), nameof(RoadmapItem.Outcome), nameof(RoadmapItem.Notes)]),
        [typeof(Insight)] = (SearchKind.Insight, [nameof(Insight.Title), nameof(Insight.Summary), nameof(Insight.Source), nameof(Insight.Tags)]),
        [typeof(FeedbackItem)] = (SearchKind.Feedback, [nameof(FeedbackItem.SourceName), nameof(FeedbackItem.Account), nameof(FeedbackItem.Text), nameof(FeedbackItem.Tags)]),
        [typeof(Goal)] = (SearchKind.Goal, [nameof(Goal.Title), nameof(Goal.Description)]),
        [typeof(BacklogComment)] = (SearchKind.Comment, [nameof(BacklogComment.Text)]),
        [typeof(Sprint)] = (SearchKind.Sprint, [nameof(Sprint.Name), nameof(Sprint.Goal)]),
    };

    /// <summary>
    /// The document for an entity; a comment's product comes from its item (<paramref name="commentProductId"/>).
    /// The migration that built the index from existing rows joins the same columns the same way.
    /// </summary>
    public static SearchDocument For(object entity, int? commentProductId = null) => entity switch
    {
        BacklogItem i => new(SearchKind.BacklogItem, i.Id, i.ProductId, null, i.Title, Join(i.AsA, i.IWant, i.SoThat, i.Description), i.ExternalKey ?? ""),
        RoadmapItem r => new(SearchKind.RoadmapItem, r.Id, r.ProductId, null, r.Title, Join(r.Outcome, r.Notes), ""),
        Insight i => new(SearchKind.Insight, i.Id, i.ProductId, null, i.Title, Join(i.Summary, i.Source, i.Tags), ""),
        FeedbackItem f => new(SearchKind.Feedback, f.Id, f.ProductId, null, Join(f.SourceName, f.Account), Join(f.Text, f.Tags), ""),
        Goal g => new(SearchKind.Goal, g.Id, g.ProductId, null, g.Title, Join(g.Description), ""),
        BacklogComment c => new(SearchKind.Comment, c.Id, commentProductId ?? c.BacklogItem?.ProductId ?? 0, c.BacklogItemId, "", c.Text, ""),
        Sprint s => new(SearchKind.Sprint, s.Id, s.ProductId, null, s.Name, s.Goal, ""),
        _ => throw new ArgumentException($"{entity.GetType().Name} is not searchable.", nameof(entity)),
    };

    /// <summary>Parts separated by a line break, empty parts left out (the migration: concat_ws over NULLIF).</summary>
    private static string Join(params string?[] parts) =>
        string.Join('\n', parts.Where(p => !string.IsNullOrEmpty(p)));
}
