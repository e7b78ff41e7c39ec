using System.Collections.Concurrent;
using System.Reflection;

namespace Otp.Distribution.Terms;

/// <summary>
/// How one <see cref="ErlangRecordAttribute"/> type maps to a tagged tuple: its tag, and the
/// constructor whose parameters (in order) are the tuple's other elements, each read back from
/// the property of the same name. Found once per type by reflection and cached.
/// </summary>
internal sealed class RecordShape
{
    private static readonly ConcurrentDictionary<Type, RecordShape?> s_cache = new();

    private readonly ConstructorInfo _constructor;
    private readonly PropertyInfo[] _properties;
    private readonly Type[] _parameterTypes;

    private RecordShape(Type type, Atom tag, ConstructorInfo constructor, PropertyInfo[] properties)
    {
        Type = type;
        Tag = tag;
        _constructor = constructor;
        _properties = properties;
        _parameterTypes = constructor.GetParameters().Select(p => p.ParameterType).ToArray();
    }

    public Type Type { get; }

    public Atom Tag { get; }

    /// <summary>The tuple's size, tag included.</summary>
    public int Size => _properties.Length + 1;

    /// <summary>The shape of <paramref name="type"/>, or null when it has no attribute.</summary>
    /// <exception cref="ArgumentException">The attribute is there but no constructor fits.</exception>
    public static RecordShape? For(Type type) => s_cache.GetOrAdd(type, Build);

    private static RecordShape? Build(Type type)
    {
        var attribute = type.GetCustomAttribute<ErlangRecordAttribute>();
        if (attribute is null) return null;
        var candidates =
            from c in type.GetConstructors()
            let ps = c.GetParameters()
            let props = ps.Select(p => type.GetProperty(p.Name ?? "", BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)).ToArray()
            where props.All(pr => pr is { CanRead: true })
            orderby ps.Length descending
            select (c, props);
        var (ctor, properties) = candidates.FirstOrDefault();
        if (ctor is null)
            throw new ArgumentException($"[ErlangRecord] type {type.Name} needs a public constructor whose parameters are named like its properties");
        return new RecordShape(type, new Atom(attribute.Tag), ctor, properties!);
    }

    public ErlangTuple ToTuple(object record)
    {
        var items = new object?[Size];
        items[0] = Tag;
        for (var i = 0; i < _properties.Length; i++) items[i + 1] = _properties[i].GetValue(record);
        return ErlangTuple.Wrap(items);
    }

    /// <summary>Builds the record from a decoded tuple of the right tag and size; null when an
    /// element does not convert to its parameter's type (the caller keeps the tuple).</summary>
    public object? FromTuple(object?[] items)
    {
        var args = new object?[_parameterTypes.Length];
        for (var i = 0; i < args.Length; i++)
            if (!TermConvert.TryConvert(items[i + 1], _parameterTypes[i], out args[i])) return null;
        return _constructor.Invoke(args);
    }
}
