using Spectre.Console;

namespace Grader.Tests.Grading;

/// <summary>A Spectre console that writes plain text (no colours, no ANSI) to a string.</summary>
internal sealed class TextConsole
{
    private readonly StringWriter _writer = new();

    public TextConsole(int width = 200)
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(_writer),
            Interactive = InteractionSupport.No,
        });
        Console.Profile.Width = width;
    }

    public IAnsiConsole Console { get; }

    public string Output => _writer.ToString();
}
