using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Otp.Tables;

/// <summary>Reads and rebuilds the tuples tables store (value tuples or <see cref="Tuple"/>s).</summary>
internal static class TupleOps
{
    private static readonly ConcurrentDictionary<Type, ConstructorInfo> s_constructors = new();

    /// <summary>A copy of <paramref name="tuple"/> with element <paramref name="index"/> (from 0)
    /// replaced; the element's type becomes the new value's type where it has to.</summary>
    public static ITuple WithElement(ITuple tuple, int index, object value)
    {
        var type = tuple.GetType();
        if (!type.IsGenericType || tuple.Length > 7)
            throw new BadArgException($"cannot rebuild a {type.Name}: tables update value tuples and Tuples of up to 7 elements");
        var args = type.GetGenericArguments();
        var definition = type.GetGenericTypeDefinition();
        var values = new object?[tuple.Length];
        for (var i = 0; i < values.Length; i++) values[i] = tuple[i];
        values[index] = value;
        if (!args[index].IsInstanceOfType(value))
        {
            args = (Type[])args.Clone();
            args[index] = value.GetType();
            type = definition.MakeGenericType(args);
        }
        var ctor = s_constructors.GetOrAdd(type, static t => t.GetConstructor(t.GetGenericArguments())
            ?? throw new InvalidOperationException($"{t} has no element-wise constructor"));
        return (ITuple)ctor.Invoke(values);
    }
}
