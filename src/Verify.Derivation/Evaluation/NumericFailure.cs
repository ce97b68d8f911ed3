namespace Verify.Derivation.Evaluation;

/// <summary>A numeric step (a root search, a phase choice) that failed at a point; the message says which and why.</summary>
public class NumericFailure(string message) : Exception(message);

/// <summary>
/// A root search that scanned the unknown's whole declared domain, found its condition finite
/// everywhere it looked and never changing sign: the phase has no solution inside its domain here,
/// so it is not the equilibrium (as when a closed form lands outside the domain).
/// </summary>
public sealed class NoRootInDomain(string message) : NumericFailure(message);
