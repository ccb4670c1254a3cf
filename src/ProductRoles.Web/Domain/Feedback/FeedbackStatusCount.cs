namespace ProductRoles.Web.Domain.Feedback;

/// <summary>
/// How many of a product's feedback items have a status: the inbox's per-status counts and its total, read
/// without looking at a single feedback item. Kept in step by the same transaction that records, triages or
/// removes feedback, never by a later job (see FeedbackTally).
/// </summary>
public sealed class FeedbackStatusCount : IProductOwned
{
    public int ProductId { get; set; }
    public FeedbackStatus Status { get; set; }
    public int ItemCount { get; set; }
}
