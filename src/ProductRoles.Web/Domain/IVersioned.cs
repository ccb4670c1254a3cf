namespace ProductRoles.Web.Domain;

/// <summary>
/// An editable entity with an optimistic concurrency token. The version is a plain integer that the
/// DbContext increments on every update, so it behaves the same on SQLite and SQL Server.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
