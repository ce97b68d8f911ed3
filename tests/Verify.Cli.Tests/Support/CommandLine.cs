using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Verify.Cli.Tests.Support;

/// <summary>What one run of the command line returned and printed (output and errors together).</summary>
public sealed record CliResult(int Exit, string Output)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    public double Number => double.Parse(Output.Trim(), CultureInfo.InvariantCulture);

    public override string ToString() => $"exit {Exit}:\n{Output}";
}

/// <summary>Runs the verify command line in-process on a console that records plain text, wide enough not to wrap (shared by the report tests).</summary>
public static class CommandLine
{
    public static CliResult Run(params string[] args)
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
        return new CliResult(exit, writer.ToString().Replace("\r\n", "\n"));
    }
}
