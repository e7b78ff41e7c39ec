namespace Otp.Conformance.Tests.Harness;

/// <summary>Finds files in the repository from a test's output folder.</summary>
public static class RepoPaths
{
    /// <summary>The folder that holds Labs.sln.</summary>
    public static string Root { get; } = Workbook.WorkbookRoot.Find();
}
