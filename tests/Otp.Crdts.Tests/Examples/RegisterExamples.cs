using Otp.Crdts.Registers;

namespace Otp.Crdts.Tests.Examples;

/// <summary>The register examples of the Lasp posts and notes.</summary>
public sealed class RegisterExamples
{
    [Fact]
    public void Lww_set_1_foo_then_2_bar()
    {
        var foo = LwwRegister<string>.Empty.Set(1, "a", "foo");
        var bar = foo.Set(2, "a", "bar");
        Assert.Equal("foo,bar", $"{foo.Value},{bar.Value}");
        Assert.Null(LwwRegister<string>.Empty.Value);
    }

    [Fact]
    public void Lww_an_older_write_loses_even_when_it_arrives_last() =>
        Assert.Equal("new", LwwRegister<string>.Empty.Set(5, "a", "new").Set(3, "b", "old").Value);

    [Fact]
    public void MVRegister_keeps_concurrent_writes_until_a_later_write()
    {
        var a = MVRegister<string>.Empty.Set("a", "va");
        var b = MVRegister<string>.Empty.Set("b", "vb");
        var both = a.Merge(b);
        Assert.Equal("[va,vb]", Show.Term(both.Value));
        Assert.Equal("[vc]", Show.Term(both.Set("a", "vc").Value));
    }

    [Fact]
    public void IVar_undefined_then_42()
    {
        var none = IVar<int>.Empty;
        var set = none.Set(42);
        Assert.Equal(["undefined", "42"], new[] { none.ToString(), set.ToString() });
        Assert.Equal(new Assignment<int>.Assigned(42), set.Value);
        Assert.Equal(set, set.Set(42));
    }
}
