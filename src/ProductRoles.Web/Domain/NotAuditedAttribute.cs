namespace ProductRoles.Web.Domain;

/// <summary>
/// A property of an <see cref="IAudited"/> entity whose changes are not written to the history, because
/// its raw value means nothing to a reader (e.g. a rank key). The command that changes it writes a
/// readable row instead, such as "moved … position 40 → 5".
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class NotAuditedAttribute : Attribute
{
}
