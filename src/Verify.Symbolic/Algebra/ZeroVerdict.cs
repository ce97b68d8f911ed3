using System.Globalization;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

public enum ZeroStatus { Zero, NonZero, Undecided }

/// <summary>What a verdict rests on: a symbolic proof, numeric evidence at sample points (not a proof), or nothing.</summary>
public enum VerdictBasis { Proof, NumericEvidence, None }

/// <summary>Whether an expression is identically zero under assumptions, why, and what it relied on.</summary>
public sealed record ZeroVerdict(
    ZeroStatus Status,
    VerdictBasis Basis,
    string Reason,
    IReadOnlyList<SideCondition> Conditions,
    NumericZeroReport? Numeric = null)
{
    public override string ToString() => $"{Status} ({Basis}): {Reason}";
}

/// <summary>
/// The outcome of evaluating an expression at random admissible points. The residual at a point is
/// |value| divided by max(1, Σ|term|) for a sum (its size relative to the terms that cancel), or
/// |value| otherwise; points where it is undefined are counted, not used.
/// </summary>
public sealed record NumericZeroReport(
    bool LooksZero,
    double MaxResidual,
    IReadOnlyDictionary<Symbol, double>? WorstPoint,
    int Evaluated,
    int Undefined,
    double Tolerance,
    int Seed)
{
    public string Summary
    {
        get
        {
            static string G(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
            if (Evaluated == 0) return $"undefined at all {Undefined} admissible points tried (seed {Seed})";
            var at = WorstPoint is null ? "" : " at " + string.Join(", ", WorstPoint.OrderBy(kv => kv.Key.Name, StringComparer.Ordinal)
                .Select(kv => $"{kv.Key.Name} = {kv.Value.ToString("G6", CultureInfo.InvariantCulture)}"));
            return $"max residual {G(MaxResidual)} (tolerance {G(Tolerance)}) over {Evaluated} admissible points{at}"
                + (Undefined > 0 ? $", {Undefined} undefined" : "") + $" (seed {Seed})";
        }
    }

    public override string ToString() => Summary;
}
