using Spectre.Console;
using Verify.Cli;

namespace Verify.Reports.Tests.Support;

/// <summary>The verify command line run in-process, its output recorded as plain text.</summary>
public static class CommandLine
{
    public static (int Exit, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        var exit = VerifyApp.Run(args, console);
        return (exit, writer.ToString().Replace("\r\n", "\n"));
    }
}

/// <summary>A folder for one test, deleted after it.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"verify-reports-{Guid.NewGuid():N}");

    public TempFolder() => Directory.CreateDirectory(Path);

    public void Dispose() { if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true); }
}
