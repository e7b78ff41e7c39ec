using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Workbook.Notebooks.Display;

/// <summary>
/// Turns a value into the MIME bundle a notebook shows. A value whose type has a public
/// parameterless <c>ToMimeBundle()</c> returning string-to-string pairs chooses its own
/// representations (the runtime's sequence diagrams do, without referencing this library);
/// everything else is shown as <c>text/plain</c>: strings as they are, collections as
/// <c>[a, b, c]</c>, the rest with invariant-culture <c>ToString()</c>.
/// </summary>
public static class ValueFormatter
{
    private const int MaxItems = 100;

    /// <summary>The MIME bundle for <paramref name="value"/>; it always contains <c>text/plain</c>.</summary>
    public static IReadOnlyDictionary<string, string> ToMimeBundle(object? value)
    {
        if (value is not null && MimeBundleOf(value) is { } bundle)
        {
            var copy = new Dictionary<string, string>(bundle, StringComparer.Ordinal);
            copy.TryAdd("text/plain", PlainText(value, nested: false));
            return copy;
        }
        return new Dictionary<string, string> { ["text/plain"] = PlainText(value, nested: false) };
    }

    /// <summary>The plain-text form of <paramref name="value"/>.</summary>
    public static string ToPlainText(object? value) => PlainText(value, nested: false);

    private static IEnumerable<KeyValuePair<string, string>>? MimeBundleOf(object value)
    {
        var method = value.GetType().GetMethod("ToMimeBundle", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (method is null) return null;
        return method.Invoke(value, null) switch
        {
            IEnumerable<KeyValuePair<string, string>> pairs => pairs,
            _ => null,
        };
    }

    private static string PlainText(object? value, bool nested) => value switch
    {
        null => nested ? "null" : "<null>",
        string s => nested ? $"\"{s}\"" : s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items when !HasOwnToString(value) => Sequence(items),
        _ => value.ToString() ?? "",
    };

    private static string Sequence(IEnumerable items)
    {
        var shown = new List<string>();
        var more = 0;
        foreach (var item in items)
        {
            if (shown.Count < MaxItems) shown.Add(PlainText(item, nested: true));
            else more++;
        }
        return "[" + string.Join(", ", shown) + (more > 0 ? $", … ({more} more)" : "") + "]";
    }

    // Types that override ToString (records, user collections) know best how to show themselves.
    private static bool HasOwnToString(object value) =>
        value.GetType().GetMethod("ToString", Type.EmptyTypes)?.DeclaringType != typeof(object);
}
