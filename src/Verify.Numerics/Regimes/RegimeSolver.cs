using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// Solves a regime of a model file, choosing its phase as the file says: the first phase whose
/// 'when' relations hold at its own solution, else the first phase without 'when' that solves.
/// For many points, prepare the regime once (<see cref="RegimeSystems.Prepare(ModelDocument, Regime)"/>).
/// </summary>
public static class RegimeSolver
{
    public static RegimeSolution Solve(ModelDocument model, Regime regime, IReadOnlyDictionary<Symbol, double> parameters,
        IReadOnlyDictionary<Symbol, double>? carried = null, SolveOptions? options = null) =>
        RegimeSystems.Prepare(model, regime).Solve(parameters, carried, options);
}
