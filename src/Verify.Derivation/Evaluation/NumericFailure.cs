namespace Verify.Derivation.Evaluation;

/// <summary>A numeric step (a root search, a phase choice) that failed at a point; the message says which and why.</summary>
public class NumericFailure(string message) : Exception(message);
