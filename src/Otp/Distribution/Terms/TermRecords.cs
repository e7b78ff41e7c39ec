using System.Collections.Concurrent;

namespace Otp.Distribution.Terms;

/// <summary>
/// The C# records a decoder rebuilds from Erlang records: a tuple <c>{ping, Pid}</c> whose tag and
/// size match a registered <c>[ErlangRecord("ping")] record Ping(Pid From)</c> decodes as a
/// <c>Ping</c>. Without registration it decodes as an <see cref="ErlangTuple"/>. Encoding needs
/// no registration: the attribute is enough.
/// </summary>
public sealed class TermRecords
{
    private readonly ConcurrentDictionary<(string Tag, int Size), RecordShape> _shapes = new();

    /// <summary>Registers <typeparamref name="T"/> (which must carry <see cref="ErlangRecordAttribute"/>).</summary>
    /// <returns>This registry, to chain registrations.</returns>
    /// <exception cref="ArgumentException">No attribute, no public constructor whose parameters
    /// match readable properties, or another type already registered for the same tag and size.</exception>
    public TermRecords Register<T>() => Register(typeof(T));

    /// <summary>Registers <paramref name="type"/>; see <see cref="Register{T}"/>.</summary>
    public TermRecords Register(Type type)
    {
        var shape = RecordShape.For(type) ?? throw new ArgumentException($"{type.Name} has no [ErlangRecord] attribute", nameof(type));
        var key = (shape.Tag.Name, shape.Size);
        var existing = _shapes.GetOrAdd(key, shape);
        if (existing.Type != type)
            throw new ArgumentException($"{{{shape.Tag},...}} of size {shape.Size} is already registered for {existing.Type.Name}", nameof(type));
        return this;
    }

    /// <summary>The registered record for a tuple with this tag and size (tag included), if any.</summary>
    internal RecordShape? Find(string tag, int size) => _shapes.TryGetValue((tag, size), out var s) ? s : null;
}
