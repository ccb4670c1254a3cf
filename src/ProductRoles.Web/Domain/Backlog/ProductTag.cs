namespace ProductRoles.Web.Domain.Backlog;

/// <summary>
/// A tag in use in a product's backlog, with how many of its items carry it: the backlog filter's tag
/// choices, read without looking at a single item. The rule: a tag is listed exactly while at least one
/// of the product's items carries it. It is kept in step by the same transaction that adds or removes a
/// tag on an item (or creates, imports or removes items), never by a later job (see BacklogTally).
/// </summary>
public sealed class ProductTag : IProductOwned
{
    public int ProductId { get; set; }
    public required string Name { get; set; }
    public int ItemCount { get; set; }
}
