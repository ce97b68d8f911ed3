using Verify.Derivation.Evaluation;

namespace Verify.Derivation.Dynamics;

/// <summary>
/// A path took all the steps it was allowed without reaching its steady state: typically a state chattering
/// about a kink of its law that relaxes too slowly to be held at its balance to the tolerance.
/// </summary>
public sealed class StepsExhausted(string message) : NumericFailure(message);
