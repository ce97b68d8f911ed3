using System.Globalization;
using System.Text.RegularExpressions;
using Verify.Claims;

namespace Verify.Cli.Checking;

/// <summary>
/// A verdict's evidence in at most about 100 characters, for the one-line-per-claim output of
/// verify check: the first clause of the evidence without its provenance (seed, shrinking, case
/// counts), and the counterexample or witness in three significant digits. verify explain prints the rest.
/// </summary>
static partial class Headline
{
    public const int MaxLength = 100;

    public static string Of(ClaimResult result)
    {
        var text = FirstClause(result.Evidence);
        text = Sides().Replace(text, m => $"{m.Groups[1].Value} vs {m.Groups[2].Value}");
        text = Provenance().Replace(text, "");
        text = text.Replace(": the difference simplifies to 0 in every phase", ": simplifies to 0 in every phase")
                   .Replace("the sign oracle proves the sign of the difference in every phase", "sign proved in every phase")
                   .Replace("interval branch and bound proves the sign in every phase", "interval proof in every phase");
        text = Identity().Replace(text, "$1 is identical to the paper's $2");
        text = Differ().Replace(text, "$1 = $2 is not the paper's form");
        text = Draws().Replace(text, "$1");
        text = Spaces().Replace(text, " ").Trim().TrimEnd(',', ';', ':');
        if (result.Counterexample is { Count: > 0 } point)
        {
            var at = string.Join(", ", point.Where(kv => !kv.Key.Contains(' ')).Select(kv => $"{kv.Key}={kv.Value.ToString("G3", CultureInfo.InvariantCulture)}"));
            if (!text.Contains(" at ", StringComparison.Ordinal)) text += " at " + at;
        }
        return Shorten(text, MaxLength);
    }

    /// <summary>The text cut to <paramref name="width"/> characters, marking the cut with "...".</summary>
    public static string Shorten(string text, int width) =>
        text.Length <= width ? text : width <= 3 ? text[..Math.Max(0, width)] : text[..(width - 3)].TrimEnd() + "...";

    /// <summary>Up to the first "; " outside parentheses: the claim's own finding, before confirmations and notes.</summary>
    static string FirstClause(string evidence)
    {
        var text = Prefix().Replace(evidence, "");
        int depth = 0;
        for (int i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && text[i] == ';' && text[i + 1] == ' ') return text[..i];
        }
        return text;
    }

    // "counterexample (seed 20140101, after 3 draws, shrunk): " and the like: where it came from, not what it is.
    [GeneratedRegex(@"^(counterexample|witness) \([^)]*\):\s*")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"left side ([^,;]+), right side ([^,;)]+)")]
    private static partial Regex Sides();

    // Parenthesised counts and seeds: "(1 proved, 1 excluded by ...)", "(seed 20140101, shrunk)", "(3 cases)".
    [GeneratedRegex(@"\s*\((\d+ proved|seed \d+|\d+ cases|proved positive)[^()]*\)")]
    private static partial Regex Provenance();

    [GeneratedRegex(@"^identity: derived (\S+) = .*, identical to the paper's (.*)$")]
    private static partial Regex Identity();

    [GeneratedRegex(@"^the formulas differ: derived (\S+) = (.*)$")]
    private static partial Regex Differ();

    // "no counterexample in 10000 draws where 0 < phi, sn < 1": the draws' domain is in the claim.
    [GeneratedRegex(@"(no counterexample in \d+ draws)( x \d+ values of \w+)? where .*$")]
    private static partial Regex Draws();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
