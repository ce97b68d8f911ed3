namespace Verify.Numerics;

/// <summary>
/// Solves a raw system from first principles: integrals by quadrature, roots by bracketing (one
/// unknown and one condition) or damped Newton in domain-preserving coordinates (several).
/// Never throws for a numeric failure or an ill-posed system; a failed solve says why.
/// </summary>
public static class RawSolver
{
    public static RawSolution Solve(RawSystem system, SolveOptions? options = null) => Prepare(system).Solve(options);

    /// <summary>Checks and compiles the system once, for solving at many known values.</summary>
    public static PreparedSystem Prepare(RawSystem system) => new(system);
}
