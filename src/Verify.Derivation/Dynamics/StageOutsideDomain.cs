using Verify.Derivation.Evaluation;

namespace Verify.Derivation.Dynamics;

/// <summary>
/// A trial stage of the integrator crossed a strict bound of a state's domain (capital K > 0 taken
/// to 0 or below by too long a step on a path of fast exit): the integrators reject the step and try a
/// shorter one, since the exact path never gets there.
/// </summary>
public sealed class StageOutsideDomain(string message) : NumericFailure(message);
