namespace Workbook.Grader.Grading;

/// <summary>One grading test's result.</summary>
/// <param name="Name">Its fully qualified name, <c>Namespace.Class.Method</c>.</param>
/// <param name="Task">The task it checks (from the <c>Task&lt;N&gt;_</c> prefix of its method name), or null.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Message">Why it failed: the assertion's message, the crash or the time-out; null when it passed.</param>
public sealed record TestResult(string Name, int? Task, TestOutcome Outcome, string? Message)
{
    /// <summary>OS processes the test left running (the grader ended them), for people; empty
    /// when it left none.</summary>
    public IReadOnlyList<string> LeftRunning { get; init; } = [];

    /// <summary>The method's name, without namespace and class.</summary>
    public string Method => Name[(Name.LastIndexOf('.') + 1)..];
}

/// <summary>One task of a lab with the tests that check it.</summary>
/// <param name="Number">The task's number.</param>
/// <param name="Title">The title from the README (or "(not in README)").</param>
/// <param name="Hint">The README's hint, if any.</param>
/// <param name="Tests">The tests that check it.</param>
public sealed record TaskResult(int Number, string Title, string? Hint, IReadOnlyList<TestResult> Tests)
{
    /// <summary>True when a test or snapshot this task depends on differs from the committed one
    /// (<see cref="Integrity.LabIntegrity"/>); such a task never passes.</summary>
    public bool Tampered { get; init; }

    /// <summary>A task passes when it has tests, every one of them passed, and none of its tests
    /// or snapshots was tampered with.</summary>
    public bool Passed => !Tampered && Tests.Count > 0 && Tests.All(t => t.Outcome == TestOutcome.Passed);

    /// <summary>The first test that did not pass, in name order, or null.</summary>
    public TestResult? FirstFailure => Tests.FirstOrDefault(t => t.Outcome != TestOutcome.Passed);
}

/// <summary>One lab graded against one source (labs or solutions).</summary>
/// <param name="Number">The lab's number.</param>
/// <param name="Name">The lab's project name, for example <c>Lab01.Processes</c>.</param>
/// <param name="Title">The README's title.</param>
/// <param name="Compiled">False when the lab (or its tests) did not build; then no test ran.</param>
/// <param name="Problem">What went wrong around the tests (build errors, a runner that would not start), or null.</param>
/// <param name="Tasks">The README's tasks, in order, with their tests; tasks only tests mention come last.</param>
/// <param name="Unassigned">Tests whose names do not start with <c>Task&lt;N&gt;_</c>; they count for no task.</param>
public sealed record LabResult(int Number, string Name, string Title, bool Compiled, string? Problem, IReadOnlyList<TaskResult> Tasks, IReadOnlyList<TestResult> Unassigned)
{
    /// <summary>Whether the lab was graded with the committed tests and snapshots.</summary>
    public Integrity.LabIntegrity Integrity { get; init; } = Workbook.Grader.Integrity.LabIntegrity.NotAsked;

    /// <summary>How many tasks passed.</summary>
    public int PassedTasks => Tasks.Count(t => t.Passed);

    /// <summary>The first task that did not pass, or null.</summary>
    public TaskResult? FirstFailingTask => Tasks.FirstOrDefault(t => !t.Passed);

    /// <summary>Every OS process the lab's tests left running (the grader ended them).</summary>
    public IEnumerable<string> LeftRunning => AllTests.SelectMany(t => t.LeftRunning).Distinct();

    /// <summary>Every test of the lab.</summary>
    public IEnumerable<TestResult> AllTests => Tasks.SelectMany(t => t.Tests).Concat(Unassigned);
}

/// <summary>Every lab graded in one run of the grader.</summary>
/// <param name="Source">What was graded: <c>labs</c> (students' work) or <c>solutions</c>.</param>
/// <param name="Labs">The labs, by number.</param>
public sealed record GradeReport(string Source, IReadOnlyList<LabResult> Labs)
{
    /// <summary>Tasks passed in all labs.</summary>
    public int PassedTasks => Labs.Sum(l => l.PassedTasks);

    /// <summary>Tasks in all labs.</summary>
    public int TotalTasks => Labs.Sum(l => l.Tasks.Count);

    /// <summary>Passed tasks as a percentage of all tasks (0 when there are none).</summary>
    public double Percent => TotalTasks == 0 ? 0 : 100.0 * PassedTasks / TotalTasks;
}
