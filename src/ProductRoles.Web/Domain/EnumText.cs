using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace ProductRoles.Web.Domain;

/// <summary>
/// The one name a reader sees for an enum value: its <see cref="DisplayAttribute"/> ("In progress"), used
/// by every page, select list (Html.GetEnumSelectList reads the same attribute), export and history row.
/// </summary>
public static class EnumText
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Of(Enum value) => Names.GetOrAdd(value, static v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? v.ToString());

    /// <summary><c>status.Display()</c> reads as <see cref="Of"/>.</summary>
    public static string Display<T>(this T value)
        where T : struct, Enum => Of(value);
}
