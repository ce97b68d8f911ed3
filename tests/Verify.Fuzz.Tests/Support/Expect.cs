using System.Text.Json;
using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Fuzz.Tests.Support;

/// <summary>What a documented error looks like.</summary>
public static class Expect
{
    /// <summary>"file:line:column: problem", with the line and column inside the text (column one past the end of a line allowed).</summary>
    public static void PlacedIn(string message, int line, int column, string file, string text)
    {
        var lines = text.Split('\n');
        var where = $"{message}\nin:\n{FileText.Show(text)}";
        Assert.That(message, Does.StartWith($"{file}:{line}:{column}: "), where);
        Assert.That(line, Is.InRange(1, lines.Length), where);
        Assert.That(column, Is.InRange(1, lines[line - 1].Length + 1), where);
        Assert.That(message, Does.Not.Contain("\n"), "one line: " + where);
    }

    /// <summary>
    /// A run of the command line that either succeeded (exit 0; with --json, one valid JSON document)
    /// or failed as documented (exit 2, one line "error: ..."). Returns "ok" or "error".
    /// </summary>
    public static string CliOutcome(CliResult result, bool json, string command)
    {
        var where = $"verify {command}\n{result}";
        if (result.Exit == 0)
        {
            if (json) Assert.That(() => JsonDocument.Parse(result.Output).Dispose(), Throws.Nothing, "valid JSON: " + where);
            return "ok";
        }
        Assert.That(result.Exit, Is.EqualTo(2), "exit 2 (bad input), not an internal error: " + where);
        Assert.That(result.Output, Does.StartWith("error: "), where);
        Assert.That(result.Output.TrimEnd('\n'), Does.Not.Contain("\n"), "one line: " + where);
        return "error";
    }
}
