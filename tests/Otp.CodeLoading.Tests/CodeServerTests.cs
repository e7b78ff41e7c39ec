using Otp.Compiler;

namespace Otp.CodeLoading.Tests;

public class CodeServerTests
{
    [Fact]
    public void SourceThatDoesNotCompileGivesDiagnosticsAndLeavesTheRunningVersion()
    {
        using var node = Node.StartDeterministic();
        var v1 = node.Code.LoadSource("counter", CounterSources.V1);
        var ex = Assert.Throws<CompileErrorException>(() => node.Code.LoadSource("counter", CounterSources.Broken));
        var diagnostic = Assert.Single(ex.Diagnostics);
        Assert.Contains("error CS0103", diagnostic);
        Assert.Contains("'missing'", diagnostic);
        Assert.StartsWith("(1,", diagnostic);
        Assert.Same(v1, node.Code.Current("counter"));
        Assert.Null(node.Code.Old("counter"));
        Assert.Equal(ModuleStatus.Current, v1.Status);
    }

    [Fact]
    public void AnImageThatIsNotAnAssemblyIsABadArgumentAndChangesNothing()
    {
        using var node = Node.StartDeterministic();
        var v1 = node.Code.LoadSource("counter", CounterSources.V1);
        var ex = Assert.Throws<BadArgException>(() => node.Code.Load("counter", [1, 2, 3]));
        Assert.Contains("not a .NET assembly", ex.Message);
        Assert.Same(v1, node.Code.Current("counter"));
    }

    [Fact]
    public async Task CallingAModuleThatIsNotLoadedIsUndef()
    {
        using var node = Node.StartDeterministic();
        var ex = await Assert.ThrowsAsync<UndefinedModuleException>(() => node.RunAsync(self =>
        {
            self.EnterModule("nope");
            return Task.CompletedTask;
        }));
        Assert.Equal("undef", ex.Reason.Name);
    }

    [Fact]
    public void ThreeLoadsKeepTwoVersionsAndNumberThem()
    {
        using var node = Node.StartDeterministic();
        var v1 = node.Code.LoadSource("counter", CounterSources.V1);
        var v2 = node.Code.LoadSource("counter", CounterSources.V2);
        var v3 = node.Code.LoadSource("counter", CounterSources.V1);
        Assert.Equal((1, 2, 3), (v1.Number, v2.Number, v3.Number));
        Assert.Equal((ModuleStatus.Purged, ModuleStatus.Old, ModuleStatus.Current), (v1.Status, v2.Status, v3.Status));
        Assert.Same(v2, node.Code.Old("counter"));
        Assert.Throws<InvalidOperationException>(() => v1.Assembly);
        Assert.Equal(["counter"], node.Code.Modules);
    }
}
