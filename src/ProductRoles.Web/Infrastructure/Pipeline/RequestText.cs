using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace ProductRoles.Web.Infrastructure.Pipeline;

/// <summary>
/// Rules every request obeys, whatever its validator says, checked on every string and enum
/// property (nested inputs and lists included) by <see cref="ValidationBehaviour{TMessage,TResponse}"/>:
/// no control characters other than tab and line breaks (a NUL, an escape sequence), no half of a
/// surrogate pair, and no enum value without a name. Checking here rather than with a rule per
/// validator means a new request, or a new field, is covered without anyone remembering to add it;
/// the value is refused with a message, never silently cleaned, so nothing is hidden or altered.
/// </summary>
public static class RequestText
{
    public const string ControlCharacterMessage = "Remove the control character (such as a NUL or an escape) from this text.";
    public const string BrokenCharacterMessage = "This text holds a broken character (half of a pair, such as a cut emoji): type it again.";
    public const string UnknownChoiceMessage = "Choose one of the offered values.";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static IEnumerable<(string Property, string Message)> Check(object message) => Check(message, "", 0);

    /// <summary>Null when the text is acceptable, else why not.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return BrokenCharacterMessage;
            }
            else if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return ControlCharacterMessage;
            }
        }

        return null;
    }

    private static IEnumerable<(string Property, string Message)> Check(object value, string path, int depth)
    {
        if (depth > 4)
        {
            yield break;
        }

        foreach (var property in Properties.GetOrAdd(value.GetType(), Readable))
        {
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            foreach (var problem in CheckValue(property.GetValue(value), name, depth))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<(string Property, string Message)> CheckValue(object? value, string name, int depth)
    {
        switch (value)
        {
            case null:
                yield break;
            case string text:
                if (Problem(text) is { } why)
                {
                    yield return (name, why);
                }

                yield break;
            case Enum choice when !choice.GetType().IsDefined(typeof(FlagsAttribute)) && !Enum.IsDefined(choice.GetType(), choice):
                yield return (name, UnknownChoiceMessage);
                yield break;
            case IEnumerable items when value.GetType() != typeof(string):
                var index = 0;
                foreach (var item in items)
                {
                    foreach (var problem in CheckValue(item, $"{name}[{index}]", depth + 1))
                    {
                        yield return problem;
                    }

                    index++;
                }

                yield break;
            default:
                // Nested inputs of the app's own (records and classes), not framework objects.
                if (value.GetType().Namespace?.StartsWith("ProductRoles.Web", StringComparison.Ordinal) == true && !value.GetType().IsEnum)
                {
                    foreach (var problem in Check(value, name, depth + 1))
                    {
                        yield return problem;
                    }
                }

                yield break;
        }
    }

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();
}
