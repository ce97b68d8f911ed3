using System.Globalization;
using Spectre.Console;
using Verify.Claims;
using Verify.Claims.Checking;

namespace Verify.Cli.Checking;

/// <summary>
/// The output of verify check: one line per claim (verdict, id@regime, headline cut to the
/// console's width), then one summary line. verify explain ID prints a claim's whole evidence.
/// The verdict comes first, in a column of its own, so that the long ids leave the headline room.
/// </summary>
static class CheckTable
{
    public static void Write(IAnsiConsole console, CheckRun.Outcome outcome, CheckOptions options)
    {
        var verdicts = outcome.Claims.Select(Verdict).ToList();
        var verdictWidth = verdicts.Select(v => v.Length).DefaultIfEmpty(0).Max();
        foreach (var (c, verdict) in outcome.Claims.Zip(verdicts))
        {
            var colour = !c.Matches ? "red bold" : c.Result.Verdict switch
            {
                Claims.Verdict.Proved => "green", Claims.Verdict.Refuted => "red", Claims.Verdict.Holds => "blue", _ => "yellow",
            };
            var room = Math.Max(20, console.Profile.Width - verdictWidth - c.Result.Key.Length - 5);
            var headline = Headline.Shorten(Headline.Of(c.Result), room);
            console.MarkupLine($"[{colour}]{Markup.Escape(verdict.PadRight(verdictWidth))}[/]  {Markup.Escape(c.Result.Key)}: {Markup.Escape(headline)}");
        }
        console.MarkupLine(Summary(outcome, options));
    }

    /// <summary>The verdict, and the pinned one beside it when they differ.</summary>
    static string Verdict(CheckedClaim c) =>
        c.Matches ? c.Result.Verdict.Name()
        : c.Expected is null ? $"{c.Result.Verdict.Name()} (none pinned)"
        : $"{c.Result.Verdict.Name()} (pinned {c.Expected.Verdict.Name()})";

    static string Summary(CheckRun.Outcome outcome, CheckOptions options)
    {
        var counts = outcome.Claims.GroupBy(c => c.Result.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Name()}");
        var differ = outcome.Claims.Count(c => !c.Matches);
        var seconds = outcome.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        var status = differ == 0 ? $"[green]{outcome.Claims.Count} as pinned[/]" : $"[red]{differ} of {outcome.Claims.Count} differ from the pinned verdicts[/]";
        return status + Markup.Escape($": {string.Join(", ", counts)}; {options.Draws} draws, seed {options.Seed}, {seconds} s");
    }
}
