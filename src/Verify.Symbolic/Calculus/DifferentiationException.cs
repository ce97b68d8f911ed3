namespace Verify.Symbolic.Calculus;

/// <summary>
/// Raised when a derivative cannot be taken soundly: a side condition of the rule (a positive base,
/// a decided branch of max/min/abs, a non-zero slope of an implicit function) is not proved.
/// </summary>
public sealed class DifferentiationException(string message) : Exception(message);
