using Otp.Io;

namespace Otp.Modules;

/// <summary>Erlang's <c>io:format/1,2</c> and <c>io:put_chars/1</c>, writing to the calling
/// process's group leader, so that <c>spawn(CsNode, io, format, ["hi~n"])</c> prints on the
/// spawner's node as it does between two BEAM nodes.</summary>
[ErlangModule("io")]
internal static class IoModule
{
    /// <summary><c>io:format/1</c>.</summary>
    public static Task<Atom> Format(Process self, object format) => Format(self, format, ErlangList.Nil);

    /// <summary><c>io:format/2</c>.</summary>
    public static async Task<Atom> Format(Process self, object format, ErlangList args)
    {
        await self.PutCharsAsync(IoLibFormat.Format(IoLibFormat.Text(format), [.. args]));
        return new Atom("ok");
    }

    /// <summary><c>io:put_chars/1</c>.</summary>
    public static async Task<Atom> PutChars(Process self, object chars)
    {
        await self.PutCharsAsync(IoLibFormat.Text(chars));
        return new Atom("ok");
    }
}
