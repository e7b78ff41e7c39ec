using System.Text;
using Otp.Behaviours;

namespace Lab07.ReplicatedKv.Tests;

public class NamespacesTests
{
    /// <summary>The functions of <see cref="Namespaces"/> that the tests call.</summary>
    public sealed record Api(
        Func<Process, Task<Pid>> Start,
        Func<Process, string, Task<Pid>> Store,
        Func<Process, string, string, string, Task<KvError?>> Set,
        Func<Process, string, string, Task<KvResult<string>>> Get,
        Func<Process, string, string, Task<KvError?>> Delete);

    private readonly Api api;

    /// <summary>The tests of your <see cref="Namespaces"/>.</summary>
    public NamespacesTests() : this(new Api(Namespaces.StartAsync, Namespaces.StoreAsync, Namespaces.SetAsync, Namespaces.GetAsync, Namespaces.DeleteAsync)) { }

    /// <summary>The same tests on another implementation: tests/Labs.Alternatives.Tests runs them on
    /// wrong answers, which must fail.</summary>
    protected NamespacesTests(Api api) => this.api = api;

    // What the client sees, call after call, and which stores exist at the end. How a store is
    // found (a name lookup, a call to the supervisor) is left to you, so the trace is not compared.
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_EachNamespaceHasItsOwnStore()
    {
        var run = await Lab.RunAsync(async self =>
        {
            var log = new StringBuilder();
            void Line(string op, object? result) => log.AppendLine($"{op,-32} -> {result?.ToString() ?? "ok"}");
            var supervisor = await api.Start(self);
            Line("books: set title Dune", await api.Set(self, "books", "title", "Dune"));
            Line("films: set title Alien", await api.Set(self, "films", "title", "Alien"));
            Line("books: get title", await api.Get(self, "books", "title"));
            Line("films: get title", await api.Get(self, "films", "title"));
            Line("books: set title Dune Messiah", await api.Set(self, "books", "title", "Dune Messiah"));
            Line("books: get title", await api.Get(self, "books", "title"));
            Line("books: set \"\" x", await api.Set(self, "books", "", "x"));
            Line("films: delete title", await api.Delete(self, "films", "title"));
            Line("films: get title", await api.Get(self, "films", "title"));
            Line("films: delete title (again)", await api.Delete(self, "films", "title"));
            log.AppendLine("registered supervisor: " + (self.Node.WhereIs(Namespaces.SupervisorName) == supervisor));
            // The supervisor's children, by the name each is registered under (their ids are yours).
            string[] names = ["books", "films"];
            var children = (await Supervisor.WhichChildrenAsync(self, supervisor))
                .Select(c => names.Select(n => Namespaces.StorePrefix + n).FirstOrDefault(n => self.Node.WhereIs(n) == c.Pid) ?? "a child registered as neither")
                .Order(StringComparer.Ordinal);
            log.AppendLine("supervisor's children: " + string.Join(", ", children));
            return log.ToString();
        }, seed: 1);
        await Verify(run.Result);
    }

    // Two writers use a new namespace at the same moment. However the interleaving goes (each seed
    // gives another), there must be one store, under the supervisor, holding both writes.
    [Fact(Timeout = Lab.TestTimeout)]
    public async Task Task2_TwoFirstWritersEndWithOneStoreAndBothWrites()
    {
        const string Expected = "children 1, distinct stores seen 1, writes a:ok b:ok, reads a={ok,1} b={ok,2}";
        for (var seed = 0; seed < 20; seed++)
        {
            var run = await Lab.RunAsync(async self =>
            {
                var supervisor = await api.Start(self);
                Pid Writer(string key, string value) => self.SpawnLink(async w =>
                {
                    var error = await api.Set(w, "shelf", key, value);
                    w.Send(self.Self, (key, error?.ToString() ?? "ok", await api.Store(w, "shelf")));
                });
                Writer("a", "1");
                Writer("b", "2");
                var answers = new List<(string, string, Pid)>();
                for (var i = 0; i < 2; i++) answers.Add(((string, string, Pid))await self.Receive());
                var children = await Supervisor.WhichChildrenAsync(self, supervisor);
                var a = await api.Get(self, "shelf", "a");
                var b = await api.Get(self, "shelf", "b");
                var stores = answers.Select(x => x.Item3).Append(self.Node.WhereIs(Namespaces.StorePrefix + "shelf")).Distinct().Count();
                return $"children {children.Count}, distinct stores seen {stores}, " +
                       $"writes {string.Join(" ", answers.OrderBy(x => x.Item1).Select(x => $"{x.Item1}:{x.Item2}"))}, reads a={a} b={b}";
            }, seed: seed);
            // One line per interleaving, so a failure says which seed and what it saw.
            Assert.Equal($"seed {seed}: {Expected}", $"seed {seed}: {run.Result}");
        }
    }
}
