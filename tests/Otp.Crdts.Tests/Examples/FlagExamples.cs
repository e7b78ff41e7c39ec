using Otp.Crdts.Flags;

namespace Otp.Crdts.Tests.Examples;

/// <summary>The flag examples of the Lasp posts and notes (and types' <c>flag_test</c>).</summary>
public sealed class FlagExamples
{
    [Fact]
    public void EWFlag_enable_disable_enable_is_true_false_true()
    {
        var f0 = EWFlag.Empty;
        var f1 = f0.Enable("a");
        var f2 = f1.Disable();
        var f3 = f2.Enable("a");
        Assert.Equal([false, true, false, true], new[] { f0.Value, f1.Value, f2.Value, f3.Value });
    }

    [Fact]
    public void EWFlag_enable_concurrent_with_disable_is_enabled()
    {
        var shared = EWFlag.Empty.Enable("a").Disable();
        Assert.True(shared.Enable("a").Merge(shared.Enable("b").Disable()).Value);
    }

    [Fact]
    public void DWFlag_new_disable_enable_is_true_false_true()
    {
        var f0 = DWFlag.Empty;
        var f1 = f0.Disable("a");
        var f2 = f1.Enable();
        Assert.Equal([true, false, true], new[] { f0.Value, f1.Value, f2.Value });
    }

    [Fact]
    public void DWFlag_disable_concurrent_with_enable_is_disabled()
    {
        var shared = DWFlag.Empty.Disable("a");
        Assert.False(shared.Disable("a").Merge(shared.Enable()).Value);
    }

    [Fact]
    public void Boolean_new_false_then_true_for_good()
    {
        Assert.False(BooleanFlag.Empty.Value);
        Assert.True(BooleanFlag.Empty.Enable().Merge(BooleanFlag.Empty).Value);
    }
}
