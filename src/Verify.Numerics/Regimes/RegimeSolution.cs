using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// A regime solved at one point: the phase whose system it is, the raw solution, and (on
/// success) every value the regime defines. <see cref="Attempts"/> records each phase tried.
/// </summary>
public sealed record RegimeSolution(
    RegimeSystem System,
    RawSolution Solution,
    IReadOnlyDictionary<Symbol, double>? Equilibrium,
    IReadOnlyList<string> Attempts)
{
    public bool Success => Solution.Success && Equilibrium is not null;

    /// <summary>A value of the equilibrium by name (unknown, fixed name, quantity or known value).</summary>
    public double this[string name] => Equilibrium!.First(kv => kv.Key.Name == name).Value;
}
