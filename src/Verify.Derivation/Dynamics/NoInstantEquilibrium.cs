using Verify.Derivation.Evaluation;

namespace Verify.Derivation.Dynamics;

/// <summary>
/// The path reached a state where the instantaneous conditions have a solution only outside the unknowns'
/// domain (with every Southern firm moved North the South's cut-off would exceed 1): a property of the
/// dynamic model at that state, not a failure of the solver.
/// </summary>
public sealed class NoInstantEquilibrium(string message) : NumericFailure(message);
