using System.Globalization;
using Spectre.Console;
using Verify.Claims;
using Verify.Claims.Checking;

namespace Verify.Cli.Checking;

/// <summary>The verdict table of verify check: id, the paper's claim in a few words, verdict, evidence in one line.</summary>
static class CheckTable
{
    public static void Write(IAnsiConsole console, CheckRun.Outcome outcome, CheckOptions options)
    {
        var table = new Table().Border(TableBorder.Simple).Expand();
        table.AddColumn("claim");
        table.AddColumn("verdict");
        table.AddColumn("pinned");
        table.AddColumn("evidence");
        foreach (var c in outcome.Claims)
        {
            var verdict = c.Result.Verdict.Name();
            var colour = c.Result.Verdict switch { Verdict.Proved => "green", Verdict.Refuted => "red", Verdict.Holds => "blue", _ => "yellow" };
            var pinned = c.Expected is null ? "[yellow]none[/]" : c.Matches ? "same" : $"[red bold]{c.Expected.Verdict.Name()}[/]";
            var evidence = Short(c.Result.Evidence);
            if (c.Result.Counterexample is { } point)
                evidence += " at " + string.Join(", ", point.Select(kv => $"{kv.Key}={kv.Value.ToString("G6", CultureInfo.InvariantCulture)}"));
            table.AddRow(Markup.Escape(c.Result.Key), $"[{colour}]{verdict}[/]", pinned, Markup.Escape(evidence));
        }
        console.Write(table);
        var differ = outcome.Claims.Count(c => !c.Matches);
        console.MarkupLine(Markup.Escape($"{outcome.Claims.Count} claims, {options.Draws} draws each, seed {options.Seed}, {outcome.Elapsed.TotalSeconds:F1} s; ") +
            (differ == 0 ? "[green]every verdict is the pinned one[/]" : $"[red]{differ} verdict(s) differ from the pinned ones[/]"));
    }

    static string Short(string s) => s.Length <= 220 ? s : s[..217] + "...";
}
