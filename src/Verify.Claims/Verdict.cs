namespace Verify.Claims;

/// <summary>How a claim stands against the model.</summary>
public enum Verdict
{
    /// <summary>A symbolic argument, an identity, an interval proof, or (for existence) a confirmed witness.</summary>
    Proved,
    /// <summary>A counterexample, confirmed from first principles.</summary>
    Refuted,
    /// <summary>No counterexample in the stated number of draws, and no proof.</summary>
    Holds,
    /// <summary>The check could not settle it (an existence claim without a witness, numeric failures).</summary>
    Undecided,
    /// <summary>The static model cannot settle it; the claim says why.</summary>
    NotDerivable,
}

public static class Verdicts
{
    public static string Name(this Verdict v) => v switch
    {
        Verdict.Proved => "proved",
        Verdict.Refuted => "refuted",
        Verdict.Holds => "holds",
        Verdict.Undecided => "undecided",
        _ => "not-derivable",
    };

    public static Verdict Parse(string text) => text.Trim() switch
    {
        "proved" => Verdict.Proved,
        "refuted" => Verdict.Refuted,
        "holds" => Verdict.Holds,
        "undecided" => Verdict.Undecided,
        "not-derivable" => Verdict.NotDerivable,
        _ => throw new FormatException($"'{text}' is not a verdict (proved, refuted, holds, undecided, not-derivable)"),
    };
}

/// <summary>
/// The decision on one claim in one regime: the verdict, one line of evidence, the details
/// behind it (one per assertion), and a counterexample or witness where there is one.
/// </summary>
public sealed record ClaimResult(
    string Id,
    string Regime,
    Verdict Verdict,
    string Evidence,
    IReadOnlyList<string> Details,
    IReadOnlyDictionary<string, double>? Counterexample,
    ulong Seed,
    int Draws)
{
    public string Key => $"{Id}@{Regime}";
}
