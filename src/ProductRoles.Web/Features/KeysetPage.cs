namespace ProductRoles.Web.Features;

/// <summary>One keyset page of a list (the API's cursors): its rows, whether more follow, and how many rows the whole list has.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Rows, bool HasMore, int Total);
