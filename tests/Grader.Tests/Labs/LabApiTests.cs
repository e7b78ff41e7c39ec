using System.Reflection;
using System.Runtime.Loader;
using Workbook.Grader.Discovery;

namespace Grader.Tests.Labs;

/// <summary>
/// A lab's starter and its reference solution must have the same public API (the grading tests
/// compile against either), so a student can always compare their work with the answer.
/// </summary>
public class LabApiTests
{
    public static TheoryData<string> Labs() => [.. LabCatalog.Find(RepoPaths.Root).Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Labs))]
    public void Starter_and_solution_have_the_same_public_api(string lab)
    {
        var starter = PublicApi(Built(Path.Combine(RepoPaths.Root, "artifacts", "bin", lab, "debug", lab + ".dll")));
        var solution = PublicApi(Built(Path.Combine(RepoPaths.Root, "artifacts", "solutions", "bin", lab, "debug", lab + ".dll")));
        var onlyStarter = starter.Except(solution).ToList();
        var onlySolution = solution.Except(starter).ToList();
        Assert.True(onlyStarter.Count == 0 && onlySolution.Count == 0,
            $"{lab}: the public API of labs/ and solutions/ differ.\n" +
            string.Concat(onlyStarter.Select(s => $"  only in labs/:      {s}\n")) +
            string.Concat(onlySolution.Select(s => $"  only in solutions/: {s}\n")));
    }

    [Fact]
    public void The_comparison_sees_a_difference()
    {
        // The API of this test assembly against the grader's: they must differ, or the check is blind.
        var a = PublicApi(typeof(LabApiTests).Assembly.Location);
        var b = PublicApi(typeof(LabCatalog).Assembly.Location);
        Assert.NotEmpty(a.Except(b));
    }

    private static string Built(string dll)
    {
        Assert.True(File.Exists(dll), $"{dll} is missing: build the whole workbook first (dotnet build Labs.sln).");
        return dll;
    }

    /// <summary>Every public type and public member, one line each, in a stable order.</summary>
    private static SortedSet<string> PublicApi(string dll)
    {
        var context = new FolderLoadContext(dll);
        try
        {
            var api = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var type in context.LoadFromAssemblyPath(dll).GetExportedTypes())
            {
                api.Add($"type {type.FullName} : {type.BaseType?.FullName}");
                const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
                foreach (var member in type.GetMembers(flags))
                    api.Add($"{type.FullName}: {member}");
            }
            return api;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Loads an assembly and its dependencies from its own folder, isolated from the test.</summary>
    private sealed class FolderLoadContext(string dll) : AssemblyLoadContext(isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(dll);

        protected override Assembly? Load(AssemblyName name) =>
            _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
