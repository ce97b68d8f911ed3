namespace Verify.Derivation.Tests;

/// <summary>What one point gave: a comparison, or the side that failed and why.</summary>
sealed record CrossCheckOutcome(
    CrossCheckPoint Point,
    string? DerivedPhase,
    string? RawPhase,
    double WorstRelative,
    string? WorstName,
    double BackwardResidual,
    IReadOnlyList<string> Unpinned,
    IReadOnlyList<string> Disagreements,
    string? RawFailure = null,
    string? DerivedFailure = null)
{
    public bool Compared => RawFailure is null && DerivedFailure is null;
    public bool Agrees => Compared && Disagreements.Count == 0;
}
